/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentIntake;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.documents.IngestProgress;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.Store;

/**
 * The demo's corpus of public-domain reporting: the US Central Command and US State Department
 * press releases of the Dstl re3d data set (corpus/README.md beside this class), ingested like any
 * upload as TLP:CLEAR documents of the demo's home organisation. A document stored already is
 * recognised by its text and left alone, so a start interrupted half-way goes on where it stopped.
 */
public final class DemoCorpus {
  /**
   * How the line printed once the corpus is in (and with it everything the demo loads) begins;
   * {@code vigil bench demo} waits for it.
   */
  public static final String READY = "The demo corpus is ready";

  /** The bundled files, JSON lines as re3d publishes them (one document per line). */
  static final List<String> BUNDLED =
      List.of("re3d-centcom.jsonl", "re3d-us-state-department.jsonl");

  /** One press release: its publisher, address, title and text. */
  record Report(String id, String publisher, String url, String title, String text) {
    Report {
      requireNonNull(id, "id");
      requireNonNull(publisher, "publisher");
      requireNonNull(url, "url");
      requireNonNull(title, "title");
      requireNonNull(text, "text");
      title = title.strip();
    }

    /** The file name it is ingested under. */
    String fileName() {
      String key = publisher.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      return "re3d-" + key + "-" + id.substring(0, Math.min(12, id.length())) + ".html";
    }

    /**
     * The release as a small web page, so that the title reaches the document's source as a browser
     * would show it; every paragraph stays a paragraph, and the last one says where it was
     * published.
     */
    byte[] asHtml() {
      StringBuilder html = new StringBuilder(text.length() + 512);
      html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
      escape(publisher + ": " + title, html);
      html.append("</title></head><body><h1>");
      escape(title, html);
      html.append("</h1>\n");
      for (String paragraph : text.split("\\n\\s*")) {
        if (!paragraph.isBlank()) {
          html.append("<p>");
          escape(paragraph.strip(), html);
          html.append("</p>\n");
        }
      }
      html.append("<p>Published by ");
      escape(publisher + " at " + url, html);
      html.append(" (public domain).</p></body></html>\n");
      return html.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private DemoCorpus() {}

  /** Every bundled report, in file order. */
  static List<Report> reports() {
    ObjectMapper json = new ObjectMapper();
    List<Report> out = new ArrayList<>();
    for (String name : BUNDLED) {
      try (InputStream in = DemoCorpus.class.getResourceAsStream("corpus/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the bundled corpus file " + name + " is missing");
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode doc = json.readTree(line);
          out.add(
              new Report(
                  field(doc, "_id", name, number),
                  field(doc, "sourceName", name, number),
                  field(doc, "sourceUrl", name, number),
                  field(doc, "title", name, number),
                  field(doc, "text", name, number)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled corpus file " + name, e);
      }
    }
    return out;
  }

  /**
   * Ingests every bundled report not stored yet, printing a line per report to {@code out} and
   * counting them in {@code progress}, and leaves their resolution to the caller. A report that
   * cannot be ingested is reported and the others go on.
   *
   * @return how many reports were stored by this call
   */
  public static int ingest(Store store, Clock clock, PrintWriter out, IngestProgress progress) {
    requireNonNull(store, "store");
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      DocumentIntake intake =
          new DocumentIntake(
              store,
              new DocumentIngest(store, reader, Extractor.standard(), clock),
              new DocumentIntake.ResolveByCaller());
      return stored(ingest(intake, out, progress));
    }
  }

  /**
   * Ingests every bundled report not stored yet through {@code intake} (which resolves them as it
   * is told to), printing a line per report to {@code out} and counting them in {@code progress}. A
   * report that cannot be ingested is reported and the others go on.
   *
   * @throws CancellationException after the report in hand when {@code progress} was asked to stop
   */
  public static DocumentIntake.Outcome ingest(
      DocumentIntake intake, PrintWriter out, IngestProgress progress) {
    requireNonNull(intake, "intake");
    requireNonNull(progress, "progress");
    List<Report> reports = reports();
    progress.start(reports.size());
    out.println(
        "Ingesting the demo corpus: "
            + reports.size()
            + " public-domain reports of US Central Command and the US State Department ...");
    out.flush();
    DocumentTerms terms =
        new DocumentTerms(Marking.of(Tlp.CLEAR, DemoData.HOME_ORG), Reliability.B);
    List<DocumentIntake.Item> items = new ArrayList<>();
    for (Report report : reports) {
      items.add(new DocumentIntake.FromBytes(report.fileName(), report.asHtml(), terms));
    }
    int[] n = {0};
    DocumentIntake.Outcome outcome =
        intake.add(
            DocumentIntake.Request.unaudited(items),
            done -> {
              progress.offered(done);
              Report report = reports.get(n[0]++);
              out.printf(
                  Locale.ROOT,
                  "  [%d/%d] %s: %s%n",
                  n[0],
                  reports.size(),
                  report.title(),
                  describe(done));
              out.flush();
              if (progress.stopRequested()) {
                // After the report in hand: the intake indexes what it stored before it returns.
                throw new CancellationException(
                    "Vigil is stopping; the demo corpus stopped after "
                        + n[0]
                        + " of "
                        + reports.size()
                        + " reports and the next start goes on from there");
              }
            });
    progress.finish();
    out.println(READY + " (" + Plural.of(stored(outcome), "report", "reports") + " stored now).");
    out.flush();
    return outcome;
  }

  private static String describe(IngestOutcome outcome) {
    return switch (outcome.kind()) {
      case STORED, NEAR_DUPLICATE ->
          String.format(
              Locale.ROOT,
              "%d mentions, %d relations, %d events",
              outcome.counts().mentions(),
              outcome.counts().relations(),
              outcome.counts().events());
      case EXACT_DUPLICATE -> "stored before";
      case REJECTED -> "not ingested: " + outcome.reason();
    };
  }

  private static int stored(DocumentIntake.Outcome outcome) {
    return (int)
        outcome.documents().stream()
            .filter(
                o ->
                    o.kind() == IngestOutcome.Kind.STORED
                        || o.kind() == IngestOutcome.Kind.NEAR_DUPLICATE)
            .count();
  }

  private static String field(JsonNode doc, String name, String file, int line) {
    JsonNode value = doc.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException(
          "the bundled corpus file " + file + " has no text field '" + name + "' on line " + line);
    }
    return value.asText();
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }
}
