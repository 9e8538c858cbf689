/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences: at a line break, or at ., ! or ? followed by space and a capital,
 * digit or quote, unless the full stop ends a known abbreviation ("Mr.", "U.S.", "Gen.").
 */
final class Sentences {
  /** One sentence, [start, end) in the text. */
  record Sentence(int start, int end, String text) {}

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "sgt", "rev",
          "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
          "nov", "dec", "inc", "ltd", "co", "corp", "jr", "sr", "e.g", "i.e", "u.s", "u.k", "u.n",
          "c.i.a", "f.b.i", "etc", "al");

  private Sentences() {}

  static List<Sentence> split(String text) {
    List<Sentence> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean cut = false;
      int end = i + 1;
      if (c == '\n') {
        cut = true;
        end = i;
      } else if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
        cut = true;
        while (end < text.length() && "\"”’')".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
      }
      if (cut) {
        add(out, text, start, end);
        start = Math.max(end, i + 1);
        i = start - 1;
      }
    }
    add(out, text, start, text.length());
    return out;
  }

  private static boolean endsSentence(String text, int i) {
    int j = i + 1;
    while (j < text.length() && "\"”’')".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    if (j < text.length()) {
      char next = text.charAt(j);
      if (!(Character.isUpperCase(next)
          || Character.isDigit(next)
          || "\"“‘'(\n".indexOf(next) >= 0)) {
        return false;
      }
    }
    if (text.charAt(i) != '.') {
      return true;
    }
    int w = i;
    while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
      w--;
    }
    String word = text.substring(w, i).toLowerCase(Locale.ROOT);
    return !(ABBREVIATIONS.contains(word) || word.length() == 1);
  }

  private static void add(List<Sentence> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Sentence(start, end, text.substring(start, end)));
    }
  }
}
