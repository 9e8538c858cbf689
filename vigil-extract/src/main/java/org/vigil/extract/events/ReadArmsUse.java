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
import org.vigil.model.Schema;

/**
 * An attack told by what was done with arms: "gunmen placed a bomb at the bank", "rebels hurled
 * grenades at the police station", "a car bomb was planted outside the embassy by X". The doer is
 * the perpetrator, the arms the weapon, and where they were aimed or left ("at", "against",
 * "outside", "inside", "near", "in front of", "into") the target.
 *
 * <p>These verbs tell of an attack only when what they move is arms (a phrase with a word for arms
 * or explosives): "placed an order" and "threw a party" are none.
 */
public final class ReadArmsUse implements EventRule {
  /** Verbs of setting, throwing or firing something. */
  private static final Set<String> VERBS =
      Set.of("place", "plant", "hurl", "throw", "fire", "launch", "lob", "toss", "leave");

  private static final Trigger ARMS =
      new Trigger(
          "attack",
          Schema.EVENT,
          "perpetrator",
          Optional.of("weapon"),
          Map.of(
              "at", "target",
              "against", "target",
              "outside", "target",
              "inside", "target",
              "near", "target",
              "in_front_of", "target",
              "into", "target"));

  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      if (!s.parse().token(w).isVerb()
          || !VERBS.contains(s.lemma(w))
          || s.mentionAt(w).isPresent()
          || !movesArms(s, w)) {
        continue;
      }
      Arguments args = new Arguments(s);
      args.add(w, "nsubj", ARMS.agent());
      args.add(w, "nsubj:xsubj", ARMS.agent());
      args.add(w, "obl:agent", ARMS.agent());
      args.add(w, "obj", "weapon");
      args.add(w, "nsubj:pass", "weapon");
      for (Map.Entry<String, String> o : ARMS.obliques().entrySet()) {
        args.add(w, "obl:" + o.getKey(), o.getValue());
      }
      args.event(ARMS, w, "arms-use", 0.6).ifPresent(out::add);
    }
    return out;
  }

  /** Whether what the verb moves (its object, or its passive subject) is arms. */
  private static boolean movesArms(MentionedSentence s, int verb) {
    for (Dependency d : s.parse().dependents(verb)) {
      if ((d.is("obj") || d.is("nsubj:pass")) && Arguments.armsAt(s, d.dependent())) {
        return true;
      }
    }
    return false;
  }
}
