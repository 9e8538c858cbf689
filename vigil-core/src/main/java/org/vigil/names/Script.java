/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import com.ibm.icu.lang.UScript;

/** The writing system a name is written in, as far as name matching cares. */
public enum Script {
  LATIN,
  ARABIC,
  CYRILLIC,
  GREEK,
  HEBREW,
  HAN,
  HANGUL,
  KANA,
  DEVANAGARI,
  ARMENIAN,
  GEORGIAN,
  THAI,
  OTHER,
  /** No letters at all: digits, punctuation or nothing. */
  NONE;

  /** Whether the script usually leaves short vowels unwritten, so transliterations lack them. */
  public boolean isAbjad() {
    return this == ARABIC || this == HEBREW;
  }

  /** The script most of the letters of {@code text} are written in. */
  public static Script detect(String text) {
    int[] counts = new int[values().length];
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        counts[of(cp).ordinal()]++;
      }
    }
    Script best = NONE;
    int bestCount = 0;
    for (Script s : values()) {
      if (counts[s.ordinal()] > bestCount) {
        best = s;
        bestCount = counts[s.ordinal()];
      }
    }
    return best;
  }

  static Script of(int codePoint) {
    if (codePoint < 0x250) {
      return LATIN;
    }
    int script = UScript.getScript(codePoint);
    return switch (script) {
      case UScript.LATIN -> LATIN;
      case UScript.ARABIC, UScript.SYRIAC, UScript.THAANA -> ARABIC;
      case UScript.CYRILLIC -> CYRILLIC;
      case UScript.GREEK -> GREEK;
      case UScript.HEBREW -> HEBREW;
      case UScript.HAN -> HAN;
      case UScript.HANGUL -> HANGUL;
      case UScript.HIRAGANA, UScript.KATAKANA -> KANA;
      case UScript.DEVANAGARI -> DEVANAGARI;
      case UScript.ARMENIAN -> ARMENIAN;
      case UScript.GEORGIAN -> GEORGIAN;
      case UScript.THAI -> THAI;
      default -> OTHER;
    };
  }
}
