/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * A partner agency's own list as CSV with the header {@code
 * id,name,schema,aliases,country,birth_date,programs}; aliases and programmes are separated by ";",
 * the schema is an FtM name (Person, Organization, ...), the country a name or ISO code, the birth
 * date YYYY, YYYY-MM or YYYY-MM-DD.
 */
public final class AgencyCsvReader implements SanctionsListReader {

  static final List<String> HEADER =
      List.of("id", "name", "schema", "aliases", "country", "birth_date", "programs");

  @Override
  public String format() {
    return "agency CSV";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    return Files.isRegularFile(path)
        && OfacSdnJsonReader.head(path).replace("\uFEFF", "").startsWith(String.join(",", HEADER));
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    String file = path.toString();
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    List<CsvRecords.Row> rows = CsvRecords.parse(checksum.text(path), file);
    if (rows.isEmpty()
        || !rows.get(0).fields().stream().map(String::strip).toList().equals(HEADER)) {
      throw new ListFormatException(
          file, "line 1", "expected the header " + String.join(",", HEADER));
    }
    List<ListEntry> entries = new ArrayList<>();
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      String where = "line " + row.line();
      if (row.fields().size() != HEADER.size()) {
        throw new ListFormatException(
            file, where, "expected " + HEADER.size() + " columns, found " + row.fields().size());
      }
      try {
        List<Alias> aliases = new ArrayList<>();
        for (String alias : row.get(3).split(";")) {
          if (!alias.isBlank()) {
            aliases.add(Alias.of(alias, false));
          }
        }
        List<String> countries = new ArrayList<>();
        if (!row.get(4).isBlank()) {
          countries.add(
              Countries.code(row.get(4))
                  .orElseThrow(
                      () -> new InvalidValueException("unknown country '" + row.get(4) + "'")));
        }
        List<PartialDate> births =
            row.get(5).isBlank() ? List.of() : List.of(PartialDate.parse(row.get(5)));
        List<String> programs = new ArrayList<>();
        for (String program : row.get(6).split(";")) {
          if (!program.isBlank()) {
            programs.add(program.strip());
          }
        }
        entries.add(
            new ListEntry(
                row.get(0).strip(),
                Schema.expect(row.get(2).strip()),
                row.get(1).strip(),
                aliases,
                births,
                countries,
                programs,
                Optional.empty(),
                "agency",
                List.of()));
      } catch (InvalidValueException e) {
        throw new ListFormatException(file, where, e.getMessage());
      }
    }
    String dataset = path.getFileName().toString().replaceFirst("\\.csv$", "");
    return new ListRelease(dataset, Optional.empty(), checksum.hex(), entries);
  }
}
