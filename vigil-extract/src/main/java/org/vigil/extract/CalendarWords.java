/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The English names of months and weekdays, in lower case: words that tell a date, never a name or
 * a participant ("May", "Sunday"). One list for the name finder and the evaluations.
 */
public final class CalendarWords {
  /** The months, January first. */
  public static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /** The days of the week, Monday first. */
  public static final List<String> WEEKDAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private static final Set<String> ALL =
      Set.copyOf(Stream.concat(MONTHS.stream(), WEEKDAYS.stream()).toList());

  private CalendarWords() {}

  /** Whether {@code word} (in any case) names a month or a weekday. */
  public static boolean isCalendarWord(String word) {
    return ALL.contains(word.toLowerCase(Locale.ROOT));
  }
}
