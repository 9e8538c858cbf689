/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/**
 * Folds the letter forms that Arabic, Persian and Urdu write differently for one name: Persian yeh
 * and kaf to their Arabic forms (ی to ي, ک to ك), alef maksura to yeh, teh marbuta to heh, the
 * hamza carriers (أ إ آ ٱ ؤ ئ) to their bare letters; drops the tatweel and the harakat (short
 * vowel marks). Also separates the article "ال" from the word it is written onto, because Latin
 * spellings write it apart ("al-Tikriti").
 */
public final class FoldArabicLetterVariants implements NameStep {

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    boolean wordStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isHaraka(c) || c == '\u0640') {
        continue;
      }
      char folded = fold(c);
      if (wordStart && folded == '\u0627' && startsArticle(text, i)) {
        out.append("\u0627\u0644 ");
        i = skipMarks(text, i + 1);
        wordStart = false;
        continue;
      }
      out.append(folded);
      wordStart = !Character.isLetter(folded);
    }
    return out.toString();
  }

  static char fold(char c) {
    return switch (c) {
      case '\u06CC', '\u0649', '\u06D2' -> '\u064A'; // Persian yeh, alef maksura, Urdu yeh barree
      case '\u06A9', '\u06AA' -> '\u0643'; // Persian keheh, swash kaf
      case '\u0629', '\u06C1', '\u06BE' -> '\u0647'; // teh marbuta, heh goal, heh doachashmee
      case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // hamza carriers on alef
      case '\u0624' -> '\u0648'; // waw with hamza
      case '\u0626' -> '\u064A'; // yeh with hamza
      default -> c;
    };
  }

  private static boolean isHaraka(char c) {
    return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0654' || c == '\u0655';
  }

  // "ال" followed by at least two more letters of the same word.
  private static boolean startsArticle(String text, int i) {
    int lam = skipMarks(text, i + 1);
    if (lam >= text.length() || text.charAt(lam) != '\u0644') {
      return false;
    }
    int letters = 0;
    for (int j = lam + 1; j < text.length() && letters < 2; j++) {
      char c = text.charAt(j);
      if (isHaraka(c) || c == '\u0640') {
        continue;
      }
      if (!Character.isLetter(c)) {
        break;
      }
      letters++;
    }
    return letters >= 2 && !isAllah(text, lam);
  }

  // "الله" is one word, not an article and a noun.
  private static boolean isAllah(String text, int lam) {
    int end = lam + 3;
    return end <= text.length()
        && text.charAt(lam + 1) == '\u0644'
        && text.charAt(lam + 2) == '\u0647'
        && (end == text.length() || !Character.isLetter(text.charAt(end)));
  }

  private static int skipMarks(String text, int i) {
    int j = i;
    while (j < text.length() && (isHaraka(text.charAt(j)) || text.charAt(j) == '\u0640')) {
      j++;
    }
    return j;
  }
}
