/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.sharing.StixImport;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench stix}: STIX bundles imported a second, each run into a fresh embedded store in
 * a temporary folder, the first run reported apart (it pays for the JIT).
 */
@Command(
    name = "stix",
    mixinStandardHelpOptions = true,
    description = {
      "Measures vigil import stix: the bundle is imported --runs times, each time into a fresh H2"
          + " store in a temporary folder (opening the store is not timed). Reports each run's"
          + " wall time and the importing thread's CPU time, and the median of the runs after the"
          + " first. On a loaded machine the CPU figure is the one that says what the code costs."
    })
public final class BenchStixCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "BUNDLE",
      arity = "0..1",
      description = "The bundle (default: the shared MITRE ATT&CK ICS bundle).")
  Path bundle = SharedData.DEFAULT.resolve("stix/mitre-attack/ics-attack-18.1.json");

  @Option(names = "--runs", description = "Imports to time (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Override
  public Integer call() throws IOException {
    if (runs < 2) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 2");
    }
    if (!Files.isRegularFile(bundle)) {
      throw new ParameterException(spec.commandLine(), "no bundle at " + bundle.toAbsolutePath());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench stix " + bundle.getFileName());
    out.println("machine: " + MachineDescription.describe());
    byte[] bytes = Files.readAllBytes(bundle);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> wallRates = new ArrayList<>();
    List<Double> cpuRates = new ArrayList<>();
    List<Double> allThreadsRates = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      try (ScratchFolder dir = ScratchFolder.create("vigil-bench-stix");
          Store store = Store.open(StoreConfig.embedded(dir.path()))) {
        store.accounts().createOrganization("bench", "Bench");
        long cpu = threads.getCurrentThreadCpuTime();
        java.util.Map<Long, Long> before = threadCpu(threads);
        long started = System.nanoTime();
        StixImport.Outcome outcome =
            new StixImport(store, Clock.systemUTC())
                .importBundle(
                    bytes,
                    bundle.getFileName().toString(),
                    "bench",
                    Tlp.GREEN,
                    Reliability.B,
                    "bench");
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        // Every Java thread: the store's writer and the search index work beside the importing
        // thread (the JIT's and the collector's threads are not Java threads, so not counted).
        long spent = 0;
        for (java.util.Map.Entry<Long, Long> t : threadCpu(threads).entrySet()) {
          spent += t.getValue() - before.getOrDefault(t.getKey(), 0L);
        }
        double allThreadsSeconds = spent / 1e9;
        double allThreadsRate = outcome.objects() / allThreadsSeconds;
        double wallRate = outcome.objects() / wall;
        double cpuRate = outcome.objects() / cpuSeconds;
        out.printf(
            Locale.ROOT,
            "run %d: %d objects (%d kept, %d statements, %d refused) in %.2f s wall, %.2f s CPU"
                + " (importing thread), %.2f s CPU (all Java threads): %.0f objects/s, %.0f objects per"
                + " importing-thread CPU second, %.0f per all-threads CPU second%s%n",
            run,
            outcome.objects(),
            outcome.kept(),
            outcome.statements(),
            outcome.rejected().size(),
            wall,
            cpuSeconds,
            allThreadsSeconds,
            wallRate,
            cpuRate,
            allThreadsRate,
            run == 1 ? " (first run, not in the median)" : "");
        if (run > 1) {
          wallRates.add(wallRate);
          cpuRates.add(cpuRate);
          allThreadsRates.add(allThreadsRate);
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "median of runs 2-%d: %.0f objects/s wall, %.0f objects per importing-thread CPU second,"
            + " %.0f per all-threads CPU second; load average %s%n",
        runs,
        median(wallRates),
        median(cpuRates),
        median(allThreadsRates),
        String.format(
            Locale.ROOT,
            "%.1f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return 0;
  }

  /** The CPU time of every live Java thread, by thread id. */
  private static java.util.Map<Long, Long> threadCpu(ThreadMXBean threads) {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu >= 0) {
        out.put(id, cpu);
      }
    }
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
