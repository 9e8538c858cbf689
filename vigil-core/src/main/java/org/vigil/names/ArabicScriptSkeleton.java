/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The consonant skeletons an Arabic-script word may have in Latin spellings, in the letters of
 * {@link PhoneticKey}, read from the Arabic letters themselves rather than from one romanisation.
 * Letters that Latin spellings write in several ways are equivalence classes: ض is d (Arabic) or z
 * (Persian), ذ d or z, ظ z, d or th, ث th or s, ش sh or the French ch, ژ zh or j, Pashto's ځ z, j
 * or dz; ق غ ک گ خ are all k; a و inside a word is a long vowel or a v, ی a long vowel, alef, ayn
 * and hamza no consonant at all. The first skeleton is the language's own reading.
 */
public final class ArabicScriptSkeleton {

  /** More readings than this are not spelled out; later letters then keep their first reading. */
  static final int MAX_SKELETONS = 16;

  private ArabicScriptSkeleton() {}

  /** Skeletons of one Arabic-script word, the language's own reading first; never empty. */
  public static List<String> of(String word, ArabicScriptLanguage language) {
    List<StringBuilder> readings = new ArrayList<>();
    readings.add(new StringBuilder());
    boolean persian = language.readsLikePersian();
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      boolean first = letters++ == 0;
      boolean last = isLast(word, i);
      char previous = previousLetter(word, i);
      String[] options = options(c, first, last, previous, persian);
      if (options.length == 1 || readings.size() * options.length > MAX_SKELETONS) {
        for (StringBuilder reading : readings) {
          append(reading, options[0]);
        }
        continue;
      }
      List<StringBuilder> next = new ArrayList<>(readings.size() * options.length);
      for (StringBuilder reading : readings) {
        for (String option : options) {
          StringBuilder copy = new StringBuilder(reading);
          append(copy, option);
          next.add(copy);
        }
      }
      readings = next;
    }
    Set<String> out = new LinkedHashSet<>();
    for (StringBuilder reading : readings) {
      out.add(reading.toString());
    }
    return List.copyOf(out);
  }

  private static void append(StringBuilder reading, String option) {
    for (int k = 0; k < option.length(); k++) {
      char ch = option.charAt(k);
      if (reading.length() == 0 || reading.charAt(reading.length() - 1) != ch) {
        reading.append(ch);
      }
    }
  }

  private static final String[] NONE = {""};

  private static String[] options(
      char c, boolean first, boolean last, char previous, boolean persian) {
    return switch (c) {
      case '\u0628', '\u067E' -> new String[] {"b"};
      case '\u062A', '\u0637', '\u0679', '\u067C' -> new String[] {"t"};
      case '\u062B' -> persian ? new String[] {"s", "t"} : new String[] {"t", "s"};
      case '\u062C' -> new String[] {"j"};
      case '\u0686' -> new String[] {"c"};
      case '\u062D', '\u0647', '\u06C1', '\u06BE' -> h(c, first, last, previous);
      case '\u0629', '\u06C3' -> NONE;
      case '\u062E', '\u063A', '\u0642', '\u0643', '\u06A9', '\u06AA', '\u06AF' ->
          new String[] {"k"};
      case '\u062F', '\u0688', '\u0689' -> new String[] {"d"};
      case '\u0630' -> persian ? new String[] {"s", "d"} : new String[] {"d", "s"};
      case '\u0631', '\u0691', '\u0693' -> new String[] {"r"};
      case '\u0632' -> new String[] {"s"};
      case '\u0698' -> new String[] {"s", "j"};
      case '\u0696' -> new String[] {"s", "j", "k"};
      case '\u0681' -> new String[] {"s", "j", "ds"};
      case '\u0685' -> new String[] {"s", "ts"};
      case '\u0633', '\u0635' -> new String[] {"s"};
      case '\u0634' -> new String[] {"s", "c"};
      case '\u069A' -> new String[] {"s", "k"};
      case '\u0636' -> persian ? new String[] {"s", "d"} : new String[] {"d", "s"};
      case '\u0638' -> new String[] {"s", "d", "t"};
      case '\u0641' -> new String[] {"f"};
      case '\u0644' -> new String[] {"l"};
      case '\u0645' -> new String[] {"m"};
      case '\u0646', '\u06BC' -> new String[] {"n"};
      case '\u06BA' -> new String[] {"n", ""};
      case '\u0648', '\u0624' -> first ? new String[] {"v"} : new String[] {"", "v"};
      case '\u064A', '\u06CC', '\u06D2', '\u06D0', '\u06CD', '\u0626' ->
          first ? new String[] {"j"} : NONE;
      // alef, alef maksura, ayn, hamza: vowels or nothing in Latin spellings
      default -> NONE;
    };
  }

  // Heh and hah are h; at the end heh is the silent -eh or -a; after a letter whose Latin form
  // can take an h with it (s, k, t, d), a Latin spelling reads the pair as sh, kh, th, dh.
  private static String[] h(char c, boolean first, boolean last, char previous) {
    if (first) {
      return new String[] {"h"};
    }
    if (last) {
      // final heh is also a folded teh marbuta, which a construct state reads as t ("Asbat")
      return c == '\u062D' ? new String[] {"h", ""} : new String[] {"", "t"};
    }
    return switch (previous) {
      case '\u0633',
          '\u0635',
          '\u0643',
          '\u06A9',
          '\u062A',
          '\u0637',
          '\u062F',
          '\u0642',
          '\u063A',
          '\u062C',
          '\u0632',
          '\u0636' ->
          new String[] {"h", ""};
      default -> new String[] {"h"};
    };
  }

  private static boolean isLast(String word, int i) {
    for (int j = i + 1; j < word.length(); j++) {
      if (Character.isLetter(word.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  private static char previousLetter(String word, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (Character.isLetter(word.charAt(j))) {
        return word.charAt(j);
      }
    }
    return 0;
  }
}
