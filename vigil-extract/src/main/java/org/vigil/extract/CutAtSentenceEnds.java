/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A name never runs across a sentence's end: a recogniser's mention that does ("Security. The
 * Agency", a headline line joined to the first sentence) is cut at each end into the names on
 * either side; a piece without a capital letter is no name and is dropped.
 */
final class CutAtSentenceEnds {
  private CutAtSentenceEnds() {}

  static List<Mention> apply(String text, List<Sentences.Sentence> sentences, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if (sentences.stream().anyMatch(s -> s.start() <= m.start() && m.end() <= s.end())) {
        out.add(m);
        continue;
      }
      for (Sentences.Sentence s : sentences) {
        int start = Math.max(s.start(), m.start());
        int end = Math.min(s.end(), m.end());
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
          start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
          end--;
        }
        if (end <= start) {
          continue;
        }
        String piece = text.substring(start, end);
        if (piece.chars().anyMatch(Character::isUpperCase)) {
          out.add(
              new Mention(
                  piece,
                  m.type(),
                  start,
                  end,
                  EntityIds.forName(m.type(), piece),
                  m.schema(),
                  java.util.Optional.empty(),
                  m.extractor(),
                  m.confidence()));
        }
      }
    }
    return out;
  }
}
