/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes English number words below one hundred as digits, for organisation and vessel names:
 * "Brigade Forty-Four", "Brigade Forty 4" and "Brigade 44" all become "brigade 44". A tens word
 * takes a following unit, as a word or a digit; the common misspelling "fourty" counts too.
 */
public final class FoldNumberWords {

  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));

  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20,
          "thirty", 30,
          "forty", 40,
          "fourty", 40,
          "fifty", 50,
          "sixty", 60,
          "seventy", 70,
          "eighty", 80,
          "ninety", 90);

  /** The parts with number words replaced by digits; other parts unchanged. */
  public List<String> apply(List<String> parts) {
    List<String> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      Integer tens = TENS.get(part);
      if (tens != null) {
        int unit = i + 1 < parts.size() ? unit(parts.get(i + 1)) : -1;
        if (unit >= 1 && unit <= 9) {
          out.add(Integer.toString(tens + unit));
          i++;
        } else {
          out.add(Integer.toString(tens));
        }
        continue;
      }
      Integer value = UNITS.get(part);
      out.add(value == null ? part : value.toString());
    }
    return out;
  }

  private static int unit(String part) {
    if (part.length() == 1 && part.charAt(0) >= '1' && part.charAt(0) <= '9') {
      return part.charAt(0) - '0';
    }
    Integer value = UNITS.get(part);
    return value == null ? -1 : value;
  }
}
