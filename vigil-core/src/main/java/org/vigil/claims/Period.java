/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a claim says something held, as the dates a source gave: a year, a month or a day at each
 * end ("2021-08" to "2024"), either end open. A date covers its whole span, so "2024-05" and
 * "2024-05-02" overlap. A period with no date says nothing about when and overlaps nothing.
 */
public record Period(Optional<String> from, Optional<String> to) {

  public Period {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    from.ifPresent(Period::first);
    to.ifPresent(Period::last);
    if (from.isPresent() && to.isPresent() && first(from.get()).isAfter(last(to.get()))) {
      throw new IllegalArgumentException(
          "a period cannot end (" + to.get() + ") before it starts (" + from.get() + ")");
    }
  }

  /** No date known. */
  public static Period unknown() {
    return new Period(Optional.empty(), Optional.empty());
  }

  /** One date: a year, a month or a day. */
  public static Period on(String date) {
    return new Period(Optional.of(date), Optional.of(date));
  }

  /**
   * The period of stored dates as they come: a value that is no year, month or day is left out, and
   * so are both ends when they are the wrong way round, since a stored value is data, not a
   * caller's bug.
   */
  public static Period lenient(Optional<String> from, Optional<String> to) {
    Optional<String> f = from.map(String::strip).filter(Period::isDate);
    Optional<String> t = to.map(String::strip).filter(Period::isDate);
    if (f.isPresent() && t.isPresent() && first(f.get()).isAfter(last(t.get()))) {
      return unknown();
    }
    return new Period(f, t);
  }

  /** Whether at least one end is known. */
  public boolean known() {
    return from.isPresent() || to.isPresent();
  }

  /** Whether both are known and share at least one day; an open end runs on without limit. */
  public boolean overlaps(Period other) {
    return known()
        && other.known()
        && !earliest().isAfter(other.latest())
        && !other.earliest().isAfter(latest());
  }

  /** Whether both are known and this one reaches at least to the start of {@code other}. */
  public boolean reaches(Period other) {
    return known() && other.known() && !latest().isBefore(other.earliest());
  }

  /** How a reader sees it: "2024-05-02", "2021-08 to 2024", "from 2021-08", "until 2024". */
  public String words() {
    if (from.isPresent() && from.equals(to)) {
      return from.get();
    }
    if (from.isPresent() && to.isPresent()) {
      return from.get() + " to " + to.get();
    }
    return from.map(f -> "from " + f)
        .or(() -> to.map(t -> "until " + t))
        .orElse("at no known time");
  }

  private LocalDate earliest() {
    return from.map(Period::first).orElse(LocalDate.MIN);
  }

  private LocalDate latest() {
    return to.map(Period::last).orElse(LocalDate.MAX);
  }

  private static boolean isDate(String text) {
    try {
      first(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static LocalDate first(String date) {
    try {
      return switch (date.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
        case 7 -> YearMonth.parse(date).atDay(1);
        case 10 -> LocalDate.parse(date);
        default ->
            throw new IllegalArgumentException(
                "'" + date + "' is no year, month or day (2024, 2024-05, 2024-05-02)");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + date + "' is no year, month or day (2024, 2024-05, 2024-05-02)", e);
    }
  }

  private static LocalDate last(String date) {
    LocalDate start = first(date);
    return switch (date.length()) {
      case 4 -> start.withDayOfYear(start.lengthOfYear());
      case 7 -> start.withDayOfMonth(start.lengthOfMonth());
      default -> start;
    };
  }
}
