/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.evaluation.ScreeningBenchmark;
import org.vigil.screening.evaluation.ScreeningEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench screening}: Vigil's screener against OFAC SDN, UN and UK together, next to two
 * baselines run in the same process on the same queries (brute-force Jaro–Winkler and Lucene
 * FuzzyQuery), on one thread.
 */
@Command(
    name = "screening",
    mixinStandardHelpOptions = true,
    description = {
      "Times screening on one thread against OFAC SDN (JSON digest), the UN Consolidated List and"
          + " the UK ConList sample from the shared data: index build time, queries/s, p50/p99"
          + " latency and heap in use, after a warm-up.",
      "The queries are those of 'vigil eval screening' (yente's UN positives and validation"
          + " negatives), repeated up to --queries. Two baselines run in the same process on the"
          + " first --baseline-queries of them: brute-force Jaro-Winkler over every list name"
          + " (Apache Commons Text) and Lucene FuzzyQuery; the ratios compare Vigil with each."
    })
public final class BenchScreeningCommand implements Callable<Integer> {
  private static final int TOP_K = 5;

  @Spec CommandSpec spec;

  @Mixin SharedData shared;

  @Option(
      names = "--queries",
      paramLabel = "N",
      description = "Queries to time Vigil on, at least 20000 (default: ${DEFAULT-VALUE}).")
  int queries = 50_000;

  @Option(
      names = "--baseline-queries",
      paramLabel = "N",
      description = "Queries to time each baseline on (default: ${DEFAULT-VALUE}).")
  int baselineQueries = 2_000;

  /** Throughput and latency of one contender. */
  private record Timing(int queries, double seconds, Percentiles latencies) {
    double perSecond() {
      return queries / seconds;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (queries < 20_000) {
      throw new ParameterException(spec.commandLine(), "--queries must be at least 20000");
    }
    if (baselineQueries < 1) {
      throw new ParameterException(spec.commandLine(), "--baseline-queries must be positive");
    }
    Path dir = shared.dir();
    List<Path> files =
        List.of(
            dir.resolve("lists/ofac/sdn-json/ofac-sdn.json"),
            dir.resolve("lists/un/UN_consolidated_2026-02-27.xml"),
            dir.resolve("lists/uk/ConList-sample-2025-04-10.csv"));
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(
            spec.commandLine(),
            "the benchmark needs "
                + file.toAbsolutePath().normalize()
                + "; pass --shared DIR (the shared data directory)");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench screening");
    out.println("machine: " + MachineDescription.describe());
    List<ListRelease> releases = new ArrayList<>();
    for (Path file : files) {
      releases.add(SanctionsLists.read(file));
    }
    for (ListRelease r : releases) {
      out.printf(
          Locale.ROOT,
          "list: %s %s, %d entries%n",
          r.dataset(),
          r.published().map(Object::toString).orElse("(undated)"),
          r.entries().size());
    }
    List<ScreeningQuery> base = new ScreeningEvaluation(dir, Screener.DEFAULT_THRESHOLD).queries();
    if (base.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "no benchmark queries under " + dir.toAbsolutePath().normalize() + "/matching/yente");
    }
    List<ScreeningQuery> batch = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) {
      batch.add(base.get(i % base.size()));
    }
    out.printf(
        Locale.ROOT,
        "queries: %d distinct (yente UN positives clean + treated, validation negatives),"
            + " repeated to %d; limit %d, threshold %.2f; one thread%n",
        base.size(),
        queries,
        TOP_K,
        Screener.DEFAULT_THRESHOLD);
    out.flush();

    ScreeningBenchmark.Figures vigil = ScreeningBenchmark.run(releases, batch);
    out.println("Vigil screener: " + vigil.render());
    out.flush();

    List<String> names = new ArrayList<>();
    for (ListRelease r : releases) {
      for (ListEntry e : r.entries()) {
        names.addAll(e.allNames());
      }
    }
    List<String> baselineBatch =
        batch.subList(0, Math.min(baselineQueries, batch.size())).stream()
            .map(ScreeningQuery::name)
            .toList();
    out.printf(
        Locale.ROOT,
        "baselines: %d list names; timed on the first %d queries only (they are slow), after a"
            + " warm-up of %d%n",
        names.size(),
        baselineBatch.size(),
        warmUp(baselineBatch.size()));
    for (NameSearchBaseline baseline :
        List.<NameSearchBaseline>of(new JaroWinklerBaseline(), new LuceneFuzzyBaseline())) {
      try (baseline) {
        long start = System.nanoTime();
        baseline.build(names);
        double buildMillis = (System.nanoTime() - start) / 1e6;
        Timing t = time(baseline, baselineBatch);
        out.printf(
            Locale.ROOT,
            "%s: built in %.0f ms; %d queries: %.0f queries/s, p50 %.0f us, p99 %.0f us%n",
            baseline.describe(),
            buildMillis,
            t.queries(),
            t.perSecond(),
            t.latencies().millis(50) * 1000,
            t.latencies().millis(99) * 1000);
        out.printf(
            Locale.ROOT,
            "  ratio Vigil/baseline: throughput x%.1f; baseline p99 is x%.0f Vigil's p99%n",
            vigil.queriesPerSecond() / t.perSecond(),
            t.latencies().millis(99) * 1000 / vigil.p99Micros());
        out.flush();
      }
    }
    out.printf(
        Locale.ROOT,
        "targets: >= 8000 queries/s on one core: %s (wall clock), %s (per CPU second of the"
            + " screening thread); p99 <= 2 ms: %s; index build <= 5 s: %s; heap <= 1 GiB: %s%n",
        verdict(vigil.queriesPerSecond() >= 8000),
        verdict(vigil.queriesPerCpuSecond() >= 8000),
        verdict(vigil.p99Micros() <= 2000),
        verdict(vigil.buildMillis() <= 5000),
        verdict(vigil.heapBytes() <= 1024L * 1024 * 1024));
    out.flush();
    return 0;
  }

  private static int warmUp(int n) {
    return Math.max(50, n / 10);
  }

  private static Timing time(NameSearchBaseline baseline, List<String> queries) throws IOException {
    for (int i = 0; i < warmUp(queries.size()); i++) {
      baseline.top(queries.get(i % queries.size()), TOP_K);
    }
    Percentiles latencies = new Percentiles();
    long start = System.nanoTime();
    for (String q : queries) {
      long t = System.nanoTime();
      baseline.top(q, TOP_K);
      latencies.add(System.nanoTime() - t);
    }
    return new Timing(queries.size(), (System.nanoTime() - start) / 1e9, latencies);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }
}
