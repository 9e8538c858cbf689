/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.vigil.lists.Countries;
import org.vigil.lists.CsvRecords;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * The one reader of screening rows, for every surface (the command line, the JSON API and the
 * screening page): which column names mean which field, how a row becomes a {@link ScreeningQuery},
 * and the text of every problem a row can have.
 */
public final class ScreeningRows {

  /** The fields a row may give, each under its own name and its aliases. */
  public enum Field {
    /** The caller's own id of the row; only echoed back. */
    ID("id"),
    NAME("name"),
    SCHEMA("schema"),
    BIRTH_DATE("birthDate", "birth_date", "birthdate", "date_of_birth"),
    COUNTRY("country", "nationality"),
    LIMIT("limit"),
    THRESHOLD("threshold");

    private final String key;
    private final Set<String> aliases;

    Field(String key, String... aliases) {
      this.key = key;
      Set<String> all = new HashSet<>();
      all.add(key.toLowerCase(Locale.ROOT));
      for (String alias : aliases) {
        all.add(alias.toLowerCase(Locale.ROOT));
      }
      this.aliases = Set.copyOf(all);
    }

    /** The field's own name, used in problems ("birthDate: ..."). */
    public String key() {
      return key;
    }

    /** Whether the field holds a number (a JSON surface takes it as a number, not as text). */
    public boolean isNumber() {
      return this == LIMIT || this == THRESHOLD;
    }
  }

  private ScreeningRows() {}

  /** The field a column name stands for: case, surrounding space and a byte-order mark ignored. */
  public static Optional<Field> field(String column) {
    String key = column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    for (Field f : Field.values()) {
      if (f.aliases.contains(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The first non-blank cell of {@code row} under a name of {@code field}, stripped. */
  public static Optional<String> value(ScreeningRow row, Field field) {
    for (Map.Entry<String, String> cell : row.cells().entrySet()) {
      if (field(cell.getKey()).filter(field::equals).isPresent() && !cell.getValue().isBlank()) {
        return Optional.of(cell.getValue().strip());
      }
    }
    return Optional.empty();
  }

  /**
   * The query {@code row} asks for; {@code limit} and {@code threshold} apply where the row gives
   * none.
   *
   * @throws InvalidValueException whose message names the field and says what is wrong with it, as
   *     in {@code "birthDate: 'soon' is not a date ..."}
   */
  public static ScreeningQuery query(ScreeningRow row, int limit, double threshold) {
    requireNonNull(row, "row");
    ScreeningQuery query =
        checked(Field.NAME, () -> ScreeningQuery.of(value(row, Field.NAME).orElse("")));
    int rowLimit = value(row, Field.LIMIT).map(ScreeningRows::wholeNumber).orElse(limit);
    query = checked(Field.LIMIT, query, q -> q.withLimit(rowLimit));
    double rowThreshold = value(row, Field.THRESHOLD).map(ScreeningRows::number).orElse(threshold);
    query = checked(Field.THRESHOLD, query, q -> q.withThreshold(rowThreshold));
    Optional<String> schema = value(row, Field.SCHEMA);
    if (schema.isPresent()) {
      query = checked(Field.SCHEMA, query, q -> q.withSchema(Schema.expect(schema.get())));
    }
    Optional<String> birth = value(row, Field.BIRTH_DATE);
    if (birth.isPresent()) {
      query =
          checked(Field.BIRTH_DATE, query, q -> q.withBirthDate(PartialDate.parse(birth.get())));
    }
    Optional<String> country = value(row, Field.COUNTRY);
    if (country.isPresent()) {
      String code =
          Countries.code(country.get())
              .orElseThrow(
                  () ->
                      problem(
                          Field.COUNTRY,
                          "'"
                              + bounded(country.get())
                              + "' is not a known country; use an ISO code such as 'ir'"));
      query = query.withCountry(code);
    }
    return query;
  }

  /**
   * The rows of a CSV file. When a line before the data names a {@code name} column (under any of
   * its aliases), it is the header and every later line is a row by column; otherwise there is no
   * header and the first cell of each line is the name. Lines with nothing on them are left out;
   * each row is placed by the line it starts on ("line 3").
   */
  public static List<ScreeningRow> fromCsv(List<CsvRecords.Row> records) {
    List<CsvRecords.Row> data =
        records.stream().filter(r -> r.fields().stream().anyMatch(v -> !v.isBlank())).toList();
    List<ScreeningRow> rows = new ArrayList<>();
    if (data.isEmpty()) {
      return rows;
    }
    List<String> header = data.get(0).fields();
    boolean named = header.stream().anyMatch(c -> field(c).filter(Field.NAME::equals).isPresent());
    for (CsvRecords.Row record : named ? data.subList(1, data.size()) : data) {
      String where = "line " + record.line();
      if (!named) {
        rows.add(ScreeningRow.ofName(where, record.fields().get(0).replace("\uFEFF", "")));
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i).replace("\uFEFF", "").strip();
        if (!column.isEmpty() && !cells.containsKey(column)) {
          cells.put(column, i < record.fields().size() ? record.fields().get(i) : "");
        }
      }
      rows.add(new ScreeningRow(where, cells));
    }
    return rows;
  }

  private static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw problem(Field.LIMIT, "'" + bounded(text) + "' is not a whole number");
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw problem(Field.THRESHOLD, "'" + bounded(text) + "' is not a number");
    }
  }

  private static ScreeningQuery checked(Field field, Supplier<ScreeningQuery> q) {
    try {
      return q.get();
    } catch (InvalidValueException e) {
      throw problem(field, e.getMessage());
    }
  }

  private static ScreeningQuery checked(
      Field field, ScreeningQuery query, UnaryOperator<ScreeningQuery> change) {
    try {
      return change.apply(query);
    } catch (InvalidValueException e) {
      throw e.getMessage().startsWith(field.key() + ": ") ? e : problem(field, e.getMessage());
    }
  }

  private static InvalidValueException problem(Field field, String message) {
    return new InvalidValueException(field.key() + ": " + message);
  }

  private static String bounded(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
