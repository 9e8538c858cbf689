/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.List;
import org.vigil.lists.CsvRecords;
import org.vigil.lists.ListFormatException;
import org.vigil.model.InvalidValueException;

/**
 * CSV as RFC 4180 writes it (commas, double quotes, quoted line breaks), read and written for the
 * screening page. Written cells that a spreadsheet would take for a formula are defused.
 */
final class CsvRows {
  static final int MAX_CHARS = 2_000_000;

  private CsvRows() {}

  /**
   * The records of {@code text}, blank lines left out.
   *
   * @throws InvalidValueException naming the line of an unterminated quote, or when the text is too
   *     long
   */
  static List<List<String>> parse(String text) {
    return records(text).stream().map(CsvRecords.Row::fields).toList();
  }

  /**
   * Like {@link #parse}, each record with the line it starts on.
   *
   * @throws InvalidValueException naming the line of an unterminated quote, or when the text is too
   *     long
   */
  static List<CsvRecords.Row> records(String text) {
    if (text.length() > MAX_CHARS) {
      throw new InvalidValueException(
          "the CSV text has " + text.length() + " chars; the limit is " + MAX_CHARS);
    }
    try {
      return CsvRecords.parse(text, "the CSV text").stream()
          .filter(r -> r.fields().stream().anyMatch(v -> !v.isBlank()))
          .toList();
    } catch (ListFormatException e) {
      throw new InvalidValueException("a quote opened on " + e.location() + " is never closed");
    }
  }

  /** The records as CSV text, quoted where needed. */
  static String format(List<List<String>> records) {
    return write(records, false);
  }

  /**
   * Like {@link #format}, and a cell that starts with =, +, -, @ or a tab is prefixed with an
   * apostrophe, so that a spreadsheet shows it rather than running it as a formula.
   */
  static String formatForSpreadsheets(List<List<String>> records) {
    return write(records, true);
  }

  private static String write(List<List<String>> records, boolean defuse) {
    StringBuilder out = new StringBuilder();
    for (List<String> record : records) {
      for (int i = 0; i < record.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        String v = record.get(i);
        if (defuse && !v.isEmpty() && "=+-@\t".indexOf(v.charAt(0)) >= 0) {
          v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
          out.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          out.append(v);
        }
      }
      out.append("\r\n");
    }
    return out.toString();
  }
}
