/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * An event told by a participle that describes a noun: "the mayor killed by gunmen" (the noun is
 * the one done to, the "by" phrase the doer), "a cell kidnapping tourists" (the noun is the doer).
 * The parser hangs such a participle on its noun with "acl" and often gives its "by" phrase as a
 * plain "obl:by", not the passive agent.
 */
public final class ReadParticipleEvent implements EventRule {
  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int i = 0; i < s.parse().tokens().size(); i++) {
      int w = i;
      Trigger t = Trigger.VERBS.get(s.lemma(w));
      Optional<Integer> noun = describedNoun(s, w);
      if (t == null
          || noun.isEmpty()
          || !s.parse().token(w).isVerb()
          || s.mentionAt(w).isPresent()) {
        continue;
      }
      Arguments args = new Arguments(s);
      if (s.parse().token(w).tag().equals("VBG")) {
        args.add(noun.get(), t.agent());
        t.patient().ifPresent(p -> args.add(w, "obj", p));
      } else {
        args.add(w, "obl:agent", t.agent());
        args.add(w, "obl:by", t.agent());
        t.patient().ifPresent(p -> args.add(noun.get(), p));
      }
      args.addInstruments(w, t.agent());
      for (Map.Entry<String, String> o : t.obliques().entrySet()) {
        args.add(w, "obl:" + o.getKey(), o.getValue());
      }
      args.event(t, w, "participle-event", 0.6).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The noun a participle describes ("acl", not a relative clause) when the participle has no
   * subject of its own; or the subject the parser gave a bare participle with a "by" phrase and no
   * object or auxiliary ("the mayor murdered by gunmen was ...": a reduced passive, not an active
   * verb whose subject did it).
   */
  static Optional<Integer> describedNoun(MentionedSentence s, int verb) {
    if (!s.parse().dependents(verb, "nsubj:pass").isEmpty()) {
      return Optional.empty();
    }
    List<Integer> subjects = s.parse().dependents(verb, "nsubj");
    if (!subjects.isEmpty()) {
      boolean reducedPassive =
          (s.parse().token(verb).tag().equals("VBN") || s.parse().token(verb).tag().equals("VBD"))
              && !s.parse().dependents(verb, "obl:by").isEmpty()
              && s.parse().dependents(verb, "obj").isEmpty()
              && s.parse().dependents(verb).stream().noneMatch(d -> d.is("aux"));
      return reducedPassive ? Optional.of(subjects.get(0)) : Optional.empty();
    }
    return s.parse().governors(verb).stream()
        .filter(g -> g.governor() >= 0 && g.relation().equals("acl"))
        .map(Dependency::governor)
        .filter(g -> s.parse().token(g).isNoun() || s.parse().token(g).tag().startsWith("PRP"))
        .findFirst();
  }
}
