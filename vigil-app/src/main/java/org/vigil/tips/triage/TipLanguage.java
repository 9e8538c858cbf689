/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import java.util.Locale;
import java.util.Set;

/**
 * The language a tip is written in, as far as the tip line's triage needs it: English, Persian,
 * Arabic, or another. Told from the script of its letters, then, within the Arabic script, from the
 * letters and short words only one of Persian and Arabic uses, and within the Latin script from
 * English's commonest words. Small on purpose, and meant for texts of a line or two: a tip is often
 * shorter than what a general language guesser needs.
 */
public enum TipLanguage {
  EN,
  FA,
  AR,
  OTHER;

  /** The first characters looked at; enough to tell, and bounded for a tip of a megabyte. */
  static final int SAMPLE_CHARS = 4_000;

  // Persian's own letters: pe, che, zhe, gaf, and the Persian kaf and yeh.
  private static final String PERSIAN_LETTERS = "\u067E\u0686\u0698\u06AF\u06A9\u06CC";
  // Arabic's own: teh marbuta, the Arabic yeh and kaf, alef maksura, hamza seats.
  private static final String ARABIC_LETTERS = "\u0629\u064A\u0643\u0649\u0623\u0625\u0624";

  private static final Set<String> PERSIAN_WORDS =
      Set.of("است", "این", "که", "را", "از", "با", "برای", "آن", "هست", "شد", "می", "بود", "او");
  private static final Set<String> ARABIC_WORDS =
      Set.of(
          "في", "من", "على", "إلى", "الى", "التي", "الذي", "عن", "هذا", "هذه", "أن", "كان", "مع");
  private static final Set<String> ENGLISH_WORDS =
      Set.of(
          "the", "and", "of", "to", "in", "is", "was", "that", "for", "with", "on", "he", "she",
          "they", "his", "her", "are", "by", "at", "from", "a", "an", "i", "we", "this", "it");

  /** The code shown and stored: "en", "fa", "ar" or "other". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language of {@code text}; {@link #OTHER} when it has no letters or fits none. */
  public static TipLanguage of(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    int latin = 0;
    int arabicScript = 0;
    int otherScripts = 0;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      switch (Character.UnicodeScript.of(cp)) {
        case LATIN -> latin++;
        case ARABIC -> arabicScript++;
        default -> otherScripts++;
      }
    }
    if (arabicScript > latin && arabicScript > otherScripts) {
      return persianOrArabic(sample);
    }
    if (latin > arabicScript && latin > otherScripts) {
      return englishOrNot(sample);
    }
    return OTHER;
  }

  private static TipLanguage persianOrArabic(String sample) {
    int persian = 0;
    int arabic = 0;
    for (int i = 0; i < sample.length(); i++) {
      char ch = sample.charAt(i);
      if (PERSIAN_LETTERS.indexOf(ch) >= 0) {
        persian++;
      } else if (ARABIC_LETTERS.indexOf(ch) >= 0) {
        arabic++;
      }
    }
    // A word weighs more than a letter: a Persian text typed on an Arabic keyboard has Arabic yeh
    // and kaf, but still Persian's words.
    for (String word : sample.split("[^\\p{L}\\p{M}]+")) {
      if (PERSIAN_WORDS.contains(word)) {
        persian += 3;
      } else if (ARABIC_WORDS.contains(word)) {
        arabic += 3;
      } else if (word.length() > 3 && word.startsWith("ال")) {
        arabic++;
      }
    }
    if (persian == arabic) {
      return OTHER;
    }
    return persian > arabic ? FA : AR;
  }

  private static TipLanguage englishOrNot(String sample) {
    int words = 0;
    int english = 0;
    for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
      if (word.isEmpty()) {
        continue;
      }
      words++;
      if (ENGLISH_WORDS.contains(word)) {
        english++;
      }
    }
    // English running text is a fifth or more these words; a tenth leaves room for a terse tip.
    return english > 0 && english * 10 >= words ? EN : OTHER;
  }
}
