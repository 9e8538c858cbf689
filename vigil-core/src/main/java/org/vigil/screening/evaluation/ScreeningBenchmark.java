/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vigil.lists.ListRelease;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningQuery;

/**
 * Measures screening speed on the calling thread: index build time, then queries per second and
 * per-query latency percentiles over a batch, after a warm-up of at least {@value #WARM_UP_QUERIES}
 * queries, and the heap in use with the index built. Use a batch of 20,000 queries or more (repeat
 * a smaller set) for a stable p99. Also the queries per second of the screening thread's own CPU
 * time, which other processes on a shared machine disturb far less than the wall clock. For {@code
 * vigil bench screening}; unit tests never assert on its numbers.
 */
public final class ScreeningBenchmark {

  /** What one run measured. */
  public record Figures(
      int entries,
      int names,
      int queries,
      double buildMillis,
      double queriesPerSecond,
      double p50Micros,
      double p99Micros,
      double maxMicros,
      long heapBytes,
      double queriesPerCpuSecond) {

    public String render() {
      return String.format(
          Locale.ROOT,
          "index: %d entries, %d names, built in %.0f ms; %d queries: %.0f queries/s,"
              + " p50 %.0f us, p99 %.0f us, max %.0f us; heap in use %.0f MiB;"
              + " %.0f queries per CPU second of the screening thread",
          entries,
          names,
          buildMillis,
          queries,
          queriesPerSecond,
          p50Micros,
          p99Micros,
          maxMicros,
          heapBytes / (1024.0 * 1024.0),
          queriesPerCpuSecond);
    }
  }

  /** Queries screened before measuring; the batch is repeated when it is shorter. */
  public static final int WARM_UP_QUERIES = 20_000;

  private ScreeningBenchmark() {}

  /** Builds a screener over {@code releases} and screens {@code queries} on this thread. */
  public static Figures run(List<ListRelease> releases, List<ScreeningQuery> queries) {
    long start = System.nanoTime();
    Screener screener = Screener.build(releases);
    double buildMillis = (System.nanoTime() - start) / 1e6;
    // Warm up until the JIT has compiled the hot paths, even for a short batch.
    for (int i = 0; i < Math.max(queries.size(), WARM_UP_QUERIES) && !queries.isEmpty(); i++) {
      screener.screen(queries.get(i % queries.size()));
    }
    long[] latencies = new long[queries.size()];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart =
        threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    long batchStart = System.nanoTime();
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      screener.screen(queries.get(i));
      latencies[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - batchStart) / 1e9;
    double cpuSeconds = cpuStart < 0 ? 0 : (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    Arrays.sort(latencies);
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heap = runtime.totalMemory() - runtime.freeMemory();
    int n = latencies.length;
    return new Figures(
        screener.entryCount(),
        screener.nameCount(),
        n,
        buildMillis,
        n == 0 ? 0 : n / seconds,
        n == 0 ? 0 : latencies[n / 2] / 1e3,
        n == 0 ? 0 : latencies[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e3,
        n == 0 ? 0 : latencies[n - 1] / 1e3,
        heap,
        n == 0 || cpuSeconds <= 0 ? 0 : n / cpuSeconds);
  }
}
