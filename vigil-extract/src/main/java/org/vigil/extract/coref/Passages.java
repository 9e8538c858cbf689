/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into paragraphs: a pronoun or description is resolved only within its own paragraph.
 * Paragraphs are separated by blank lines; a text with none has one paragraph per line.
 */
final class Passages {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r]*\\n");
  private static final Pattern LINE = Pattern.compile("\\n");

  private final String text;
  private final List<int[]> paragraphs = new ArrayList<>();

  Passages(String text) {
    this.text = requireNonNull(text, "text");
    Matcher breaks = (BLANK_LINE.matcher(text).find() ? BLANK_LINE : LINE).matcher(text);
    int start = 0;
    while (breaks.find()) {
      paragraphs.add(new int[] {start, breaks.start()});
      start = breaks.end();
    }
    paragraphs.add(new int[] {start, text.length()});
  }

  String text() {
    return text;
  }

  /** Where the paragraph holding {@code at} starts. */
  int paragraphStart(int at) {
    for (int[] p : paragraphs) {
      if (at >= p[0] && at <= p[1]) {
        return p[0];
      }
    }
    return 0;
  }
}
