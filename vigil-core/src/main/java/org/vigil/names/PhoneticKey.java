/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/**
 * A consonant skeleton of a name part, for blocking and for recognising transliterations: the
 * sounds that scripts and spelling conventions render differently fall together (q, k, c, g, kh,
 * gh; s, z, sh; v, w; t, th; d, dh; f, ph), vowels go (Arabic and Hebrew script leave most of them
 * unwritten), and so do w and y inside a word, where transliterations of long vowels put them.
 * "Qasem", "Ghasem", "Kasim" and the transliterated "qasm" all give "ksm".
 */
public final class PhoneticKey {

  private PhoneticKey() {}

  /** The skeleton of a lower-case ASCII part; empty when the part is a number or all vowels. */
  public static String skeleton(String part) {
    StringBuilder out = new StringBuilder(part.length());
    int n = part.length();
    for (int i = 0; i < n; i++) {
      char c = part.charAt(i);
      if (c < 'a' || c > 'z') {
        return "";
      }
      char next = i + 1 < n ? part.charAt(i + 1) : 0;
      char mapped;
      switch (c) {
        case 'a', 'e', 'i', 'o', 'u' -> mapped = 0;
        case 'y', 'w' -> mapped = i == 0 ? (c == 'w' ? 'v' : 'j') : 0;
        case 'k', 'q', 'c', 'g' -> {
          if (c == 'c' && next == 'h') {
            mapped = 'c';
            i++;
          } else {
            mapped = 'k';
            if (next == 'h') {
              i++;
            }
          }
        }
        case 's', 'z' -> {
          mapped = 's';
          if (c == 's' && next == 'c' && i + 2 < n && part.charAt(i + 2) == 'h') {
            i += 2;
          } else if (next == 'h') {
            i++;
          }
        }
        case 't', 'd' -> {
          mapped = c;
          if (next == 'h') {
            i++;
          } else if (c == 'd' && next == 'j') {
            // the French "dj" of North African spellings is a j ("Djamel" is Jamal)
            mapped = 'j';
            i++;
          }
        }
        case 'p' -> {
          if (next == 'h') {
            mapped = 'f';
            i++;
          } else {
            mapped = 'b';
          }
        }
        case 'v' -> mapped = 'v';
        case 'x' -> {
          out.append('k');
          mapped = 's';
        }
        case 'h' -> mapped = i == n - 1 && i > 0 ? 0 : 'h';
        case 'j' -> mapped = 'j';
        default -> mapped = c;
      }
      if (mapped != 0 && (out.length() == 0 || out.charAt(out.length() - 1) != mapped)) {
        out.append(mapped);
      }
    }
    return out.toString();
  }
}
