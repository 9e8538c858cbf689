/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.app.CoreNlpModels;
import org.vigil.documents.ListGazetteer;
import org.vigil.extract.Extraction;
import org.vigil.extract.KbpReading;
import org.vigil.extract.KbpRelations;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.ingest.ReadOutcome;
import org.vigil.ingest.WebTextCleaner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil extract}: what one document says, printed and not stored. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a document (text, HTML, PDF, DOC/DOCX, ODT, RTF, EML), removes web-page junk and"
          + " prints the mentions, relations and events found in it, without storing anything.",
      "jsonl prints one JSON object per line, with \"kind\" mention, relation, event, property,"
          + " claim (what a named party says, with its stance) or skipped (a sentence not parsed,"
          + " with why); relations and events carry their claimant (\"source\" when the document"
          + " says it in its own voice) and stance. Spans are char offsets in the cleaned text. A"
          + " file that cannot be read exits with code 1.",
      "Names of the sanctions lists loaded under --data are found too, as the lists' entities.",
      "--kbp adds CoreNLP's KBP relations (slow; needs CoreNLP's full models jar, and runs again"
          + " in a child JVM with --corenlp-models on the class path when it is not there)."
    })
final class ExtractCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the findings are printed. */
  enum Format {
    JSONL,
    TABLE
  }

  @Spec CommandSpec spec;

  @Mixin StoreOptions storeOptions;

  @ParentCommand VigilCommand root;

  @Parameters(paramLabel = "FILE", description = "The document to read.")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      paramLabel = "F",
      description = "jsonl or table (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--kbp",
      description =
          "Also run CoreNLP's KBP relation extractor (some hundreds of tokens/s, a minute to"
              + " load): employee_or_member_of, top_members/employees and title.")
  boolean kbp;

  @Option(
      names = "--corenlp-models",
      paramLabel = "JAR",
      description =
          "CoreNLP's full models jar for --kbp, stanford-corenlp-"
              + CoreNlpModels.VERSION
              + "-models.jar (default: the local Maven repository's).")
  Path modelsJar;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (kbp && modelsJar != null) {
      try {
        CoreNlpModels.requireJar(modelsJar);
      } catch (IOException e) {
        throw new CliFailure("--kbp: " + e.getMessage());
      }
    }
    if (kbp && !KbpRelations.isAvailable()) {
      return inChild();
    }
    ReadOutcome outcome;
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      outcome = reader.read(file);
    }
    if (outcome.document().isEmpty()) {
      throw new CliFailure(
          file + ": " + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + outcome.reason());
    }
    String text = WebTextCleaner.clean(outcome.document().get().text()).text();
    Extraction extraction = ListGazetteer.extractor(storeOptions.library(root)).extract(text);
    List<Map<String, Object>> rows = rows(extraction);
    if (kbp) {
      rows.addAll(rows(new KbpRelations().read(text)));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSONL -> {
        for (Map<String, Object> row : rows) {
          out.println(json(row));
        }
      }
      case TABLE -> printTable(out, rows);
    }
    out.flush();
    return 0;
  }

  /** Runs this command again in a child JVM with CoreNLP's full models jar on its class path. */
  private int inChild() throws IOException, InterruptedException {
    Path jar = modelsJar == null ? CoreNlpModels.defaultJar() : modelsJar;
    List<String> args = new ArrayList<>(List.of("extract", "--kbp"));
    args.addAll(List.of("--format", format.name().toLowerCase(Locale.ROOT)));
    if (storeOptions.dataDir != null) {
      args.addAll(List.of("--data", storeOptions.dataDir.toAbsolutePath().toString()));
    }
    if (storeOptions.dbUrl != null) {
      args.addAll(List.of("--db", storeOptions.dbUrl));
    }
    if (storeOptions.dbUser != null) {
      args.addAll(List.of("--db-user", storeOptions.dbUser));
    }
    args.add(file.toAbsolutePath().toString());
    try {
      return CoreNlpModels.runWithJar(
          jar, VigilCommand.class.getName(), args, spec.commandLine().getOut());
    } catch (IOException e) {
      throw new CliFailure("--kbp: " + e.getMessage());
    }
  }

  /** One row per KBP finding: relations, then positions ("property" rows). */
  static List<Map<String, Object>> rows(KbpReading reading) {
    List<Map<String, Object>> rows =
        rows(new Extraction(List.of(), reading.relations(), List.of(), List.of(), List.of()));
    rows.forEach(row -> row.put("extractor", KbpRelations.EXTRACTOR));
    reading.positions().forEach(p -> rows.add(FindingRows.property(p)));
    return rows;
  }

  /** One row per finding, in the order mentions, relations, events; keys in output order. */
  static List<Map<String, Object>> rows(Extraction extraction) {
    List<Map<String, Object>> rows = new ArrayList<>();
    extraction.mentions().forEach(m -> rows.add(FindingRows.mention(m)));
    extraction.relations().forEach(r -> rows.add(FindingRows.relation(r)));
    extraction.events().forEach(e -> rows.add(FindingRows.event(e)));
    extraction.properties().forEach(p -> rows.add(FindingRows.property(p)));
    extraction.claims().forEach(c -> rows.add(FindingRows.claim(c)));
    extraction.skipped().forEach(s -> rows.add(FindingRows.skipped(s)));
    return rows;
  }

  private static String json(Map<String, Object> row) {
    try {
      return JSON.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a finding as JSON", e);
    }
  }

  private static void printTable(PrintWriter out, List<Map<String, Object>> rows) {
    List<String> header = List.of("kind", "what", "span", "detail");
    List<List<String>> table = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String kind = (String) row.get("kind");
      String what =
          switch (kind) {
            case "mention" -> row.get("type") + " " + row.get("text");
            case "relation" ->
                row.get("schema") + " " + row.get("source") + " -> " + row.get("target");
            case "claim" ->
                row.get("claimant")
                    + " "
                    + row.get("stance")
                    + " "
                    + (row.containsKey("event") ? row.get("event") : row.get("schema"));
            case "skipped" -> "sentence not parsed: " + row.get("reason");
            case "property" ->
                row.get("entity") + " " + row.get("property") + " " + row.get("value");
            default -> row.get("schema") + " " + row.get("event") + " " + row.get("participants");
          };
      String detail =
          kind.equals("mention") || kind.equals("skipped")
              ? ""
              : (row.containsKey("disputed") ? "DISPUTED " : "")
                  + (row.get("date") == null ? "" : row.get("date") + " ")
                  + abbreviate((String) row.get("evidence"));
      table.add(List.of(kind, what, row.get("start") + "-" + row.get("end"), detail));
    }
    OutputFormat.TABLE.print(out, table, header, r -> r);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 80 ? line : line.substring(0, 79) + "…";
  }
}
