/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

/**
 * Writes an Arabic-script word in Latin ASCII letters by its language's conventions, one letter at
 * a time, long vowels as the consonant-like "w" and "y" that leave short vowels out (محمد is
 * "mhmd", حسین is "hsyn"), ayn as the "a" most spellings give it (علی is "aly"): comparison reads
 * the vowels from the long-vowel letters and the consonants from the skeleton ({@link
 * ArabicScriptSkeleton}). Arabic: ض d, ظ z, ذ dh, ث th, و w; Persian, Pashto and Urdu: ض ظ ذ z, ث
 * s, an initial و v; Pashto's ځ z, څ s, ښ sh, ږ zh and its retroflex ډ ټ ړ ڼ; Urdu's ٹ ڈ ڑ ں ے.
 * Letters it does not know are left out.
 */
public final class RomaniseArabicScript implements NameStep {

  private final ArabicScriptLanguage language;

  public RomaniseArabicScript(ArabicScriptLanguage language) {
    this.language = requireNonNull(language, "language");
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean wordStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        out.append(c < 0x80 ? c : ' ');
        wordStart = true;
        continue;
      }
      out.append(c < 0x80 ? String.valueOf(c) : letter(c, wordStart));
      wordStart = false;
    }
    return out.toString();
  }

  private String letter(char c, boolean wordStart) {
    boolean persian = language.readsLikePersian();
    return switch (c) {
      case '\u0627', '\u0622', '\u0623', '\u0625', '\u0671' -> "a";
      case '\u0628' -> "b";
      case '\u067E' -> "p";
      case '\u062A', '\u0637', '\u0679', '\u067C' -> "t";
      case '\u062B' -> persian ? "s" : "th";
      case '\u062C' -> "j";
      case '\u0686' -> "ch";
      case '\u062D', '\u0647', '\u0629', '\u06C1', '\u06BE', '\u06C3' -> "h";
      case '\u062E' -> "kh";
      case '\u062F', '\u0688', '\u0689' -> "d";
      case '\u0630' -> persian ? "z" : "dh";
      case '\u0631', '\u0691', '\u0693' -> "r";
      case '\u0632', '\u0681' -> "z";
      case '\u0698', '\u0696' -> "zh";
      case '\u0633', '\u0635', '\u0685' -> "s";
      case '\u0634', '\u069A' -> "sh";
      case '\u0636' -> persian ? "z" : "d";
      case '\u0638' -> "z";
      case '\u063A' -> "gh";
      case '\u0641' -> "f";
      case '\u0642' -> "q";
      case '\u0643', '\u06A9', '\u06AA' -> "k";
      case '\u06AF' -> "g";
      case '\u0644' -> "l";
      case '\u0645' -> "m";
      case '\u0646', '\u06BC', '\u06BA' -> "n";
      case '\u0648', '\u0624' -> wordStart && persian ? "v" : "w";
      case '\u064A', '\u06CC', '\u0649', '\u06D2', '\u06D0', '\u06CD', '\u0626' -> "y";
      // ayn: Latin spellings write a vowel ("Ali", "Saad", "Jafar") or an apostrophe
      case '\u0639' -> "a";
      // hamza: an apostrophe or nothing
      default -> "";
    };
  }
}
