/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.text.Normalizer;

/**
 * Removes combining marks (accents, vowel signs written as marks, harakat) from text in any script
 * and leaves its letters in that script; precomposed syllables (Hangul) are recomposed.
 */
public final class StripMarks implements NameStep {

  @Override
  public String apply(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
        out.append(c);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }
}
