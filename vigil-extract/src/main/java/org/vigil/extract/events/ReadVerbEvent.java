/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;

/**
 * An event told by its verb, active or passive, its arguments coordinated or not: "Turkish police
 * arrested X and Y in Istanbul", "X was kidnapped by agents of Y", "Hells Angels members hired to
 * kill Z" (the hired are the killers).
 */
public final class ReadVerbEvent implements EventRule {
  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int i = 0; i < s.parse().tokens().size(); i++) {
      int w = i;
      Trigger t = Trigger.VERBS.get(s.lemma(w));
      if (t == null
          || !s.parse().token(w).isVerb()
          || s.mentionAt(w).isPresent()
          || ReadParticipleEvent.describedNoun(s, w).isPresent()) {
        continue;
      }
      if (t.kind().equals("arrest") && takesAPlace(s, w)) {
        continue;
      }
      Arguments args = new Arguments(s);
      args.add(w, "nsubj", t.agent());
      args.add(w, "nsubj:xsubj", t.agent());
      args.add(w, "obl:agent", t.agent());
      if (s.parse().dependents(w, "nsubj").isEmpty()) {
        AccusedOfDoing.doers(s, w).forEach(d -> args.add(d, t.agent()));
        t.patient().ifPresent(p -> AccusedOfDoing.doneTo(s, w).ifPresent(d -> args.add(d, p)));
      }
      args.addPartners(w, t.agent());
      args.addInstruments(w, t.agent());
      t.patient()
          .ifPresent(
              p -> {
                args.add(w, "obj", p);
                args.add(w, "nsubj:pass", p);
              });
      if (t.patient().isEmpty()) {
        args.add(w, "nsubj:pass", t.agent());
      }
      for (Map.Entry<String, String> o : t.obliques().entrySet()) {
        args.add(w, "obl:" + o.getKey(), o.getValue());
        // "defected from the IRGC to Germany": the parser often hangs "to Germany" on "IRGC".
        for (int obl : s.parse().dependents(w, "obl")) {
          args.add(obl, "nmod:" + o.getKey(), o.getValue());
        }
      }
      if (t.kind().equals("defection") && !args.has("from")) {
        // "A senior officer of the ministry has defected": the body he is of is what he left.
        for (int d : s.parse().dependents(w, "nsubj")) {
          args.add(d, "nmod:of", "from");
        }
      }
      args.event(t, w, "verb-event", 0.7).ifPresent(out::add);
    }
    return out;
  }

  /** "ISIS captured Mosul": a place taken is no one arrested. */
  private static boolean takesAPlace(MentionedSentence s, int verb) {
    return s.parse().dependents(verb, "obj").stream()
        .anyMatch(o -> s.mentionAt(o, MentionType.LOCATION).isPresent());
  }
}
