/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench store}: write throughput and read latency of the statement store on a fresh
 * embedded H2 database, optionally on PostgreSQL too, and the time {@code vigil serve} takes to
 * answer its first request.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the statement store: batched writes of synthetic reporting, then reads of entities"
          + " by id with everything written stored, and the start-up time of vigil serve.",
      "Runs on a fresh H2 database in a temporary folder; add --postgres to measure a PostgreSQL"
          + " database as well (its tables must be empty or absent: the benchmark writes to it)."
    })
public final class BenchStoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--statements", description = "Statements to write (default: ${DEFAULT-VALUE}).")
  int statements = 1_000_000;

  @Option(names = "--batch", description = "Statements per write (default: ${DEFAULT-VALUE}).")
  int batch = 10_000;

  @Option(names = "--reads", description = "Entity reads to time (default: ${DEFAULT-VALUE}).")
  int reads = 20_000;

  @Mixin BenchDatabase postgres;

  @Option(
      names = "--postgres-statements",
      description = "Statements to write on PostgreSQL (default: a fifth of --statements).")
  Optional<Integer> postgresStatements = Optional.empty();

  @Option(
      names = "--startup-runs",
      description =
          "Times to start vigil serve and time its first answer; 0 skips (default: ${DEFAULT-VALUE}).")
  int startupRuns = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench store");
    out.println("machine: " + MachineDescription.describe());
    List<StoreBenchmark.Result> results = new ArrayList<>();

    try (ScratchFolder h2 = ScratchFolder.create("vigil-bench-h2");
        Store store = Store.open(StoreConfig.embedded(h2.path()))) {
      results.add(StoreBenchmark.run("H2 (embedded, file)", store, statements, batch, reads, out));
      long start = System.nanoTime();
      long indexed = store.reindex();
      out.printf(
          Locale.ROOT,
          "  H2: search index rebuilt from %,d records in %.1f s%n",
          indexed,
          (System.nanoTime() - start) / 1e9);
    }

    if (postgres.given()) {
      try (ScratchFolder index = ScratchFolder.create("vigil-bench-pg-index");
          Store store = Store.open(postgres.config(index.path()))) {
        int count = postgresStatements.orElse(Math.max(batch, statements / 5));
        results.add(StoreBenchmark.run("PostgreSQL", store, count, batch, reads, out));
      }
    }

    out.println();
    out.println(
        "| store | statements stored | write statements/s | median batch statements/s | read p50 ms | read p95 ms | read p99 ms |");
    out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (StoreBenchmark.Result r : results) {
      out.printf(
          Locale.ROOT,
          "| %s | %,d | %,.0f | %,.0f | %.3f | %.3f | %.3f |%n",
          r.label(),
          r.statementsStored(),
          r.statementsPerSecond(),
          r.medianBatchStatementsPerSecond(),
          r.readP50Millis(),
          r.readP95Millis(),
          r.readP99Millis());
    }

    if (startupRuns > 0) {
      Path jar =
          Path.of(
              BenchStoreCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!jar.toString().endsWith(".jar")) {
        out.println("start-up: skipped (not running from vigil.jar)");
      } else {
        double[] millis = StartupBenchmark.run(jar, startupRuns);
        out.printf(
            Locale.ROOT,
            "%nvigil serve, process start to first answered request: median %.0f ms over %d runs (min %.0f, max %.0f)%n",
            Percentiles.median(millis),
            millis.length,
            java.util.Arrays.stream(millis).min().orElseThrow(),
            java.util.Arrays.stream(millis).max().orElseThrow());
      }
    }
    out.flush();
    return 0;
  }
}
