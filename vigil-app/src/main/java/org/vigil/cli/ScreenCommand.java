/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.lists.Countries;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.ScreeningResult;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;
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
      "--input reads a CSV file with a header: name, and optionally id, schema, birth_date,"
          + " country. It writes one JSON line per row, in input order:"
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
      String explanation) {}

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
    ListLibrary library = ListsCommand.library(storeOptions, root);
    if (library.current().isEmpty()) {
      throw new CliFailure(
          "no lists are loaded in "
              + library.root().toAbsolutePath().normalize()
              + "; load some with: vigil lists load FILE (or vigil lists update)");
    }
    ListScreening.Built built = ListScreening.over(library).current();
    return input == null ? single(built) : batch(built.screener());
  }

  private int single(ListScreening.Built built) {
    ScreeningQuery query =
        query(
            name,
            Optional.ofNullable(schema),
            Optional.ofNullable(birthDate),
            Optional.ofNullable(country));
    ScreeningResult result = built.screener().screen(query);
    PrintWriter out = spec.commandLine().getOut();
    List<MatchRow> rows =
        result.matches().stream()
            .map(
                m ->
                    new MatchRow(
                        round(m.score()),
                        m.dataset(),
                        m.entityId(),
                        m.primaryName(),
                        m.matchedName(),
                        m.schema().ftmName(),
                        m.programs(),
                        round(m.nameScore()),
                        explanation(m)))
            .toList();
    if (format == OutputFormat.TABLE) {
      out.printf(
          Locale.ROOT,
          "Screened \"%s\" against %d entries of %s (threshold %.2f):%n",
          query.name(),
          built.screener().entryCount(),
          String.join(", ", built.releases().stream().map(ReleaseManifest::dataset).toList()),
          threshold);
      if (rows.isEmpty()) {
        out.println("No match.");
        out.flush();
        return 0;
      }
    }
    format.print(
        out,
        rows,
        List.of("SCORE", "DATASET", "ENTITY ID", "MATCHED NAME", "PROGRAMMES", "EXPLANATION"),
        r ->
            List.of(
                String.format(Locale.ROOT, "%.3f", r.score()),
                r.dataset(),
                r.entityId(),
                r.matchedName().equals(r.name())
                    ? r.name()
                    : r.matchedName() + " (alias of " + r.name() + ")",
                String.join(";", r.programs()),
                r.explanation()));
    return 0;
  }

  private int batch(Screener screener) throws IOException {
    CsvTable table;
    try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      table = CsvTable.read(in, input.toString());
    } catch (NoSuchFileException e) {
      throw new CliFailure(input + ": no such file");
    }
    if (!table.has("name")) {
      throw new CliFailure(
          input + " has no 'name' column; its header is: " + String.join(",", table.header()));
    }
    int errors = 0;
    int matched = 0;
    Writer sink =
        output == null
            ? spec.commandLine().getOut()
            : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    try {
      for (CsvTable.Row row : table.rows()) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", row.get("id").orElse(Integer.toString(row.line())));
        String raw = row.values().getOrDefault("name", "");
        line.put("query", raw);
        ArrayNode matches = JSON.createArrayNode();
        try {
          ScreeningQuery query =
              query(raw, row.get("schema"), row.get("birth_date"), row.get("country"));
          for (ScreeningMatch m : screener.screen(query).matches()) {
            matches.add(match(m));
          }
          line.set("matches", matches);
          if (!matches.isEmpty()) {
            matched++;
          }
        } catch (InvalidValueException e) {
          errors++;
          line.set("matches", matches);
          line.put("error", "line " + row.line() + ": " + e.getMessage());
        }
        sink.write(JSON.writeValueAsString(line));
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
        "Screened %d rows: %d with matches, %d rejected%s.%n",
        table.rows().size(),
        matched,
        errors,
        output == null ? "" : "; results in " + output);
    report.flush();
    return 0;
  }

  private ScreeningQuery query(
      String text,
      Optional<String> schemaName,
      Optional<String> birth,
      Optional<String> countryName) {
    ScreeningQuery query =
        ScreeningQuery.of(text == null ? "" : text).withLimit(limit).withThreshold(threshold);
    if (schemaName.isPresent()) {
      query = query.withSchema(Schema.expect(schemaName.get().strip()));
    }
    if (birth.isPresent()) {
      query = query.withBirthDate(PartialDate.parse(birth.get()));
    }
    if (countryName.isPresent()) {
      String c = countryName.get();
      query =
          query.withCountry(
              Countries.code(c)
                  .orElseThrow(
                      () ->
                          new InvalidValueException(
                              "unknown country '" + c + "'; use an ISO code such as 'ir'")));
    }
    return query;
  }

  private static ObjectNode match(ScreeningMatch m) throws JsonProcessingException {
    ObjectNode node = JSON.createObjectNode();
    node.put("dataset", m.dataset());
    node.put("entity_id", m.entityId());
    node.put("name", m.primaryName());
    node.put("matched_name", m.matchedName());
    node.put("schema", m.schema().ftmName());
    ArrayNode programs = node.putArray("programs");
    m.programs().forEach(programs::add);
    node.put("score", round(m.score()));
    node.put("name_score", round(m.nameScore()));
    node.put("explanation", explanation(m));
    return node;
  }

  static String explanation(ScreeningMatch m) {
    List<String> parts = new ArrayList<>();
    parts.add(m.nameExplanation().describe());
    parts.addAll(m.evidence());
    return String.join("; ", parts);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
