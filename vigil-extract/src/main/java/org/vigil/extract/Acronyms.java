/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a text's own acronym definitions, "Ministry of Intelligence and Security (MOIS)": the
 * letters in brackets must spell the initials of the capitalised words before them, where small
 * words ("of", "and") may give a letter or none.
 */
final class Acronyms {
  /** A definition found: the long form at [start, longEnd), the short form at [shortStart, end). */
  record Found(
      String shortForm, String longForm, int start, int longEnd, int shortStart, int end) {}

  private static final Pattern BRACKETED =
      Pattern.compile("\\(\\s*(\\p{Lu}[\\p{Lu}\\d&.-]{1,11})\\s*\\)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’.-]*");
  private static final Set<String> SMALL =
      Set.of("of", "and", "the", "for", "on", "in", "al", "de", "&");
  private static final int MAX_WORDS = 10;

  private Acronyms() {}

  static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    Matcher m = BRACKETED.matcher(text);
    while (m.find()) {
      String shortForm = m.group(1);
      String letters = shortForm.replaceAll("[^\\p{Lu}\\d]", "");
      List<int[]> words = wordsBefore(text, m.start());
      definition(text, words, letters)
          .ifPresent(
              span ->
                  found.add(
                      new Found(
                          shortForm,
                          text.substring(span[0], span[1]),
                          span[0],
                          span[1],
                          m.start(1),
                          m.end(1))));
    }
    return found;
  }

  private static List<int[]> wordsBefore(String text, int bracket) {
    int from = Math.max(0, bracket - 160);
    List<int[]> words = new ArrayList<>();
    Matcher w = WORD.matcher(text);
    w.region(from, bracket);
    while (w.find()) {
      int end = w.end();
      // A possessive ending comes off a word, but a word that is only "'s" (tokenised text) stays.
      if (end - 2 > w.start()
          && (text.startsWith("’s", end - 2) || text.startsWith("'s", end - 2))) {
        end -= 2;
      }
      words.add(new int[] {w.start(), end});
    }
    // Only the words after the last clause break can belong to the long form.
    List<int[]> tail = new ArrayList<>();
    for (int i = words.size() - 1; i >= 0 && tail.size() < MAX_WORDS; i--) {
      int[] word = words.get(i);
      String gap = text.substring(word[1], i + 1 < words.size() ? words.get(i + 1)[0] : bracket);
      if (gap.matches(".*[,;:!?()\"“”].*")) {
        break;
      }
      tail.add(0, word);
    }
    return tail;
  }

  private static Optional<int[]> definition(String text, List<int[]> words, String letters) {
    for (int first = words.size() - 1; first >= 0; first--) {
      String head = text.substring(words.get(first)[0], words.get(first)[1]);
      if (!Character.isUpperCase(head.charAt(0))) {
        continue;
      }
      if (spells(text, words, first, 0, letters)) {
        return Optional.of(new int[] {words.get(first)[0], words.get(words.size() - 1)[1]});
      }
    }
    return Optional.empty();
  }

  private static boolean spells(String text, List<int[]> words, int w, int l, String letters) {
    if (w == words.size()) {
      return l == letters.length();
    }
    String word = text.substring(words.get(w)[0], words.get(w)[1]);
    boolean small = SMALL.contains(word);
    if (!small && !Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    boolean initialMatches =
        l < letters.length() && Character.toUpperCase(word.charAt(0)) == letters.charAt(l);
    if (initialMatches && spells(text, words, w + 1, l + 1, letters)) {
      return true;
    }
    return small && spells(text, words, w + 1, l, letters);
  }
}
