/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day, as reporting gives it: "2021", "2021-08",
 * "2021-08-29". Its string form is ISO 8601 at its own precision, so that dates of different
 * precision sort together.
 */
public record PartialDate(int year, Optional<Integer> month, Optional<Integer> day)
    implements Comparable<PartialDate> {

  private static final Pattern FORM =
      Pattern.compile(
          "(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?)?)?");

  /** How precisely a date is known. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new InvalidValueException("year " + year + " is out of range 1-9999");
    }
    if (day.isPresent() && month.isEmpty()) {
      throw new InvalidValueException("a date with a day needs a month");
    }
    try {
      if (day.isPresent()) {
        LocalDate.of(year, month.get(), day.get());
      } else if (month.isPresent()) {
        YearMonth.of(year, month.get());
      }
    } catch (DateTimeException e) {
      throw new InvalidValueException(
          "'" + render(year, month, day) + "' is not a calendar date: " + e.getMessage());
    }
  }

  /**
   * Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or a timestamp (of which only the date is kept).
   *
   * @throws InvalidValueException naming the text when it is none of these
   */
  public static PartialDate parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidValueException(
          "'" + text + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int year = Integer.parseInt(m.group(1));
    Optional<Integer> month = Optional.ofNullable(m.group(2)).map(Integer::valueOf);
    Optional<Integer> day = Optional.ofNullable(m.group(3)).map(Integer::valueOf);
    return new PartialDate(year, month, day);
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(
        date.getYear(), Optional.of(date.getMonthValue()), Optional.of(date.getDayOfMonth()));
  }

  public Precision precision() {
    return day.isPresent() ? Precision.DAY : month.isPresent() ? Precision.MONTH : Precision.YEAR;
  }

  /** Whether the two dates can describe the same day: "2021-08" agrees with "2021-08-29". */
  public boolean agreesWith(PartialDate other) {
    if (year != other.year) {
      return false;
    }
    if (month.isEmpty() || other.month.isEmpty()) {
      return true;
    }
    if (!month.equals(other.month)) {
      return false;
    }
    return day.isEmpty() || other.day.isEmpty() || day.equals(other.day);
  }

  @Override
  public int compareTo(PartialDate other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return render(year, month, day);
  }

  private static String render(int year, Optional<Integer> month, Optional<Integer> day) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(java.util.Locale.ROOT, "%04d", year));
    month.ifPresent(m -> out.append(String.format(java.util.Locale.ROOT, "-%02d", m)));
    day.ifPresent(d -> out.append(String.format(java.util.Locale.ROOT, "-%02d", d)));
    return out.toString();
  }
}
