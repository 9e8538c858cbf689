/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * An event told by a noun: "the arrest of X by Y", "X's recruitment of Y", "the abduction of X in
 * Y", "Y carried out the attack on X", "sanctions on X".
 */
public final class ReadNominalEvent implements EventRule {
  /** Verbs whose subject did what their object noun names: "X carried out the attack". */
  private static final Set<String> DOING =
      Set.of(
          "carry",
          "conduct",
          "order",
          "orchestrate",
          "plan",
          "mastermind",
          "launch",
          "claim",
          "stage",
          "commit",
          "impose",
          "announce",
          "organise",
          "organize",
          "perpetrate");

  /** Words that make their subject the doer of what they point to: "X was implicated in N". */
  private static final Set<String> RESPONSIBLE =
      Set.of(
          "implicate",
          "involve",
          "responsible",
          "behind",
          "link",
          "tie",
          "connect",
          "guilty",
          "participate",
          "part");

  /** Verbs whose object is the one held to have done it: "police blamed X for the attack". */
  private static final Set<String> ACCUSING =
      Set.of("blame", "accuse", "suspect", "charge", "convict", "hold");

  /** Verbs whose subject takes the doing on itself: "X claimed responsibility for the attack". */
  private static final Set<String> OWNING = Set.of("claim", "assume", "accept", "admit", "bear");

  /**
   * The one held responsible by the nearest word above {@code trigger} (through prepositions, lists
   * and "such as"/"including", at most four steps) that says who did it: "the network has been
   * implicated in operations, including assassinations" makes the network their perpetrator, "the
   * police blamed X for the attack" X, "X claimed responsibility for the attack" X.
   */
  private static Optional<Integer> responsible(MentionedSentence s, int trigger) {
    int at = trigger;
    for (int step = 0; step < 4; step++) {
      Optional<Dependency> up =
          s.parse().governors(at).stream()
              .filter(g -> g.governor() >= 0)
              .filter(g -> g.is("nmod") || g.is("obl") || g.is("conj") || g.is("appos"))
              .findFirst();
      if (up.isEmpty()) {
        return Optional.empty();
      }
      at = up.get().governor();
      String lemma = s.lemma(at);
      if (lemma.equals("responsibility")) {
        return s.parse().governors(at).stream()
            .filter(g -> g.governor() >= 0 && g.is("obj") && OWNING.contains(s.lemma(g.governor())))
            .flatMap(g -> named(s, g.governor(), List.of("nsubj")).stream())
            .findFirst();
      }
      if (ACCUSING.contains(lemma)) {
        return named(s, at, List.of("nsubj:pass", "obj"));
      }
      if (RESPONSIBLE.contains(lemma)) {
        return named(s, at, List.of("nsubj:pass", "nsubj", "obj"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> named(MentionedSentence s, int word, List<String> rels) {
    for (String rel : rels) {
      for (int d : s.parse().dependents(word, rel)) {
        if (s.named(d).isPresent()) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int i = 0; i < s.parse().tokens().size(); i++) {
      int w = i;
      Optional<Trigger> found = Trigger.forNoun(s.lemma(w));
      if (found.isEmpty() || !s.parse().token(w).isNoun() || s.mentionAt(w).isPresent()) {
        continue;
      }
      Trigger t = found.get();
      Arguments args = new Arguments(s);
      boolean hasOf = !s.parse().dependents(w, "nmod:of").isEmpty();
      args.add(w, "nmod:by", t.agent());
      if (hasOf || t.patient().isEmpty()) {
        args.add(w, "nmod:poss", t.agent());
      }
      t.patient()
          .ifPresent(
              p -> {
                args.add(w, "nmod:of", p);
                if (!hasOf) {
                  args.add(w, "nmod:poss", p);
                }
                args.add(w, "nmod:on", p);
                args.add(w, "nmod:against", p);
              });
      if (t.patient().isEmpty()) {
        args.add(w, "nmod:of", t.agent());
      }
      // "a dynamite attack", "the car bomb explosion": arms named before the noun are its weapon.
      for (int c : s.parse().dependents(w, "compound")) {
        if (Arguments.isWeapon(s.parse().token(c).word())) {
          args.add(c, "weapon");
        }
      }
      for (Map.Entry<String, String> o : t.obliques().entrySet()) {
        args.add(w, "nmod:" + o.getKey(), o.getValue());
      }
      for (Dependency g : s.parse().governors(w)) {
        if (g.governor() >= 0
            && (g.is("obj") || g.is("nsubj:pass"))
            && s.lemma(g.governor()).equals("attribute")) {
          // "the attack was attributed to X", "they attributed the attack to X"
          args.add(g.governor(), "obl:to", t.agent());
        }
        if (g.governor() >= 0
            && (g.is("obj") || g.is("nsubj:pass"))
            && DOING.contains(s.lemma(g.governor()))) {
          args.add(g.governor(), "nsubj", t.agent());
          args.add(g.governor(), "obl:agent", t.agent());
          args.addPartners(g.governor(), t.agent());
          t.obliques().forEach((rel, role) -> args.add(g.governor(), "obl:" + rel, role));
        }
      }
      List<Integer> doneBy = new ArrayList<>(s.parse().dependents(w, "acl"));
      for (Dependency g : s.parse().governors(w)) {
        // "the attack carried out by the fmln": on lower-case copy the parser often takes the
        // participle for a main verb and the deed for its subject; a deed does nothing itself.
        if (g.governor() >= 0
            && g.is("nsubj")
            && !s.parse().dependents(g.governor(), "obl:by").isEmpty()) {
          doneBy.add(g.governor());
        }
      }
      for (int done : doneBy) {
        // "the attack carried out by the FMLN against the staff", "attacks attributed to X"
        for (int by : s.parse().dependents(done, "obl:by")) {
          args.add(by, t.agent());
          t.patient().ifPresent(p -> args.add(by, "nmod:against", p));
        }
        if (DOING.contains(s.lemma(done))) {
          args.add(done, "obl:agent", t.agent());
          t.patient().ifPresent(p -> args.add(done, "obl:against", p));
          t.obliques().forEach((rel, role) -> args.add(done, "obl:" + rel, role));
        }
        if (s.lemma(done).equals("attribute")) {
          args.add(done, "obl:to", t.agent());
        }
      }
      if (!args.has(t.agent())) {
        responsible(s, w).ifPresent(r -> args.add(r, t.agent()));
      }
      if (!args.has(t.agent())) {
        DoerNamedBefore.doers(s, w).forEach(d -> args.add(d, t.agent()));
      }
      if (!args.has(t.agent())) {
        // "X was accused of kidnapping Y", the parser making "kidnapping" a word before the name
        AccusedOfDoing.doers(s, w).forEach(d -> args.add(d, t.agent()));
        t.patient().ifPresent(p -> AccusedOfDoing.doneTo(s, w).ifPresent(d -> args.add(d, p)));
      }
      args.event(t, w, "nominal-event", 0.6).ifPresent(out::add);
    }
    return out;
  }
}
