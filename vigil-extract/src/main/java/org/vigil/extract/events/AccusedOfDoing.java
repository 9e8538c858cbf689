/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * The doer of a deed told by a gerund after a word of accusing: "X was accused of killing Y",
 * "police charged X with kidnapping Y", "eight soldiers accused of assassinating the priests". The
 * one accused is the doer as the text tells it; the accusation's stance is the claims rules' part.
 */
final class AccusedOfDoing {
  /** Verbs whose object, or passive subject, is the one held to have done their gerund. */
  private static final Set<String> ACCUSING =
      Set.of("accuse", "suspect", "charge", "convict", "blame", "indict", "arrest", "detain");

  /** The prepositions that join the deed to the accusing verb. */
  private static final Set<String> JOINING =
      Set.of("obl:of", "advcl:of", "obl:with", "advcl:with", "obl:for", "advcl:for");

  private AccusedOfDoing() {}

  /** The words for those accused of doing what {@code deed} says; empty when none. */
  static List<Integer> doers(MentionedSentence s, int deed) {
    List<Integer> out = new ArrayList<>();
    for (Dependency g : s.parse().governors(deed)) {
      int accusing = g.governor();
      if (accusing < 0) {
        continue;
      }
      if (doneTo(s, deed).isPresent()) {
        accusing =
            s.parse().governors(g.governor()).stream()
                .filter(up -> JOINING.contains(up.relation()))
                .map(Dependency::governor)
                .findFirst()
                .orElse(-1);
      } else if (!JOINING.contains(g.relation()) || !s.parse().token(deed).tag().equals("VBG")) {
        continue;
      }
      if (accusing < 0 || !ACCUSING.contains(s.lemma(accusing))) {
        continue;
      }
      out.addAll(s.parse().dependents(accusing, "nsubj:pass"));
      out.addAll(s.parse().dependents(accusing, "obj"));
      if (out.isEmpty()
          && s.parse().token(accusing).tag().equals("VBN")
          && s.parse().dependents(accusing).stream().noneMatch(d -> d.is("aux"))) {
        // "members accused of killing": the parser may make the participle's noun its subject.
        out.addAll(s.parse().dependents(accusing, "nsubj"));
      }
      // "soldiers accused of killing": the accused are the noun the participle describes.
      for (Dependency up : s.parse().governors(accusing)) {
        if (up.governor() >= 0 && (up.is("amod") || up.relation().equals("acl"))) {
          out.add(up.governor());
        }
      }
    }
    return out;
  }

  /**
   * The one done to when the parser made the deed a modifier of its object's name: in "accused of
   * kidnapping Olga Sidorova" it often reads "kidnapping" as a word before the name, and the name
   * as what the accusing is "of".
   */
  static Optional<Integer> doneTo(MentionedSentence s, int deed) {
    for (Dependency g : s.parse().governors(deed)) {
      int name = g.governor();
      if (name < 0 || !(g.is("amod") || g.is("compound")) || s.named(name).isEmpty()) {
        continue;
      }
      for (Dependency up : s.parse().governors(name)) {
        if (up.governor() >= 0
            && JOINING.contains(up.relation())
            && ACCUSING.contains(s.lemma(up.governor()))) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }
}
