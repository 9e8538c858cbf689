/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/**
 * The language an Arabic-script name is most likely written in, told by the letters only that
 * language's alphabet has. Each is romanised its own way: Persian writes ض ظ ذ as z, ث as s and an
 * initial و as v, where Arabic writes d, z, dh, th and w; Pashto and Urdu add letters of their own
 * (ځ ښ ږ ډ ټ ړ ڼ; ٹ ڈ ڑ ں ے).
 */
public enum ArabicScriptLanguage {
  ARABIC,
  PERSIAN,
  PASHTO,
  URDU;

  /**
   * The language of {@code text}: Pashto or Urdu when it has a letter of theirs, Persian when it
   * has a letter Persian adds to Arabic (پ چ ژ گ, Persian yeh or keheh), else Arabic.
   */
  public static ArabicScriptLanguage detect(String text) {
    boolean persian = false;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '\u0681',
            '\u0685',
            '\u069A',
            '\u0696',
            '\u0689',
            '\u067C',
            '\u0693',
            '\u06BC',
            '\u06D0',
            '\u06CD' -> {
          return PASHTO;
        }
        case '\u0679', '\u0688', '\u0691', '\u06BA', '\u06D2', '\u06BE', '\u06C1' -> {
          return URDU;
        }
        case '\u067E', '\u0686', '\u0698', '\u06AF', '\u06CC', '\u06A9' -> persian = true;
        default -> {
          // a letter all of them share
        }
      }
    }
    return persian ? PERSIAN : ARABIC;
  }

  /** Whether the language writes ض ظ ذ as z and ث as s, as Persian does. */
  boolean readsLikePersian() {
    return this != ARABIC;
  }
}
