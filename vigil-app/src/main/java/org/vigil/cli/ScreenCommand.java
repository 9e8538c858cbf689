/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.lists.CsvRecords;
import org.vigil.lists.ListFormatException;
import org.vigil.model.Schema;
import org.vigil.screening.BatchOutcome;
import org.vigil.screening.CandidateGroups;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.ScreeningResult;
import org.vigil.screening.ScreeningRow;
import org.vigil.screening.ScreeningRows;
import org.vigil.watchlists.BatchScreening;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;
import org.vigil.watchlists.ReportedMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil screen}: screens names against the lists loaded in the data directory. */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Screens a name (--name), or every row of a CSV file (--input), against the sanctions lists"
          + " in force in the data directory (see vigil lists load).",
      "Each match comes with its score, list, entry and the reasons: which name parts aligned and"
          + " how, and how birth date, country and schema moved the score.",
      "--input reads a CSV file with a header: name, and optionally id, schema, birth_date"
          + " (or birthdate, date_of_birth, birthDate), country (or nationality), limit and"
          + " threshold; without a header naming a name column, the first column is the name. It"
          + " writes one JSON line per row, in input order:"
          + " {\"id\", \"query\", \"matches\": [{\"dataset\", \"entity_id\", \"name\","
          + " \"matched_name\", \"schema\", \"programs\", \"score\", \"name_score\","
          + " \"explanation\"}]}; a row that is not a valid query gets an \"error\" instead and the"
          + " batch goes on."
    })
final class ScreenCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(names = "--name", description = "The name to screen.")
  String name;

  @Option(names = "--schema", description = "Person, Organization, Vessel, ... (default: any).")
  String schema;

  @Option(names = "--birth-date", paramLabel = "D", description = "YYYY, YYYY-MM or YYYY-MM-DD.")
  String birthDate;

  @Option(names = "--country", paramLabel = "C", description = "ISO code or English name.")
  String country;

  @Option(
      names = "--limit",
      defaultValue = "5",
      description = "Matches per query at most (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Lowest score of a match, 0 to 1 (default: "
              + Screener.DEFAULT_THRESHOLD
              + "); 0 lists the best --limit whatever their score.")
  double threshold = Screener.DEFAULT_THRESHOLD;

  @Option(names = "--input", paramLabel = "CSV", description = "Screen every row of this CSV file.")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "JSONL",
      description = "With --input: write the JSON lines here (default: standard output).")
  Path output;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "For --name: table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  /** One match as --format json prints it. */
  record MatchRow(
      double score,
      String dataset,
      String entityId,
      String name,
      String matchedName,
      String schema,
      List<String> programs,
      double nameScore,
      String explanation,
      int candidate,
      List<String> birthDates,
      List<String> countries,
      List<String> remarks,
      List<String> birthPlaces,
      String reasons) {}

  @Override
  public Integer call() throws IOException {
    if ((name == null) == (input == null)) {
      throw new ParameterException(spec.commandLine(), "give either --name or --input");
    }
    if (output != null && input == null) {
      throw new ParameterException(spec.commandLine(), "--output goes with --input");
    }
    if (limit < 1 || limit > ScreeningQuery.MAX_LIMIT) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be 1.." + ScreeningQuery.MAX_LIMIT);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new ParameterException(spec.commandLine(), "--threshold must be in [0, 1]");
    }
    ListLibrary library = storeOptions.library(root);
    if (library.current().isEmpty()) {
      throw new CliFailure(
          "no lists are loaded in "
              + library.root().toAbsolutePath().normalize()
              + "; load some with: vigil lists load FILE (or vigil lists update)");
    }
    BatchScreening screening = new BatchScreening(ListScreening.over(library));
    List<ScreeningRow> rows = input == null ? List.of(optionsRow()) : fileRows();
    BatchScreening.Outcome outcome;
    try {
      outcome = screening.screen(new BatchScreening.Request(rows, limit, threshold));
    } catch (BatchScreening.ListsUnavailable e) {
      throw new CliFailure(e.getMessage() + ": " + e.getCause().getMessage());
    }
    return input == null ? single(outcome) : batch(outcome);
  }

  /** The options as one row, under the same names a CSV header gives. */
  private ScreeningRow optionsRow() {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("name", name);
    Optional.ofNullable(schema).ifPresent(v -> cells.put("schema", v));
    Optional.ofNullable(birthDate).ifPresent(v -> cells.put("birth_date", v));
    Optional.ofNullable(country).ifPresent(v -> cells.put("country", v));
    return new ScreeningRow("--name", cells);
  }

  private List<ScreeningRow> fileRows() throws IOException {
    String text;
    try {
      text = Files.readString(input, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliFailure(input + ": no such file");
    }
    List<CsvRecords.Row> records;
    try {
      records = CsvRecords.parse(text, input.toString());
    } catch (ListFormatException e) {
      throw new CliFailure(input + " (" + e.location() + "): a quoted field never ends");
    }
    if (records.isEmpty()) {
      throw new CliFailure(input + " is empty; it needs a header line");
    }
    return ScreeningRows.fromCsv(records);
  }

  private int single(BatchScreening.Outcome outcome) {
    BatchOutcome item = outcome.items().get(0);
    ScreeningResult result =
        item.result().orElseThrow(() -> new CliFailure(item.error().orElseThrow()));
    PrintWriter out = spec.commandLine().getOut();
    List<MatchRow> rows = matchRows(result.matches(), outcome.groups().get(0));
    if (format == OutputFormat.TABLE) {
      out.printf(
          Locale.ROOT,
          "Screened \"%s\" (%s) against %d entries of %s (threshold %.2f):%n",
          result.query().name(),
          queryDetails(result.query()),
          outcome.entries(),
          String.join(", ", outcome.lists().stream().map(ReleaseManifest::dataset).toList()),
          threshold);
      if (rows.isEmpty()) {
        out.println("No match.");
        out.flush();
        return 0;
      }
    }
    printRows(out, rows);
    if (format == OutputFormat.TABLE) {
      tableNotes(out, rows);
    }
    return 0;
  }

  /** One line per list entry, entries of one candidate sharing its number. */
  private void printRows(PrintWriter out, List<MatchRow> rows) {
    format.print(
        out,
        rows,
        List.of(
            "CANDIDATE",
            "SCORE",
            "DATASET",
            "ENTITY ID",
            "MATCHED NAME",
            "SCHEMA",
            "BORN",
            "COUNTRIES",
            "PROGRAMMES",
            "EXPLANATION"),
        r ->
            List.of(
                Integer.toString(r.candidate()),
                String.format(Locale.ROOT, "%.3f", r.score()),
                r.dataset(),
                r.entityId(),
                r.matchedName().equals(r.name())
                    ? r.name()
                    : r.matchedName() + " (alias of " + r.name() + ")",
                r.schema(),
                born(r),
                r.countries().isEmpty() ? "-" : String.join(";", r.countries()),
                String.join(";", r.programs()),
                r.explanation()));
  }

  /** "1957-03-11 in Qom, Iran (Islamic Republic of)", "-" when the list gives neither. */
  private static String born(MatchRow r) {
    String dates = String.join(";", r.birthDates());
    String places = String.join("; ", r.birthPlaces());
    if (places.isEmpty()) {
      return dates.isEmpty() ? "-" : dates;
    }
    return (dates.isEmpty() ? "" : dates + " ") + "in " + places;
  }

  /**
   * Under the table: each match's reasons in sentences, for the person who reviews it; what a
   * shared candidate number means; and each entry's remarks.
   */
  private static void tableNotes(PrintWriter out, List<MatchRow> rows) {
    if (rows.stream().map(MatchRow::candidate).distinct().count() < rows.size()) {
      out.println(
          "Rows with one CANDIDATE number are one person's or organisation's entries on several"
              + " lists.");
    }
    for (MatchRow r : rows) {
      out.println("Why " + r.dataset() + " " + r.entityId() + ": " + r.reasons());
    }
    for (MatchRow r : rows) {
      if (!r.remarks().isEmpty()) {
        out.println(
            "Remarks of "
                + r.dataset()
                + " "
                + r.entityId()
                + ": "
                + String.join(" ", r.remarks()));
      }
    }
    out.flush();
  }

  /** What the query said besides its name, to read beside each entry's details. */
  private static String queryDetails(ScreeningQuery q) {
    return "schema "
        + q.schema().map(Schema::ftmName).orElse("any")
        + ", born "
        + q.birthDate().map(Object::toString).orElse("unknown")
        + ", country "
        + q.country().orElse("unknown");
  }

  /** The matches in their result's order, each with its candidate number and list details. */
  private static List<MatchRow> matchRows(
      List<ScreeningMatch> matches, List<CandidateGroups.Group> groups) {
    List<MatchRow> rows = new ArrayList<>();
    for (ReportedMatch.Detailed d : ReportedMatch.detailed(matches, groups)) {
      ReportedMatch r = d.match();
      rows.add(
          new MatchRow(
              r.score(),
              r.dataset(),
              r.entityId(),
              r.name(),
              r.matchedName(),
              r.schema(),
              r.programs(),
              r.nameScore(),
              r.explainedInFull(),
              d.candidate(),
              d.birthDates(),
              d.countries(),
              d.remarks(),
              d.birthPlaces(),
              r.reasons()));
    }
    return rows;
  }

  private int batch(BatchScreening.Outcome outcome) throws IOException {
    Writer sink =
        output == null
            ? spec.commandLine().getOut()
            : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    try {
      for (BatchOutcome item : outcome.items()) {
        sink.write(
            JSON.writeValueAsString(
                line(outcome.rows().get(item.index()), item, outcome.groups().get(item.index()))));
        sink.write('\n');
      }
    } finally {
      sink.flush();
      if (output != null) {
        sink.close();
      }
    }
    PrintWriter report = output == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
    report.printf(
        Locale.ROOT,
        "Screened %s: %d with matches, %d rejected%s.%n",
        org.vigil.app.Plural.of(outcome.rows().size(), "row", "rows"),
        outcome.matched(),
        outcome.rejected(),
        output == null ? "" : "; results in " + output);
    report.flush();
    return 0;
  }

  /** One JSON line: the row's id (else its line number), its name, matches or error. */
  private static ObjectNode line(
      ScreeningRow row, BatchOutcome item, List<CandidateGroups.Group> groups)
      throws JsonProcessingException {
    ObjectNode line = JSON.createObjectNode();
    line.put(
        "id",
        ScreeningRows.value(row, ScreeningRows.Field.ID)
            .orElse(row.where().replaceFirst("^line ", "")));
    line.put("query", ScreeningRows.value(row, ScreeningRows.Field.NAME).orElse(""));
    ArrayNode matches = line.putArray("matches");
    for (MatchRow m :
        matchRows(item.result().map(ScreeningResult::matches).orElse(List.of()), groups)) {
      matches.add(match(m));
    }
    item.error().ifPresent(e -> line.put("error", row.where() + ": " + e));
    return line;
  }

  private static ObjectNode match(MatchRow m) throws JsonProcessingException {
    ObjectNode node = JSON.createObjectNode();
    node.put("dataset", m.dataset());
    node.put("entity_id", m.entityId());
    node.put("name", m.name());
    node.put("matched_name", m.matchedName());
    node.put("schema", m.schema());
    ArrayNode programs = node.putArray("programs");
    m.programs().forEach(programs::add);
    node.put("score", m.score());
    node.put("name_score", m.nameScore());
    node.put("explanation", m.explanation());
    node.put("reasons", m.reasons());
    node.put("candidate", m.candidate());
    ArrayNode born = node.putArray("birth_dates");
    m.birthDates().forEach(born::add);
    ArrayNode countries = node.putArray("countries");
    m.countries().forEach(countries::add);
    ArrayNode remarks = node.putArray("remarks");
    m.remarks().forEach(remarks::add);
    return node;
  }
}
