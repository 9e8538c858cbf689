/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

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
import java.util.concurrent.Callable;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.names.NameComparison;
import org.vigil.names.NameMatcher;
import org.vigil.screening.ScreeningQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil names compare}: the score and explanation of two names. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two names: a score from 0 to 1 and which parts aligned and how.",
      "--input reads a CSV file with the columns name1,name2,schema and writes it back as CSV"
          + " with score, explanation and error (for a row that could not be compared) added."
    })
final class NamesCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..2", paramLabel = "NAME", description = "The two names.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--schema",
      defaultValue = "LegalEntity",
      description = "Person, Organization, Company, Vessel, ... (default: ${DEFAULT-VALUE}).")
  String schema;

  @Option(names = "--input", paramLabel = "CSV", description = "Compare every row of this file.")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "CSV",
      description = "With --input: write the results here (default: standard output).")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (input == null && names.size() != 2) {
      throw new ParameterException(spec.commandLine(), "give two names, or --input FILE");
    }
    if (input != null && !names.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give two names or --input, not both");
    }
    Schema chosen;
    try {
      chosen = Schema.expect(schema);
    } catch (InvalidValueException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    NameMatcher matcher = new NameMatcher();
    if (input == null) {
      NameComparison c = compare(matcher, names.get(0), names.get(1), chosen);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "score %.3f%n", c.score());
      out.println(c.explanation().describe());
      out.flush();
      return 0;
    }
    return batch(matcher, chosen);
  }

  /** The input file, with the columns name1 and name2. */
  private CsvTable pairs() throws IOException {
    CsvTable table;
    try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      table = CsvTable.read(in, input.toString());
    } catch (NoSuchFileException e) {
      throw new CliFailure(input + ": no such file");
    }
    if (!table.has("name1") || !table.has("name2")) {
      throw new CliFailure(
          input
              + " needs the columns name1,name2 (and schema); its header is: "
              + String.join(",", table.header()));
    }
    return table;
  }

  private int batch(NameMatcher matcher, Schema fallback) throws IOException {
    CsvTable table = pairs();
    Writer sink =
        output == null
            ? spec.commandLine().getOut()
            : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    int errors = 0;
    try {
      sink.write("name1,name2,schema,score,explanation,error\n");
      for (CsvTable.Row row : table.rows()) {
        String a = row.values().getOrDefault("name1", "");
        String b = row.values().getOrDefault("name2", "");
        String schemaName = row.get("schema").orElse(fallback.ftmName());
        String score = "";
        String explanation = "";
        String error = "";
        try {
          NameComparison c = compare(matcher, a, b, Schema.expect(schemaName));
          score = String.format(Locale.ROOT, "%.4f", c.score());
          explanation = c.explanation().describe();
        } catch (InvalidValueException e) {
          errors++;
          error = "line " + row.line() + ": " + e.getMessage();
        }
        sink.write(
            String.join(
                    ",",
                    CsvTable.field(a),
                    CsvTable.field(b),
                    CsvTable.field(schemaName),
                    score,
                    CsvTable.field(explanation),
                    CsvTable.field(error))
                + "\n");
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
        "Compared %s, %d rejected%s.%n",
        org.vigil.app.Plural.of(table.rows().size(), "pair", "pairs"),
        errors,
        output == null ? "" : "; results in " + output);
    report.flush();
    return 0;
  }

  private static NameComparison compare(NameMatcher matcher, String a, String b, Schema schema) {
    check(a);
    check(b);
    return matcher.compare(a, b, schema);
  }

  // The same rules as a screening query: not empty, bounded, no control characters.
  private static void check(String name) {
    ScreeningQuery.of(name);
  }
}
