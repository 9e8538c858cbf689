/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * The UK Sanctions List (FCDO) as normalised CSV tables in one directory: subjects.csv (unique_id,
 * subject_type, un_reference_number, ofsi_group_id, date_designated, last_updated),
 * subject_names.csv (name_type primary, primary_variation or alias; alias_strength), and optionally
 * subject_dobs.csv and subject_countries.csv.
 */
public final class UkSanctionsListCsvReader implements SanctionsListReader {

  @Override
  public String format() {
    return "UK Sanctions List CSV tables";
  }

  @Override
  public boolean accepts(Path path) {
    return Files.isDirectory(path)
        && Files.isRegularFile(path.resolve("subjects.csv"))
        && Files.isRegularFile(path.resolve("subject_names.csv"));
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    Map<String, Draft> drafts = new LinkedHashMap<>();
    Table subjects = table(path.resolve("subjects.csv"), checksum, "unique_id", "subject_type");
    for (CsvRecords.Row row : subjects.rows) {
      String id = subjects.get(row, "unique_id");
      Draft draft = new Draft(id, schema(subjects.get(row, "subject_type")));
      Remarks.dates(subjects.get(row, "date_designated")).stream()
          .findFirst()
          .ifPresent(d -> draft.listed = Optional.of(d));
      drafts.put(id, draft);
    }
    Table names =
        table(path.resolve("subject_names.csv"), checksum, "unique_id", "name_type", "full_name");
    for (CsvRecords.Row row : names.rows) {
      Draft draft = drafts.get(names.get(row, "unique_id"));
      String name = names.get(row, "full_name");
      if (draft == null) {
        throw new ListFormatException(
            names.file,
            "line " + row.line(),
            "name of unknown subject " + names.get(row, "unique_id"));
      }
      if (name.isEmpty()) {
        continue;
      }
      if (names.get(row, "name_type").equals("primary") && draft.name == null) {
        draft.name = name;
      } else {
        boolean weak = names.get(row, "alias_strength").toLowerCase(Locale.ROOT).startsWith("low");
        draft.aliases.putIfAbsent(name, weak);
      }
    }
    Path dobs = path.resolve("subject_dobs.csv");
    if (Files.isRegularFile(dobs)) {
      Table table = table(dobs, checksum, "unique_id", "year", "month", "day");
      for (CsvRecords.Row row : table.rows) {
        Draft draft = drafts.get(table.get(row, "unique_id"));
        if (draft != null) {
          date(table.get(row, "year"), table.get(row, "month"), table.get(row, "day"))
              .ifPresent(draft.births::add);
        }
      }
    }
    Path countries = path.resolve("subject_countries.csv");
    if (Files.isRegularFile(countries)) {
      Table table = table(countries, checksum, "unique_id", "iso");
      for (CsvRecords.Row row : table.rows) {
        Draft draft = drafts.get(table.get(row, "unique_id"));
        if (draft != null) {
          Countries.code(table.get(row, "iso")).ifPresent(draft.countries::add);
        }
      }
    }
    List<ListEntry> entries = new ArrayList<>();
    for (Draft d : drafts.values()) {
      List<String> all = new ArrayList<>(d.aliases.keySet());
      if (d.name == null && all.isEmpty()) {
        throw new ListFormatException(
            path.resolve("subject_names.csv").toString(), d.id, "subject has no name");
      }
      String primary = d.name != null ? d.name : all.get(0);
      List<Alias> aliases = new ArrayList<>();
      for (Map.Entry<String, Boolean> a : d.aliases.entrySet()) {
        if (!a.getKey().equals(primary)) {
          aliases.add(Alias.of(a.getKey(), a.getValue()));
        }
      }
      entries.add(
          new ListEntry(
              d.id,
              d.schema,
              primary,
              aliases,
              List.copyOf(d.births),
              List.copyOf(d.countries),
              List.of(),
              d.listed,
              "UK FCDO",
              List.of()));
    }
    return new ListRelease("UK Sanctions List", Optional.empty(), checksum.hex(), entries);
  }

  private static Optional<PartialDate> date(String year, String month, String day) {
    try {
      if (year.isEmpty()) {
        return Optional.empty();
      }
      Optional<Integer> m =
          month.matches("\\d{1,2}") ? Optional.of(Integer.valueOf(month)) : Optional.empty();
      Optional<Integer> d =
          m.isPresent() && day.matches("\\d{1,2}")
              ? Optional.of(Integer.valueOf(day))
              : Optional.empty();
      return Optional.of(new PartialDate(Integer.parseInt(year), m, d));
    } catch (InvalidValueException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Schema schema(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "individual" -> Schema.PERSON;
      case "entity" -> Schema.ORGANIZATION;
      case "ship" -> Schema.VESSEL;
      default -> Schema.LEGAL_ENTITY;
    };
  }

  private record Table(String file, Map<String, Integer> columns, List<CsvRecords.Row> rows) {
    String get(CsvRecords.Row row, String column) {
      return row.get(columns.get(column)).strip();
    }
  }

  private static Table table(Path file, ListFiles.Checksum checksum, String... required)
      throws IOException {
    List<CsvRecords.Row> rows = CsvRecords.parse(checksum.text(file), file.toString());
    if (rows.isEmpty()) {
      throw new ListFormatException(file.toString(), "line 1", "no header");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < rows.get(0).fields().size(); i++) {
      columns.put(rows.get(0).fields().get(i).strip(), i);
    }
    for (String column : required) {
      if (!columns.containsKey(column)) {
        throw new ListFormatException(
            file.toString(), "line 1", "header has no '" + column + "' column");
      }
    }
    List<CsvRecords.Row> body = rows.subList(1, rows.size());
    for (CsvRecords.Row row : body) {
      if (row.fields().size() < rows.get(0).fields().size()) {
        throw new ListFormatException(
            file.toString(),
            "line " + row.line(),
            "expected " + rows.get(0).fields().size() + " columns, found " + row.fields().size());
      }
    }
    return new Table(file.toString(), columns, body);
  }

  private static final class Draft {
    final String id;
    final Schema schema;
    String name;
    final LinkedHashMap<String, Boolean> aliases = new LinkedHashMap<>();
    final LinkedHashSet<PartialDate> births = new LinkedHashSet<>();
    final LinkedHashSet<String> countries = new LinkedHashSet<>();
    Optional<PartialDate> listed = Optional.empty();

    Draft(String id, Schema schema) {
      this.id = id;
      this.schema = schema;
    }
  }
}
