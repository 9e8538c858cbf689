/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/**
 * In a part that mixes letters and digits, reads the digits as the letters they are used to
 * disguise ("Ig0r Sech1n" is "Igor Sechin"). Parts of digits only are numbers and stay as they are.
 */
public final class FoldDigitLookalikes {

  public String apply(String part) {
    boolean letters = false;
    boolean digits = false;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      letters |= Character.isLetter(c);
      digits |= Character.isDigit(c);
    }
    if (!letters || !digits) {
      return part;
    }
    StringBuilder out = new StringBuilder(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      out.append(
          switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> c;
          });
    }
    return out.toString();
  }
}
