/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline that opens a report's first sentence ("VIENNA, 3 March 2026 - ", "BRISBANE,
 * Australia (AP) - "): a place and a date of filing, not part of what the sentence says. Parsed
 * with the sentence, the place becomes the subject of its verb ("VIENNA ... has defected"), so the
 * parser is given the sentence after it.
 */
final class DatelineLead {
  private static final Pattern LEAD =
      Pattern.compile(
          "^\\s*\\p{Lu}[\\p{Lu}'.-]+(?: \\p{Lu}[\\p{Lu}'.-]+)*"
              // a dateline has a place or date after a comma, or an agency in brackets, or both
              + "(?:, ?[^\\n\\-\u2013\u2014()]{1,40}?(?: ?\\([^)\\n]{1,30}\\))?"
              + "| ?\\([^)\\n]{1,30}\\))"
              + " ?[-\u2013\u2014]{1,2} +");

  private DatelineLead() {}

  /** Where the sentence's own words start: after its dateline, or 0 when it has none. */
  static int bodyStart(String sentence) {
    Matcher m = LEAD.matcher(sentence);
    return m.lookingAt() && m.end() < sentence.length() ? m.end() : 0;
  }
}
