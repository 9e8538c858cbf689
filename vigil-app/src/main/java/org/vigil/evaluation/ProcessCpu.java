/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The processor time of this whole process, by group of threads (the collector's, the JIT
 * compiler's, the rest), read from Linux's {@code /proc/self/task}: what a benchmark's own threads
 * leave out. On a quiet machine of N cores the wall clock cannot be shorter than the process's
 * processor time divided by N, so this says what a loaded machine's wall clock cannot. Empty where
 * {@code /proc} is not to be read.
 */
final class ProcessCpu {
  /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on the kernels Vigil runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /**
   * Seconds of processor time (user and system) so far: {@code "process"} for the whole process
   * (threads that have ended included), {@code "collector"} and {@code "JIT"} for the garbage
   * collector's and the compiler's threads (which live as long as the process).
   */
  static Optional<Map<String, Double>> snapshot() {
    Map<String, Double> seconds = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      seconds.put("process", seconds(Files.readString(Path.of("/proc/self/stat"))));
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException gone) {
          continue; // the thread ended between the listing and the read
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        group(name).ifPresent(g -> seconds.merge(g, seconds(stat), Double::sum));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(seconds);
  }

  /** utime and stime of a proc(5) stat line (fields 14 and 15), in seconds. */
  private static double seconds(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  private static Optional<String> group(String thread) {
    if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
      return Optional.of("collector");
    }
    if (thread.contains("CompilerThre")) {
      return Optional.of("JIT");
    }
    return Optional.empty();
  }

  /**
   * "31.0 s (collector 2.1, JIT 3.4)": the process's processor time between two snapshots, and that
   * of the collector's and the compiler's threads within it.
   */
  static String between(Map<String, Double> before, Map<String, Double> after) {
    return String.format(
        Locale.ROOT,
        "%.1f s (collector %.1f, JIT %.1f)",
        delta(before, after, "process"),
        delta(before, after, "collector"),
        delta(before, after, "JIT"));
  }

  static double delta(Map<String, Double> before, Map<String, Double> after, String group) {
    return Math.max(0, after.getOrDefault(group, 0.0) - before.getOrDefault(group, 0.0));
  }
}
