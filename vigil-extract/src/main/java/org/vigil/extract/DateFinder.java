/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;

/**
 * Finds dates as reporting writes them and normalises them to their own precision: "29 January
 * 2024" and "January 29, 2024" to 2024-01-29, "August 2021" to 2021-08, "in 2014" or "the 1983
 * bombing" to 1983.
 */
public final class DateFinder {
  /** A date found at [start, end). */
  public record FoundDate(PartialDate date, int start, int end) {}

  private static final String MONTHS =
      "January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b(" + MONTHS + ")\\.?,?\\s+(?:of\\s+)?(\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern YEAR =
      Pattern.compile(
          "\\b(?:in|since|the|of|from|by|early|late|mid-?|until)\\s+((?:19|20)\\d{2})\\b");

  private DateFinder() {}

  /** Dates in {@code text}, in text order, the most precise reading of each stretch. */
  public static List<FoundDate> find(String text) {
    List<FoundDate> found = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    collect(
        found, taken, DAY_MONTH_YEAR.matcher(text), m -> date(m.group(3), m.group(2), m.group(1)));
    collect(
        found, taken, MONTH_DAY_YEAR.matcher(text), m -> date(m.group(3), m.group(1), m.group(2)));
    collect(found, taken, ISO.matcher(text), m -> parse(m.group()));
    collect(found, taken, MONTH_YEAR.matcher(text), m -> date(m.group(2), m.group(1), null));
    Matcher years = YEAR.matcher(text);
    while (years.find()) {
      add(found, taken, parse(years.group(1)), years.start(1), years.end(1));
    }
    found.sort(java.util.Comparator.comparingInt(FoundDate::start));
    return found;
  }

  private interface Reading {
    Optional<PartialDate> read(Matcher m);
  }

  private static void collect(
      List<FoundDate> found, List<int[]> taken, Matcher m, Reading reading) {
    while (m.find()) {
      add(found, taken, reading.read(m), m.start(), m.end());
    }
  }

  /**
   * Keeps a date unless a more precise reading already took its text. A stretch that reads as no
   * calendar date ("31 February 2024") is taken too, so that no vaguer reading of it is kept.
   */
  private static void add(
      List<FoundDate> found, List<int[]> taken, Optional<PartialDate> date, int start, int end) {
    for (int[] t : taken) {
      if (t[0] < end && start < t[1]) {
        return;
      }
    }
    taken.add(new int[] {start, end});
    date.ifPresent(d -> found.add(new FoundDate(d, start, end)));
  }

  private static Optional<PartialDate> date(String year, String month, String day) {
    int m = monthNumber(month);
    return parse(
        day == null
            ? String.format(Locale.ROOT, "%s-%02d", year, m)
            : String.format(Locale.ROOT, "%s-%02d-%02d", year, m, Integer.parseInt(day)));
  }

  private static Optional<PartialDate> parse(String iso) {
    try {
      return Optional.of(PartialDate.parse(iso));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static int monthNumber(String month) {
    String m = month.substring(0, 3).toLowerCase(Locale.ROOT);
    return switch (m) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      case "dec" -> 12;
      default -> throw new IllegalArgumentException("not a month: " + month);
    };
  }
}
