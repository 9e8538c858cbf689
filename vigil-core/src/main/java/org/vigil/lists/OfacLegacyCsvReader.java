/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Schema;

/**
 * OFAC's legacy CSV set, a directory of headerless files where "-0-" means empty: the SDN list
 * (sdn.csv, alt.csv, add.csv, sdn_comments.csv) or the consolidated non-SDN list (cons_prim.csv,
 * cons_alt.csv, cons_add.csv, cons_comments.csv). Only the primary file is required. Birth dates
 * and nationalities are read from the remarks.
 */
public final class OfacLegacyCsvReader implements SanctionsListReader {

  private static final int PRIMARY_COLUMNS = 12;

  @Override
  public String format() {
    return "OFAC legacy CSV";
  }

  @Override
  public boolean accepts(Path path) {
    return primary(path).isPresent();
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    Path primary =
        primary(path)
            .orElseThrow(
                () ->
                    new ListFormatException(
                        path.toString(),
                        "",
                        "neither sdn.csv nor cons_prim.csv, nor a directory holding one"));
    boolean consolidated = primary.getFileName().toString().startsWith("cons_");
    String prefix = consolidated ? "cons_" : "";
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    Map<String, Draft> drafts = new LinkedHashMap<>();
    for (CsvRecords.Row row : CsvRecords.parse(checksum.text(primary), primary.toString())) {
      if (row.fields().size() < PRIMARY_COLUMNS) {
        throw new ListFormatException(
            primary.toString(),
            "line " + row.line(),
            "expected " + PRIMARY_COLUMNS + " columns, found " + row.fields().size());
      }
      String id = row.get(0).strip();
      if (!id.matches("\\d+")) {
        throw new ListFormatException(
            primary.toString(), "line " + row.line(), "entry number '" + id + "' is not a number");
      }
      Draft draft = new Draft(id, row.get(1).strip(), schema(row.get(2)));
      for (String program : row.get(3).split("\\]\\s*\\[")) {
        if (!ListFiles.isEmpty(program)) {
          draft.programs.add(program.replace("[", "").replace("]", "").strip());
        }
      }
      draft.remarks.append(ListFiles.isEmpty(row.get(11)) ? "" : row.get(11).strip());
      drafts.put(id, draft);
    }
    Path alt = primary.resolveSibling(prefix + "alt.csv");
    if (Files.isRegularFile(alt)) {
      for (CsvRecords.Row row : CsvRecords.parse(checksum.text(alt), alt.toString())) {
        Draft draft = drafts.get(row.get(0).strip());
        if (draft != null && !ListFiles.isEmpty(row.get(3))) {
          draft.aliases.add(Alias.of(row.get(3), false));
        }
      }
    }
    Path add = primary.resolveSibling(prefix + "add.csv");
    if (Files.isRegularFile(add)) {
      for (CsvRecords.Row row : CsvRecords.parse(checksum.text(add), add.toString())) {
        Draft draft = drafts.get(row.get(0).strip());
        if (draft != null && !ListFiles.isEmpty(row.get(4))) {
          Countries.code(row.get(4)).ifPresent(draft.countries::add);
        }
      }
    }
    Path comments = primary.resolveSibling(consolidated ? "cons_comments.csv" : "sdn_comments.csv");
    if (Files.isRegularFile(comments)) {
      for (CsvRecords.Row row : CsvRecords.parse(checksum.text(comments), comments.toString())) {
        Draft draft = drafts.get(row.get(0).strip());
        if (draft != null && !ListFiles.isEmpty(row.get(1))) {
          draft.remarks.append(row.get(1).strip());
        }
      }
    }
    List<ListEntry> entries = new ArrayList<>(drafts.size());
    for (Draft d : drafts.values()) {
      String remarks = d.remarks.toString();
      d.countries.addAll(Remarks.countries(remarks));
      entries.add(
          new ListEntry(
              d.id,
              d.schema,
              d.name,
              d.aliases,
              Remarks.birthDates(remarks),
              List.copyOf(d.countries),
              d.programs,
              Optional.empty(),
              "OFAC",
              remarks.isEmpty() ? List.of() : List.of(remarks)));
    }
    return new ListRelease(
        consolidated ? "OFAC Consolidated (non-SDN)" : "OFAC SDN",
        Optional.empty(),
        checksum.hex(),
        entries);
  }

  static Schema schema(String type) {
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "individual" -> Schema.PERSON;
      case "vessel" -> Schema.VESSEL;
      case "aircraft" -> Schema.AIRPLANE;
      default -> Schema.ORGANIZATION;
    };
  }

  /** The primary file: the one named, or the one in the directory named; its siblings follow. */
  private static Optional<Path> primary(Path path) {
    if (Files.isRegularFile(path)) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.equals("sdn.csv") || name.equals("cons_prim.csv")
          ? Optional.of(path)
          : Optional.empty();
    }
    if (!Files.isDirectory(path)) {
      return Optional.empty();
    }
    for (String name : List.of("sdn.csv", "SDN.CSV", "cons_prim.csv", "CONS_PRIM.CSV")) {
      if (Files.isRegularFile(path.resolve(name))) {
        return Optional.of(path.resolve(name));
      }
    }
    return Optional.empty();
  }

  private static final class Draft {
    final String id;
    final String name;
    final Schema schema;
    final List<Alias> aliases = new ArrayList<>();
    final LinkedHashSet<String> countries = new LinkedHashSet<>();
    final List<String> programs = new ArrayList<>();
    final StringBuilder remarks = new StringBuilder();

    Draft(String id, String name, Schema schema) {
      this.id = id;
      this.name = name;
      this.schema = schema;
    }
  }
}
