/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Extraction;
import org.vigil.extract.Mention;
import org.vigil.extract.Relation;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.ingest.ReadOutcome;
import org.vigil.ingest.WebTextCleaner;
import org.vigil.watchlists.ListGazetteer;
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
      "jsonl prints one JSON object per line, with \"kind\" mention, relation or event; spans are"
          + " char offsets in the cleaned text. A file that cannot be read exits with code 1.",
      "Names of the sanctions lists loaded under --data are found too, as the lists' entities."
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

  @Override
  public Integer call() {
    ReadOutcome outcome;
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      outcome = reader.read(file);
    }
    if (outcome.document().isEmpty()) {
      throw new CliFailure(
          file + ": " + outcome.status().name().toLowerCase(Locale.ROOT) + ": " + outcome.reason());
    }
    String text = WebTextCleaner.clean(outcome.document().get().text()).text();
    Extraction extraction =
        ListGazetteer.extractor(ListsCommand.library(storeOptions, root)).extract(text);
    List<Map<String, Object>> rows = rows(extraction);
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

  /** One row per finding, in the order mentions, relations, events; keys in output order. */
  static List<Map<String, Object>> rows(Extraction extraction) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Mention m : extraction.mentions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", "mention");
      row.put("text", m.text());
      row.put("type", m.type().name());
      row.put("start", m.start());
      row.put("end", m.end());
      rows.add(row);
    }
    for (Relation r : extraction.relations()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", "relation");
      row.put("schema", r.schema().ftmName());
      row.put("source", r.source().name());
      row.put("target", r.target().name());
      r.role().ifPresent(role -> row.put("role", role));
      row.put("evidence", r.evidence());
      row.put("start", r.start());
      row.put("end", r.end());
      row.put("confidence", r.confidence());
      if (r.disputed()) {
        row.put("disputed", true);
      }
      rows.add(row);
    }
    for (ExtractedEvent e : extraction.events()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", "event");
      row.put("schema", e.schema().ftmName());
      row.put("event", e.kind());
      row.put("date", e.date().map(Object::toString).orElse(null));
      row.put("place", e.place().orElse(null));
      row.put("participants", e.participants().stream().map(Mention::name).toList());
      row.put("evidence", e.evidence());
      row.put("start", e.start());
      row.put("end", e.end());
      row.put("confidence", e.confidence());
      if (e.disputed()) {
        row.put("disputed", true);
      }
      rows.add(row);
    }
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
            default -> row.get("schema") + " " + row.get("event") + " " + row.get("participants");
          };
      String detail =
          kind.equals("mention")
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
