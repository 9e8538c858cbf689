/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How {@code vigil ingest} shows its progress: on a terminal, one bar redrawn in place (files
 * done/total, rate, time left) with rejected files printed above it; elsewhere, one plain line per
 * file. Not thread-safe: one batch, one thread.
 */
final class IngestProgress {
  /** The bar's width in chars, between its brackets. */
  static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final PrintWriter err;
  private final String errPrefix;
  private final boolean bar;
  private final int total;
  private final LongSupplier nanos;
  private final long start;
  private int done;
  private boolean barShown;

  /**
   * @param errPrefix put before each line on stderr, such as "vigil ingest: "
   * @param bar whether to draw a bar (on a terminal) rather than a line per file
   * @param nanos a monotonic clock in nanoseconds, for the rate
   */
  IngestProgress(
      PrintWriter out,
      PrintWriter err,
      String errPrefix,
      boolean bar,
      int total,
      LongSupplier nanos) {
    this.out = requireNonNull(out, "out");
    this.err = requireNonNull(err, "err");
    this.errPrefix = requireNonNull(errPrefix, "errPrefix");
    this.bar = bar;
    this.total = total;
    this.nanos = requireNonNull(nanos, "nanos");
    this.start = nanos.getAsLong();
    if (bar && total > 0) {
      draw();
    }
  }

  /**
   * One more file done: {@code line} says what became of it; {@code problem} sends it to stderr
   * and, with a bar, above the bar, where it stays.
   */
  void done(String line, boolean problem) {
    done++;
    String numbered = "[" + done + "/" + total + "] " + line;
    if (bar) {
      if (problem) {
        clearBar();
        err.println(errPrefix + numbered);
      }
      draw();
      return;
    }
    PrintWriter to = problem ? err : out;
    to.println(problem ? errPrefix + numbered : numbered);
    to.flush();
  }

  /** Ends the bar's line, so that what follows starts on a line of its own. */
  void finish() {
    if (bar && barShown) {
      err.println();
      err.flush();
      barShown = false;
    }
  }

  private void draw() {
    double seconds = (nanos.getAsLong() - start) / 1e9;
    err.print("\r" + render(done, total, seconds) + "\u001b[K");
    err.flush();
    barShown = true;
  }

  private void clearBar() {
    if (barShown) {
      err.print("\r\u001b[K");
      barShown = false;
    }
  }

  /**
   * The bar for {@code done} of {@code total} files after {@code seconds}, such as {@code
   * [#########.....................] 12/40 files 3.1 files/s ETA 0:09}; rate and time left show
   * once a file is done.
   */
  static String render(int done, int total, double seconds) {
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
    StringBuilder text =
        new StringBuilder("[")
            .append("#".repeat(filled))
            .append(".".repeat(BAR_WIDTH - filled))
            .append("] ")
            .append(done)
            .append('/')
            .append(total)
            .append(" files");
    if (done > 0 && seconds > 0) {
      double rate = done / seconds;
      text.append(String.format(Locale.ROOT, "  %.1f files/s", rate));
      if (done < total) {
        text.append("  ETA ").append(clock(Math.round((total - done) / rate)));
      }
    }
    return text.toString();
  }

  /** Seconds as m:ss, or h:mm:ss from an hour on. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
