/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines with which wire copy and monitoring reports credit their source, read as a place and an
 * organisation instead of one run-on name: a dateline "BRISBANE, Australia (AP)" (the town in
 * capitals, its region, the agency in brackets), and a monitoring credit "PA2904034294 Guatemala
 * City Teleonce Television in Spanish 0400 GMT 26 Apr 94" or "Moscow MOSKOVSKIY KOMSOMOLETS" (a
 * known place, then the outlet's name; a serial number and the headline before it are no names).
 */
final class ReadCreditLines {
  private static final String CAPS_WORD = "\\p{Lu}[\\p{Lu}'.-]+";
  private static final String WORD = "\\p{Lu}[\\p{L}\\d'.&-]*";

  private static final Pattern DATELINE =
      Pattern.compile(
          "(?m)^[ \\t]*("
              + CAPS_WORD
              + "(?: "
              + CAPS_WORD
              + ")*) ?(?:, ?(\\p{Lu}[\\p{L}.]*(?: \\p{Lu}[\\p{L}.]*)*) ?)?\\( ?("
              + WORD
              + "(?: "
              + WORD
              + ")?) ?\\)");

  private static final Pattern MONITORING =
      Pattern.compile(
          "(?:\\b\\p{Lu}{2}\\d{8,}\\s+)?("
              + WORD
              + "(?: "
              + WORD
              + ")*) in \\p{Lu}\\p{Ll}+ (?:\\d{4} GMT|\\d{1,2} \\p{Lu}\\p{Ll}{2} \\d{2})");

  private static final Pattern SERIAL = Pattern.compile("\\b\\p{Lu}{2}\\d{8,}\\s+");

  private static final Pattern OUTLET_LINE =
      Pattern.compile(
          "(?m)^[ \\t]*(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?) ("
              + CAPS_WORD
              + "(?: "
              + CAPS_WORD
              + ")*)[ \\t]*$");

  private ReadCreditLines() {}

  static List<Mention> apply(String text, Places places, List<Mention> found) {
    List<Mention> out = new ArrayList<>(found);
    Matcher d = DATELINE.matcher(text);
    while (d.find()) {
      List<Mention> read = new ArrayList<>();
      if (isPlace(places, d.group(1)) || d.group(2) != null) {
        read.add(
            Retyping.found(text, MentionType.LOCATION, d.start(1), d.end(1), "context:credit"));
      }
      if (d.group(2) != null) {
        read.add(
            Retyping.found(text, MentionType.LOCATION, d.start(2), d.end(2), "context:credit"));
      }
      if (!read.isEmpty()) {
        read.add(
            Retyping.found(text, MentionType.ORGANIZATION, d.start(3), d.end(3), "context:credit"));
        replace(out, d.start(), d.end(), read);
      }
    }
    Matcher m = MONITORING.matcher(text);
    while (m.find()) {
      int start = m.start(1);
      Matcher serial = SERIAL.matcher(text).region(m.start(1), m.end(1));
      while (serial.find()) {
        start = serial.end();
      }
      placeThenOutlet(text, places, out, m.start(), start, m.end(1));
    }
    Matcher o = OUTLET_LINE.matcher(text);
    while (o.find()) {
      if (isPlace(places, o.group(1))) {
        placeThenOutlet(text, places, out, o.start(1), o.start(1), o.end(2));
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  /** The words from {@code start} to {@code end}: a known place first, the outlet's name after. */
  private static void placeThenOutlet(
      String text, Places places, List<Mention> out, int cleared, int start, int end) {
    String words = text.substring(start, end);
    int split = -1;
    for (int i = words.indexOf(' '); i > 0; i = words.indexOf(' ', i + 1)) {
      String prefix = words.substring(0, i);
      if (isPlace(places, prefix) || PlacesByContext.headed(prefix)) {
        split = i;
      }
    }
    if (split < 0) {
      return;
    }
    replace(
        out,
        cleared,
        end,
        List.of(
            Retyping.found(text, MentionType.LOCATION, start, start + split, "context:credit"),
            Retyping.found(
                text, MentionType.ORGANIZATION, start + split + 1, end, "context:credit")));
  }

  private static void replace(List<Mention> out, int start, int end, List<Mention> read) {
    out.removeIf(x -> x.start() < end && start < x.end());
    out.addAll(read);
  }

  private static boolean isPlace(Places places, String name) {
    if (places.isPlace(name) || places.isCountry(name)) {
      return true;
    }
    StringBuilder folded = new StringBuilder();
    for (String w : name.split(" ", -1)) {
      if (folded.length() > 0) {
        folded.append(' ');
      }
      if (!w.isEmpty()) {
        folded.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return places.isPlace(folded.toString());
  }
}
