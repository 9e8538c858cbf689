/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A headline or section title is no organisation: in a line that is a heading (a few words, no
 * sentence's closing mark), a recogniser's organisation or other name that takes up most of the
 * line ("Neutralizing MOIS Sleeper Cells", "Iran's Success") is dropped. A person's name there
 * stays (an author's line is a name), and so does a dictionary name inside a heading.
 */
final class DropHeadingNames {
  private static final int MAX_HEADING_WORDS = 14;

  private DropHeadingNames() {}

  static List<Mention> apply(String text, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if (!(m.type() == MentionType.ORGANIZATION || m.type() == MentionType.MISC)
          || !takesUpHeading(text, m)) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean takesUpHeading(String text, Mention m) {
    int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
    int lineEnd = text.indexOf('\n', m.end());
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
    int lineWords = words(line);
    if (line.isEmpty() || lineWords > MAX_HEADING_WORDS || line.matches("(?s).*[.!?;,\"”]$")) {
      return false;
    }
    int nameWords = words(m.text());
    return lineWords >= 2 && (nameWords >= 3 || 2 * nameWords >= lineWords);
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
