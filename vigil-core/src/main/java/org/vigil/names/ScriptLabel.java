/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.Locale;

/**
 * What to call the writing of a name, for people: the script ("Latin", "Cyrillic"), and for the
 * Arabic script whether the letters are Persian ones, since Persian and Arabic names are read and
 * transliterated differently.
 */
public final class ScriptLabel {
  // Persian writes four letters Arabic does not, and its own kaf and yeh.
  private static final String PERSIAN_LETTERS = "\u067E\u0686\u0698\u06AF\u06A9\u06CC";

  private ScriptLabel() {}

  /** "Persian (Arabic script)", "Arabic", "Latin", ..., or "none" for a name without letters. */
  public static String of(String name) {
    Script script = Script.detect(name);
    if (script == Script.ARABIC) {
      return name.chars().anyMatch(c -> PERSIAN_LETTERS.indexOf(c) >= 0)
          ? "Persian (Arabic script)"
          : "Arabic";
    }
    if (script == Script.NONE) {
      return "none";
    }
    String lower = script.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
