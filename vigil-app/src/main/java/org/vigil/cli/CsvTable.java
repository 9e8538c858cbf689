/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.lists.CsvRecords;
import org.vigil.lists.ListFormatException;

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
    StringWriter text = new StringWriter();
    source.transferTo(text);
    List<CsvRecords.Row> records;
    try {
      records = CsvRecords.parse(text.toString(), file);
    } catch (ListFormatException e) {
      throw new CliFailure(file + " (" + e.location() + "): a quoted field never ends");
    }
    if (records.isEmpty()) {
      throw new CliFailure(file + " is empty; it needs a header line");
    }
    List<String> header = new ArrayList<>();
    for (String name : records.get(0).fields()) {
      header.add(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      Map<String, String> values = new LinkedHashMap<>();
      List<String> fields = records.get(i).fields();
      for (int col = 0; col < header.size(); col++) {
        values.put(header.get(col), col < fields.size() ? fields.get(col) : "");
      }
      rows.add(new Row(records.get(i).line(), values));
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
