/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;

/**
 * Measures the statement store: batched writes of synthetic reporting until {@code statements} are
 * stored, then reads of entities by id, as an analyst of the owning organisation sees them. Writes
 * defer the search index, as a bulk load does; the caller times the one rebuild that follows.
 */
final class StoreBenchmark {
  static final String OWNER_ORG = "bench-unit";
  private static final int STATEMENTS_PER_PERSON = 11;

  private StoreBenchmark() {}

  /** What one run measured. */
  record Result(
      String label,
      long statementsStored,
      double writeSeconds,
      double statementsPerSecond,
      double medianBatchStatementsPerSecond,
      int reads,
      double readP50Millis,
      double readP95Millis,
      double readP99Millis) {}

  static Result run(
      String label, Store store, int statements, int batchSize, int reads, PrintWriter out) {
    SyntheticReporting reporting = new SyntheticReporting(42, OWNER_ORG);
    int peoplePerBatch = Math.max(1, batchSize / STATEMENTS_PER_PERSON);
    int people = 0;
    long written = 0;
    long writeNanos = 0;
    List<Double> batchRates = new ArrayList<>();
    int reported = 0;
    while (written < statements) {
      SyntheticReporting.Batch batch = reporting.document(people, peoplePerBatch);
      people += peoplePerBatch;
      long start = System.nanoTime();
      store.statements().write(batch.source(), batch.statements(), IndexUpdate.DEFERRED);
      long nanos = System.nanoTime() - start;
      writeNanos += nanos;
      written += batch.statements().size();
      batchRates.add(batch.statements().size() / (nanos / 1e9));
      int percent = (int) (100 * written / statements);
      if (percent >= reported + 10) {
        reported = percent - percent % 10;
        out.printf(
            java.util.Locale.ROOT,
            "  %s: %,d statements written (%d%%)%n",
            label,
            written,
            reported);
        out.flush();
      }
    }
    Viewer analyst = Viewer.of("bench-analyst", "bench", OWNER_ORG, Set.of(), Role.ANALYST);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < Math.min(2_000, reads); i++) {
      store.statements().entity(SyntheticReporting.personId(random.nextInt(people)), analyst);
    }
    Percentiles latency = new Percentiles();
    int found = 0;
    for (int i = 0; i < reads; i++) {
      String id = SyntheticReporting.personId(random.nextInt(people));
      long start = System.nanoTime();
      boolean present = store.statements().entity(id, analyst).isPresent();
      latency.add(System.nanoTime() - start);
      if (present) {
        found++;
      }
    }
    if (found == 0) {
      throw new IllegalStateException(
          "the benchmark read no entity back: the store lost its writes");
    }
    double[] rates = batchRates.stream().mapToDouble(Double::doubleValue).toArray();
    return new Result(
        label,
        store.statements().count(),
        writeNanos / 1e9,
        written / (writeNanos / 1e9),
        Percentiles.median(rates),
        reads,
        latency.millis(50),
        latency.millis(95),
        latency.millis(99));
  }
}
