/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised by nearest-rank percentiles. */
final class Percentiles {
  private long[] samples = new long[1024];
  private int count;

  void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  int count() {
    return count;
  }

  /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds. */
  double millis(double p) {
    if (count == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1_000_000.0;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }
}
