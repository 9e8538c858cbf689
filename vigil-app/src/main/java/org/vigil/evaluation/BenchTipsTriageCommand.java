/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.vigil.app.DemoData;
import org.vigil.documents.ListGazetteer;
import org.vigil.extract.Extractor;
import org.vigil.screening.Screener;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.SealedBox;
import org.vigil.tips.SealingKey;
import org.vigil.tips.TeamKeyFile;
import org.vigil.tips.TeamKeys;
import org.vigil.tips.triage.TipTriageSweep;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench tips-triage}: triage of a queue of tips as the analyst server runs it, on a
 * scratch store holding the demo's reports and the bundled lists: each tip opened with the team's
 * key, extracted, linked, screened, grouped and its triage sealed and stored.
 */
@Command(
    name = "tips-triage",
    mixinStandardHelpOptions = true,
    description = {
      "Times the triage of --tips queued tips (English, Persian and Arabic, naming the demo's"
          + " entities and listed names, with copies and spam among them) on a scratch store with"
          + " the demo's reports and the bundled OFAC and UN lists: opening, extraction, links,"
          + " screening, grouping, sealing and storing.",
      "Prints the median of --runs runs (a fresh queue each) and the load average."
    })
public final class BenchTipsTriageCommand implements Callable<Integer> {
  private static final String ORG = DemoData.HOME_ORG;

  private static final List<String> TEMPLATES =
      List.of(
          "I saw two men from the Ministry of Intelligence outside the shop of my cousin in %s."
              + " One said he works for Ali Akbar Ahmadian and asked about the family.",
          "دیروز دو مرد از وزارت اطلاعات به خانه ما در %s آمدند و از برادرم پرسیدند.",
          "Someone who said he was from the IRGC Quds Force offered money to watch a journalist in"
              + " %s. He gave the name Naji Ibrahim Sharifi-Zindashti.",
          "رأيت رجلاً من فيلق القدس في %s يسأل عن الصحفيين المقيمين هناك.",
          "A car with the same plates has been parked near the consulate in %s every night this"
              + " week; the driver photographs people who go in.",
          "مردی که خود را از سپاه پاسداران معرفی کرد در %s با پدرم تماس گرفت.");
  private static final List<String> PLACES =
      List.of("Istanbul", "London", "Toronto", "Hamburg", "Dubai", "Stockholm", "Vienna", "Oslo");

  @Spec CommandSpec spec;

  @Option(
      names = "--tips",
      paramLabel = "N",
      description = "Tips queued per run (default: ${DEFAULT-VALUE}).")
  int tips = 1_000;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Timed runs, each on a fresh queue (default: ${DEFAULT-VALUE}).")
  int runs = 3;

  @Override
  public Integer call() throws Exception {
    if (tips < 1 || tips > 100_000 || runs < 1 || runs > 20) {
      throw new ParameterException(spec.commandLine(), "--tips is 1 to 100000, --runs 1 to 20");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench tips-triage");
    out.println(MachineDescription.describe());
    try (ScratchFolder scratch = ScratchFolder.create("vigil-bench-tips-triage")) {
      java.nio.file.Path data = scratch.path().resolve("data");
      java.nio.file.Path key = scratch.path().resolve("team.key");
      OpeningKey team = TeamKeys.generate(key, data);
      try (Store store = Store.open(StoreConfig.embedded(data))) {
        Clock clock = Clock.systemUTC();
        PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
        DemoData.loadLists(store, data, clock, quiet);
        DemoData.loadDocuments(store, clock, quiet);
        store.reindex();
        ListLibrary library = ListLibrary.in(data);
        Screener screener = ListScreening.over(library).current().screener();
        Extractor extractor = ListGazetteer.extractor(library);
        TipTriageSweep sweep =
            new TipTriageSweep(
                store,
                new TeamKeyFile(Optional.of(key)),
                () -> extractor,
                () -> Optional.of(screener));
        queue(store, team.sealingKey(), 20, new Random(1));
        drain(sweep);
        out.println("warm-up: 20 tips triaged");
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
          queue(store, team.sealingKey(), tips, new Random(100 + run));
          double load = load();
          long cpu0 = cpuNanos();
          long t0 = System.nanoTime();
          int done = drain(sweep);
          seconds[run] = (System.nanoTime() - t0) / 1e9;
          out.printf(
              Locale.ROOT,
              "run %d: %,d tips triaged in %.1f s, %.1f s of processor time (load average before"
                  + " %.2f)%n",
              run + 1,
              done,
              seconds[run],
              (cpuNanos() - cpu0) / 1e9,
              load);
          out.flush();
        }
        out.printf(
            Locale.ROOT,
            "triage of %,d tips: median %.1f s (%.0f tips/s); load average after %.2f%n",
            tips,
            Percentiles.median(seconds),
            tips / Percentiles.median(seconds),
            load());
      }
    }
    return 0;
  }

  private static int drain(TipTriageSweep sweep) {
    int total = 0;
    for (int n = sweep.pass(); n > 0; n = sweep.pass()) {
      total += n;
    }
    return total;
  }

  /** Queues {@code n} tips as the intake stores them: sealed text, today's date, no attachment. */
  private static void queue(Store store, SealingKey team, int n, Random random) {
    SealedBox box = new SealedBox(new SecureRandom());
    List<String> recent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text;
      int kind = random.nextInt(20);
      if (kind == 0 && !recent.isEmpty()) {
        text = recent.get(random.nextInt(recent.size()));
      } else if (kind == 1) {
        text = spam(random);
      } else {
        text =
            String.format(
                    Locale.ROOT,
                    TEMPLATES.get(random.nextInt(TEMPLATES.size())),
                    PLACES.get(random.nextInt(PLACES.size())))
                + " ("
                + Integer.toString(random.nextInt(1_000_000), 36)
                + ")";
        recent.add(text);
      }
      String locator = String.format(Locale.ROOT, "%016x", random.nextLong()).substring(0, 16);
      store
          .tips()
          .submit(
              new TipRepository.NewTip(
                  ORG,
                  locator,
                  "salt",
                  "verifier",
                  OpeningKey.generate(new SecureRandom()).sealingKey().hex(),
                  LocalDate.now(ZoneOffset.UTC),
                  box.seal(team, text.getBytes(StandardCharsets.UTF_8)),
                  List.of()));
    }
  }

  private static String spam(Random random) {
    StringBuilder s = new StringBuilder("Best prices! ");
    for (int i = 0; i < 6; i++) {
      s.append("https://spam").append(random.nextInt(1000)).append(".example/offer ");
    }
    return s.toString();
  }

  /**
   * The process's processor time (every thread, ended ones, the collector's and the compiler's
   * too), when the platform tells it, else the live threads' sum: what a run costs on a quiet
   * machine.
   */
  private static long cpuNanos() {
    Optional<java.time.Duration> process = ProcessHandle.current().info().totalCpuDuration();
    if (process.isPresent()) {
      return process.get().toNanos();
    }
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      total += Math.max(0, threads.getThreadCpuTime(id));
    }
    return total;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
