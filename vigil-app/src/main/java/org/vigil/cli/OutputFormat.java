/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** How listing commands print their rows: an aligned table for people, JSON for programs. */
enum OutputFormat {
  TABLE,
  JSON;

  /**
   * Built on first use, not when picocli reads the enum while parsing the command line: Jackson's
   * start costs a noticeable part of a second that {@code vigil demo} and {@code serve} would
   * otherwise spend before they open the store.
   */
  private static final class Mapper {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Mapper() {}
  }

  /**
   * Prints {@code rows} (records); {@code header} and {@code cells} give the table form.
   *
   * @param cells the cells of one row, in header order
   */
  <T> void print(
      PrintWriter out,
      List<T> rows,
      List<String> header,
      java.util.function.Function<T, List<String>> cells) {
    if (this == JSON) {
      try {
        out.println(Mapper.MAPPER.writeValueAsString(rows));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot print rows as JSON", e);
      }
      out.flush();
      return;
    }
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    rows.forEach(r -> table.add(cells.apply(r)));
    int[] widths = new int[header.size()];
    for (List<String> line : table) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : table) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        text.append(cell);
        if (i < line.size() - 1) {
          text.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(text);
    }
    out.flush();
  }
}
