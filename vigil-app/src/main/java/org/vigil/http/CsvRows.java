/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.util.ArrayList;
import java.util.List;
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
    if (text.length() > MAX_CHARS) {
      throw new InvalidValueException(
          "the CSV text has " + text.length() + " chars; the limit is " + MAX_CHARS);
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int quoteLine = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          quoteLine = line;
          any = true;
        }
        case ',' -> {
          record.add(cell.toString());
          cell.setLength(0);
          any = true;
        }
        case '\r' -> {}
        case '\n' -> {
          line++;
          end(records, record, cell, any);
          record = new ArrayList<>();
          any = false;
        }
        default -> {
          cell.append(c);
          any = true;
        }
      }
    }
    if (quoted) {
      throw new InvalidValueException("a quote opened on line " + quoteLine + " is never closed");
    }
    end(records, record, cell, any);
    return records;
  }

  private static void end(
      List<List<String>> records, List<String> record, StringBuilder cell, boolean any) {
    record.add(cell.toString());
    cell.setLength(0);
    if (any && record.stream().anyMatch(v -> !v.isBlank())) {
      records.add(List.copyOf(record));
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
