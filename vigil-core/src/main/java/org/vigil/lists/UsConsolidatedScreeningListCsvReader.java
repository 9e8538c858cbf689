/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * The US Consolidated Screening List (trade.gov) as CSV: one row per party of the export screening
 * lists of Commerce, State and the Treasury, columns named in a header row that starts {@code
 * _id,source,entity_number,type,programs,name}. Multi-valued columns (alt_names, programs,
 * dates_of_birth, nationalities, citizenships) separate values with "; ". The row's {@code source}
 * (such as "Entity List (EL) - Bureau of Industry and Security") is the entry's authority.
 *
 * <p>Columns are found by name, so a file with more columns or another order still reads; a row
 * without an id or a name is refused with its line.
 */
public final class UsConsolidatedScreeningListCsvReader implements SanctionsListReader {
  static final String HEADER_START = "_id,source,entity_number,type,programs,name";
  private static final List<String> REQUIRED = List.of("_id", "source", "type", "name");

  @Override
  public String format() {
    return "US Consolidated Screening List CSV";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    return Files.isRegularFile(path)
        && OfacSdnJsonReader.head(path).replace("\uFEFF", "").startsWith(HEADER_START);
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    String file = path.toString();
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    List<CsvRecords.Row> rows = CsvRecords.parse(checksum.text(path).replace("\uFEFF", ""), file);
    if (rows.isEmpty()) {
      throw new ListFormatException(file, "line 1", "expected a header row, found nothing");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = rows.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    for (String column : REQUIRED) {
      if (!columns.containsKey(column)) {
        throw new ListFormatException(file, "line 1", "the header has no column " + column);
      }
    }
    List<ListEntry> entries = new ArrayList<>();
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      String where = "line " + row.line();
      if (row.fields().size() != header.size()) {
        throw new ListFormatException(
            file, where, "expected " + header.size() + " columns, found " + row.fields().size());
      }
      try {
        entries.add(entry(row, columns));
      } catch (InvalidValueException e) {
        throw new ListFormatException(file, where, e.getMessage());
      }
    }
    return new ListRelease(
        "US Consolidated Screening List", Optional.empty(), checksum.hex(), entries);
  }

  private static ListEntry entry(CsvRecords.Row row, Map<String, Integer> columns) {
    List<Alias> aliases = new ArrayList<>();
    for (String alias : values(row, columns, "alt_names")) {
      aliases.add(Alias.of(alias, false));
    }
    List<PartialDate> births = new ArrayList<>();
    for (String date : values(row, columns, "dates_of_birth")) {
      // The CSL writes some dates as ranges or in words; those are not dates to compare.
      try {
        births.add(PartialDate.parse(date));
      } catch (InvalidValueException e) {
        continue;
      }
    }
    Set<String> countries = new LinkedHashSet<>();
    for (String column : List.of("nationalities", "citizenships")) {
      for (String country : values(row, columns, column)) {
        Countries.code(country).ifPresent(countries::add);
      }
    }
    Optional<PartialDate> listed = Optional.empty();
    String start = field(row, columns, "start_date");
    if (!start.isEmpty()) {
      try {
        listed = Optional.of(PartialDate.parse(start));
      } catch (InvalidValueException e) {
        listed = Optional.empty();
      }
    }
    String remarks = field(row, columns, "remarks");
    return new ListEntry(
        field(row, columns, "_id"),
        schema(field(row, columns, "type")),
        field(row, columns, "name"),
        aliases,
        births,
        List.copyOf(countries),
        values(row, columns, "programs"),
        listed,
        field(row, columns, "source"),
        remarks.isEmpty() ? List.of() : List.of(remarks));
  }

  private static Schema schema(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "individual" -> Schema.PERSON;
      case "vessel" -> Schema.VESSEL;
      case "aircraft" -> Schema.AIRPLANE;
      case "entity" -> Schema.ORGANIZATION;
      // The BIS and State lists leave the type empty: a party, person or organisation.
      default -> Schema.LEGAL_ENTITY;
    };
  }

  private static String field(CsvRecords.Row row, Map<String, Integer> columns, String name) {
    Integer at = columns.get(name);
    return at == null ? "" : row.get(at).strip();
  }

  private static List<String> values(
      CsvRecords.Row row, Map<String, Integer> columns, String name) {
    List<String> out = new ArrayList<>();
    for (String value : field(row, columns, name).split(";")) {
      if (!value.isBlank()) {
        out.add(value.strip());
      }
    }
    return out;
  }
}
