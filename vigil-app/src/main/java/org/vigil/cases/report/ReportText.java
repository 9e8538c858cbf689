/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

/** Text made safe for the report's XHTML and SVG. */
final class ReportText {
  private ReportText() {}

  /**
   * Escapes the five XML specials and drops the characters XML 1.0 cannot hold (a source's text may
   * carry control characters; a parser of the report must not fail on them).
   */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            if (c != 0xFFFE && c != 0xFFFF) {
              out.append(c);
            }
          }
        }
      }
    }
    return out.toString();
  }
}
