/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.Optional;
import java.util.Set;
import org.vigil.extract.relations.MentionedSentence;

/**
 * A part told of in place of its whole: "the explosion wounded the arm of Beatriz Iero" wounded
 * her, "damaged the doors of the offices" the offices. A part of nothing named ("shot in the
 * heart", "broke the windows") is no participant.
 */
final class PartsOfWholes {
  /** Parts of a body or a building, by lemma. */
  private static final Set<String> PARTS =
      Set.of(
          "arm",
          "leg",
          "heart",
          "brain",
          "chest",
          "face",
          "eye",
          "hand",
          "foot",
          "neck",
          "stomach",
          "abdomen",
          "door",
          "wall",
          "window",
          "roof",
          "facade",
          "entrance",
          "gate",
          "ceiling");

  private PartsOfWholes() {}

  /**
   * The word that names who or what was done to when word {@code word} is: the whole a part is of
   * ("the arm of X": X), the word itself when it names no part, nothing for a part of nothing
   * named.
   */
  static Optional<Integer> participant(MentionedSentence s, int word) {
    if (!PARTS.contains(s.lemma(word))) {
      return Optional.of(word);
    }
    return s.parse().dependents(word, "nmod:of").stream()
        .findFirst()
        .or(() -> s.parse().dependents(word, "nmod:poss").stream().findFirst());
  }
}
