/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file with a header, as the batch commands read it (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks). Column names are matched without regard to case or surrounding space.
 */
final class CsvTable {
  /** A data row: its line number in the file and its values by lower-case column name. */
  record Row(int line, Map<String, String> values) {
    Optional<String> get(String column) {
      return Optional.ofNullable(values.get(column)).map(String::strip).filter(v -> !v.isEmpty());
    }
  }

  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(List<String> header, List<Row> rows) {
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  boolean has(String column) {
    return header.contains(column);
  }

  /**
   * Reads a table; the caller closes {@code in}.
   *
   * @throws CliFailure when the file is empty or a quoted field never ends
   */
  static CsvTable read(Reader source, String file) throws IOException {
    Reader in = source.markSupported() ? source : new java.io.BufferedReader(source);
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int recordLine = 1;
    int c;
    while ((c = in.read()) != -1) {
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              in.reset();
            }
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
        continue;
      }
      if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r') {
          in.mark(1);
          if (in.read() != '\n') {
            in.reset();
          }
        }
        if (any || field.length() > 0) {
          record.add(field.toString());
          records.add(record);
          lines.add(recordLine);
        }
        record = new ArrayList<>();
        field.setLength(0);
        any = false;
        line++;
        recordLine = line;
      } else {
        field.append(ch);
        any = true;
      }
    }
    if (quoted) {
      throw new CliFailure(file + " (line " + recordLine + "): a quoted field never ends");
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
      lines.add(recordLine);
    }
    if (records.isEmpty()) {
      throw new CliFailure(file + " is empty; it needs a header line");
    }
    List<String> header = new ArrayList<>();
    for (String name : records.get(0)) {
      header.add(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      Map<String, String> values = new LinkedHashMap<>();
      List<String> fields = records.get(i);
      for (int col = 0; col < header.size(); col++) {
        values.put(header.get(col), col < fields.size() ? fields.get(col) : "");
      }
      rows.add(new Row(lines.get(i), values));
    }
    return new CsvTable(header, rows);
  }

  /** A value as one CSV field, quoted when it must be. */
  static String field(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
