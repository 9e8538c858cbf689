/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV text into records; a quoted field may hold commas, doubled quotes and line
 * breaks. An unterminated quote is a format error naming the line it opened on. The list readers
 * and the web UI's screening upload read CSV through it.
 */
public final class CsvRecords {

  /** A record and the line it starts on (1-based). */
  public record Row(int line, List<String> fields) {
    String get(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }
  }

  private CsvRecords() {}

  /**
   * The records of {@code text}; lines with nothing on them are left out.
   *
   * @throws ListFormatException naming {@code file} and the line of a quote never closed
   */
  public static List<Row> parse(String text, String file) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowLine = 1;
    int quoteLine = 0;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    int end = text.length();
    // OFAC's files end with a DOS end-of-file mark (0x1A).
    while (end > start && (text.charAt(end - 1) == '\u001A' || text.charAt(end - 1) == '\n')) {
      end--;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < end && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
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
          fields.add(field.toString());
          field.setLength(0);
          any = true;
        }
        case '\r' -> {}
        case '\n' -> {
          if (any || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
          }
          fields.clear();
          field.setLength(0);
          any = false;
          line++;
          rowLine = line;
        }
        default -> {
          field.append(c);
          any = true;
        }
      }
    }
    if (quoted) {
      throw new ListFormatException(
          file, "line " + quoteLine, "a quoted field is never closed; the file looks truncated");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }
}
