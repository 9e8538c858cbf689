/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;

/**
 * Reads the facts OFAC writes into remarks: "DOB 01 Jan 1960", "DOB circa 1955", "DOB 1955 to
 * 1958", "nationality Iran", "citizen Iran", and the dates other lists write as "17/08/1958",
 * "dd/mm/1958" or "1 Jan 1960".
 */
final class Remarks {

  private static final Pattern DOB =
      Pattern.compile(
          "(?:^|;\\s*|\\.\\s*)(?:alt\\.\\s*)?DOB\\s+(?:circa\\s+|approximately\\s+)?([^;]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNTRY =
      Pattern.compile(
          "(?:^|;\\s*)(?:alt\\.\\s*)?(?:nationality|citizen)\\s+([^;.]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?\\s+(\\d{4})");
  private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(\\d{4})");
  private static final Pattern SLASHED =
      Pattern.compile("(\\d{1,2}|dd|DD|00)/(\\d{1,2}|mm|MM|00)/(\\d{4})");
  private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d{2}|20\\d{2})\\b");
  private static final Map<String, Integer> MONTHS = months();

  private Remarks() {}

  static List<PartialDate> birthDates(String remarks) {
    List<PartialDate> out = new ArrayList<>();
    Matcher m = DOB.matcher(remarks);
    while (m.find()) {
      out.addAll(dates(m.group(1)));
    }
    return out;
  }

  static List<String> countries(String remarks) {
    List<String> out = new ArrayList<>();
    Matcher m = COUNTRY.matcher(remarks);
    while (m.find()) {
      Countries.code(m.group(1)).ifPresent(out::add);
    }
    return out;
  }

  /** The dates in a phrase: one exact date, a month, or each year of "1955 to 1958". */
  static List<PartialDate> dates(String text) {
    List<PartialDate> out = new ArrayList<>();
    Matcher dmy = DAY_MONTH_YEAR.matcher(text);
    if (dmy.find()) {
      Integer month = MONTHS.get(dmy.group(2).toLowerCase(Locale.ROOT));
      if (month != null) {
        of(Integer.parseInt(dmy.group(3)), month, Integer.parseInt(dmy.group(1)))
            .ifPresent(out::add);
        return out;
      }
    }
    Matcher slashed = SLASHED.matcher(text);
    if (slashed.find()) {
      int year = Integer.parseInt(slashed.group(3));
      String day = slashed.group(1);
      String month = slashed.group(2);
      boolean knownMonth = Character.isDigit(month.charAt(0)) && !month.equals("00");
      boolean knownDay = knownMonth && Character.isDigit(day.charAt(0)) && !day.equals("00");
      if (knownDay) {
        of(year, Integer.parseInt(month), Integer.parseInt(day)).ifPresent(out::add);
      } else if (knownMonth) {
        out.add(new PartialDate(year, Optional.of(Integer.parseInt(month)), Optional.empty()));
      } else {
        out.add(new PartialDate(year, Optional.empty(), Optional.empty()));
      }
      return out;
    }
    Matcher my = MONTH_YEAR.matcher(text);
    if (my.find()) {
      Integer month = MONTHS.get(my.group(1).toLowerCase(Locale.ROOT));
      if (month != null) {
        out.add(
            new PartialDate(Integer.parseInt(my.group(2)), Optional.of(month), Optional.empty()));
        return out;
      }
    }
    Matcher years = YEAR.matcher(text);
    List<Integer> found = new ArrayList<>();
    while (years.find()) {
      found.add(Integer.parseInt(years.group(1)));
    }
    if (found.size() == 2 && text.contains("to") && found.get(1) - found.get(0) <= 10) {
      for (int y = found.get(0); y <= found.get(1); y++) {
        out.add(new PartialDate(y, Optional.empty(), Optional.empty()));
      }
    } else {
      for (int y : found) {
        out.add(new PartialDate(y, Optional.empty(), Optional.empty()));
      }
    }
    return out;
  }

  private static Optional<PartialDate> of(int year, int month, int day) {
    try {
      return Optional.of(new PartialDate(year, Optional.of(month), Optional.of(day)));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> map = new HashMap<>();
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      map.put(full, month.getValue());
      map.put(full.substring(0, 3), month.getValue());
    }
    map.put("sept", 9);
    return Map.copyOf(map);
  }
}
