/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * OFSI's Consolidated List CSV (ConList.csv): a "Last Updated" line, a header line, then one row
 * per name of a designated person or entity, grouped by "Group ID". The row whose "Alias Type" is
 * "Primary name" gives the entry's name; the others are aliases ("Low quality" ones weak).
 */
public final class UkConListCsvReader implements SanctionsListReader {

  private static final List<String> REQUIRED =
      List.of("Name 6", "Name 1", "Group Type", "Alias Type", "Group ID");

  @Override
  public String format() {
    return "UK OFSI Consolidated List CSV";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    return Files.isRegularFile(path)
        && OfacSdnJsonReader.head(path).replace("\uFEFF", "").startsWith("Last Updated");
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    String file = path.toString();
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    List<CsvRecords.Row> rows = CsvRecords.parse(checksum.text(path), file);
    if (rows.size() < 2 || !rows.get(0).get(0).strip().equals("Last Updated")) {
      throw new ListFormatException(file, "line 1", "expected a 'Last Updated' line and a header");
    }
    Optional<LocalDate> published =
        Remarks.dates(rows.get(0).get(1)).stream()
            .filter(d -> d.precision() == PartialDate.Precision.DAY)
            .findFirst()
            .map(d -> LocalDate.of(d.year(), d.month().get(), d.day().get()));
    Map<String, Integer> column = new HashMap<>();
    List<String> header = rows.get(1).fields();
    for (int i = 0; i < header.size(); i++) {
      column.put(header.get(i).strip(), i);
    }
    for (String required : REQUIRED) {
      if (!column.containsKey(required)) {
        throw new ListFormatException(file, "line 2", "header has no '" + required + "' column");
      }
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (CsvRecords.Row row : rows.subList(2, rows.size())) {
      if (row.fields().size() < header.size()) {
        throw new ListFormatException(
            file,
            "line " + row.line(),
            "expected " + header.size() + " columns, found " + row.fields().size());
      }
      String id = field(row, column, "Group ID");
      if (id.isEmpty()) {
        throw new ListFormatException(file, "line " + row.line(), "no Group ID");
      }
      Group group = groups.computeIfAbsent(id, Group::new);
      group.add(row, column);
    }
    List<ListEntry> entries = new ArrayList<>();
    for (Group g : groups.values()) {
      entries.add(g.toEntry());
    }
    return new ListRelease("UK OFSI Consolidated List", published, checksum.hex(), entries);
  }

  static String field(CsvRecords.Row row, Map<String, Integer> column, String name) {
    Integer index = column.get(name);
    return index == null ? "" : row.get(index).strip();
  }

  private static final class Group {
    final String id;
    String name;
    Schema schema = Schema.LEGAL_ENTITY;
    final LinkedHashSet<String> aliasNames = new LinkedHashSet<>();
    final Map<String, Boolean> aliasWeak = new HashMap<>();
    final LinkedHashSet<PartialDate> births = new LinkedHashSet<>();
    final LinkedHashSet<String> countries = new LinkedHashSet<>();
    final LinkedHashSet<String> programs = new LinkedHashSet<>();
    Optional<PartialDate> listed = Optional.empty();
    final LinkedHashSet<String> remarks = new LinkedHashSet<>();

    Group(String id) {
      this.id = id;
    }

    void add(CsvRecords.Row row, Map<String, Integer> column) {
      List<String> parts = new ArrayList<>();
      for (String c : List.of("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")) {
        String part = field(row, column, c);
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      String full = String.join(" ", parts);
      String type = field(row, column, "Group Type").toLowerCase(Locale.ROOT);
      schema =
          switch (type) {
            case "individual" -> Schema.PERSON;
            case "entity" -> Schema.ORGANIZATION;
            case "ship" -> Schema.VESSEL;
            default -> Schema.LEGAL_ENTITY;
          };
      boolean primary = field(row, column, "Alias Type").equalsIgnoreCase("Primary name");
      boolean weak = field(row, column, "Alias Quality").toLowerCase(Locale.ROOT).startsWith("low");
      if (!full.isEmpty()) {
        if (primary && name == null) {
          name = full;
        } else {
          aliasNames.add(full);
          aliasWeak.merge(full, weak, Boolean::logicalAnd);
        }
      }
      String nonLatin = field(row, column, "Name Non-Latin Script");
      if (!nonLatin.isEmpty()) {
        aliasNames.add(nonLatin);
        aliasWeak.putIfAbsent(nonLatin, false);
      }
      String dob = field(row, column, "DOB");
      if (!dob.isEmpty()) {
        births.addAll(Remarks.dates(dob));
      }
      for (String c : List.of("Nationality", "Country")) {
        for (String value : field(row, column, c).split("\\(\\d+\\)|,")) {
          Countries.code(value).ifPresent(countries::add);
        }
      }
      String regime = field(row, column, "Regime");
      if (!regime.isEmpty()) {
        programs.add(regime);
      }
      String listedOn = field(row, column, "Listed On");
      if (listed.isEmpty() && !listedOn.isEmpty()) {
        listed = Remarks.dates(listedOn).stream().findFirst();
      }
      String other = field(row, column, "Other Information");
      if (!other.isEmpty()) {
        remarks.add(other);
      }
    }

    ListEntry toEntry() {
      List<String> names = new ArrayList<>(aliasNames);
      String primary = name != null ? name : names.remove(0);
      List<Alias> aliases = new ArrayList<>();
      for (String alias : names) {
        if (!alias.equals(primary)) {
          aliases.add(Alias.of(alias, aliasWeak.getOrDefault(alias, false)));
        }
      }
      return new ListEntry(
          id,
          schema,
          primary,
          aliases,
          List.copyOf(births),
          List.copyOf(countries),
          List.copyOf(programs),
          listed,
          "UK OFSI",
          List.copyOf(remarks));
    }
  }
}
