/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Snippets for a hit: a stored value with each word that matched the query wrapped in {@code
 * <mark>...</mark>} and every other character HTML-escaped, so that a page can show it as is.
 */
final class Snippets {
  static final int MAX_CHARS = 240;

  private Snippets() {}

  /**
   * The highlighted form of {@code value}, cut to a window around its first match; empty if none.
   */
  static Optional<String> highlight(Analyzer analyzer, String value, Set<String> terms) {
    List<TextAnalysis.Token> matches = new ArrayList<>();
    for (TextAnalysis.Token token : TextAnalysis.tokens(analyzer, LuceneSearchIndex.TEXT, value)) {
      if (terms.contains(token.term())) {
        matches.add(token);
      }
    }
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    int from = 0;
    int to = value.length();
    if (to > MAX_CHARS) {
      from = Math.max(0, matches.get(0).start() - MAX_CHARS / 4);
      from = Math.min(from, Math.max(0, value.length() - MAX_CHARS));
      to = Math.min(value.length(), from + MAX_CHARS);
      from = safeBoundary(value, from);
      to = safeBoundary(value, to);
    }
    StringBuilder out = new StringBuilder();
    if (from > 0) {
      out.append('\u2026');
    }
    int at = from;
    for (TextAnalysis.Token m : matches) {
      if (m.start() < at || m.end() > to) {
        continue;
      }
      escape(value, at, m.start(), out);
      out.append("<mark>");
      escape(value, m.start(), m.end(), out);
      out.append("</mark>");
      at = m.end();
    }
    escape(value, at, to, out);
    if (to < value.length()) {
      out.append('\u2026');
    }
    return Optional.of(out.toString());
  }

  /** Appends {@code text[from, to)} with the five HTML-special characters escaped. */
  static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  private static int safeBoundary(String text, int index) {
    if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))) {
      return index - 1;
    }
    return index;
  }
}
