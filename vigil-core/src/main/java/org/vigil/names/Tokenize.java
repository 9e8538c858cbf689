/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits Latin ASCII text into lower-case name parts. Apostrophes and similar marks join the
 * letters around them ("Hyo'k" is one part, as is the "ʿ" of a transliterated ayn); "&" becomes
 * "and"; every other character that is not a letter or digit separates parts.
 */
public final class Tokenize {

  /** Name parts of {@code text}, lower case, in order; empty when it has no letters or digits. */
  public List<String> apply(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isJoiner(c)) {
        continue;
      }
      if (c == '&') {
        flush(current, parts);
        parts.add("and");
      } else if (Character.isLetterOrDigit(c)) {
        current.append(c);
      } else {
        flush(current, parts);
      }
    }
    flush(current, parts);
    return parts;
  }

  private static boolean isJoiner(char c) {
    return switch (c) {
      case '\'',
          '\u2019',
          '\u2018',
          '\u02BC',
          '\u02BB',
          '\u02BF',
          '\u02BE',
          '`',
          '\u00B4',
          '\u00B7' ->
          true;
      default -> false;
    };
  }

  private static void flush(StringBuilder current, List<String> parts) {
    if (current.length() > 0) {
      parts.add(current.toString().toLowerCase(Locale.ROOT));
      current.setLength(0);
    }
  }
}
