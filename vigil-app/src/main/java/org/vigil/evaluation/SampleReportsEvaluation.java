/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.resolution.StoreRecords;
import org.vigil.resolution.StoreResolution;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.evaluation.PairwiseScore;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Resolution on the sample reports: they are ingested into a fresh store in a temporary folder and
 * resolved (without lists), and the result is held against hand-written gold pairs of names ({@code
 * sample-reports-gold.tsv}). A gold pair is counted for each two entities that carry its two names;
 * a pair whose names the extractor did not produce is reported as missing.
 */
public final class SampleReportsEvaluation {
  /** One gold pair and what became of it. */
  public record Checked(String a, String b, boolean same, boolean together, boolean found) {}

  /** The figures. */
  public record Result(
      int reports, int entities, List<Judgement> merges, PairwiseScore score, List<Checked> pairs) {
    public Result {
      merges = List.copyOf(merges);
      pairs = List.copyOf(pairs);
    }
  }

  private SampleReportsEvaluation() {}

  public static Result run(Path reports, Path workDir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(reports, "*.txt")) {
      dir.forEach(files::add);
    }
    files.sort(null);
    try (Store store = Store.open(StoreConfig.embedded(workDir));
        DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      DocumentIngest ingest =
          new DocumentIngest(store, reader, Extractor.standard(), Clock.systemUTC());
      DocumentTerms terms = new DocumentTerms(Marking.of(Tlp.GREEN, "eval"), Reliability.F);
      for (Path file : files) {
        ingest.ingest(file, terms);
      }
      StoreRecords.Read read = StoreRecords.read(store);
      StoreResolution.Outcome outcome =
          new StoreResolution(Clock.systemUTC()).run(store, read.records());
      Map<String, Set<String>> idsByName = new HashMap<>();
      read.entities()
          .values()
          .forEach(
              e ->
                  StoreRecords.names(e)
                      .forEach(
                          n -> idsByName.computeIfAbsent(n, k -> new HashSet<>()).add(e.id())));
      long tp = 0;
      long fp = 0;
      long fn = 0;
      List<Checked> checked = new ArrayList<>();
      for (String[] gold : gold()) {
        boolean same = gold[2].equals("same");
        Set<String> left = idsByName.getOrDefault(gold[0], Set.of());
        Set<String> right = idsByName.getOrDefault(gold[1], Set.of());
        boolean allTogether = !left.isEmpty() && !right.isEmpty();
        for (String x : left) {
          for (String y : right) {
            boolean together =
                store.judgements().canonicalId(x).equals(store.judgements().canonicalId(y));
            allTogether &= together;
            if (same && together) {
              tp++;
            } else if (same) {
              fn++;
            } else if (together) {
              fp++;
            }
          }
        }
        checked.add(
            new Checked(gold[0], gold[1], same, allTogether, !left.isEmpty() && !right.isEmpty()));
      }
      return new Result(
          files.size(),
          read.records().size(),
          outcome.merges(),
          new PairwiseScore(tp, fp, fn),
          checked);
    }
  }

  static List<String[]> gold() {
    List<String[]> out = new ArrayList<>();
    try (InputStream in =
            SampleReportsEvaluation.class.getResourceAsStream("sample-reports-gold.tsv");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 3 || !Set.of("same", "different").contains(cells[2])) {
          throw new IllegalStateException("a bad line in sample-reports-gold.tsv: " + line);
        }
        out.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled gold pairs", e);
    }
    return out;
  }
}
