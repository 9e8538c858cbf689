/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.text.Normalizer;
import java.util.Map;

/**
 * Removes accents and folds Latin letters that decomposition leaves alone ("ø", "ł", "ß", "æ") to
 * plain ASCII, so "François" and "Francois", "Łukasz" and "Lukasz" compare equal.
 */
public final class StripDiacritics implements NameStep {

  private static final Map<Character, String> LETTERS =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('æ', "ae"),
          Map.entry('Æ', "AE"),
          Map.entry('œ', "oe"),
          Map.entry('Œ', "OE"),
          Map.entry('ø', "o"),
          Map.entry('Ø', "O"),
          Map.entry('ł', "l"),
          Map.entry('Ł', "L"),
          Map.entry('đ', "d"),
          Map.entry('Đ', "D"),
          Map.entry('ð', "d"),
          Map.entry('Ð', "D"),
          Map.entry('þ', "th"),
          Map.entry('Þ', "TH"),
          Map.entry('ı', "i"),
          Map.entry('ħ', "h"),
          Map.entry('ŋ', "ng"));

  @Override
  public String apply(String text) {
    if (isAscii(text)) {
      return text;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        continue;
      }
      String folded = LETTERS.get(c);
      if (folded != null) {
        out.append(folded);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
