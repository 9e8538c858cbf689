/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Separately, the ministry said...": an adverb that opens a sentence is capitalised only because
 * it opens it; a recogniser's one-word name there, followed by a comma, that is an adverb (a word
 * in -ly, or one of the linking adverbs of reporting) is no name and is dropped.
 */
final class DropOpeningAdverbs {
  private static final Set<String> ADVERBS =
      Set.of(
          "meanwhile",
          "however",
          "moreover",
          "furthermore",
          "nevertheless",
          "nonetheless",
          "still",
          "yet",
          "also",
          "instead",
          "later",
          "earlier",
          "afterwards",
          "elsewhere",
          "likewise",
          "otherwise",
          "thus",
          "hence",
          "therefore",
          "indeed",
          "overall",
          "then",
          "now",
          "today",
          "yesterday",
          "tonight",
          "again",
          "besides",
          "altogether",
          "anyway");

  private DropOpeningAdverbs() {}

  static List<Mention> apply(String text, List<Sentences.Sentence> sentences, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if (!opensSentence(text, sentences, m) || !isAdverb(m.text()) || !commaAfter(text, m)) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean isAdverb(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return !w.contains(" ") && (ADVERBS.contains(w) || (w.length() > 6 && w.endsWith("ly")));
  }

  private static boolean opensSentence(String text, List<Sentences.Sentence> sentences, Mention m) {
    for (Sentences.Sentence s : sentences) {
      if (s.start() <= m.start() && m.start() < s.end()) {
        return text.substring(s.start(), m.start()).chars().noneMatch(Character::isLetterOrDigit);
      }
    }
    return false;
  }

  private static boolean commaAfter(String text, Mention m) {
    return m.end() < text.length() && text.charAt(m.end()) == ',';
  }
}
