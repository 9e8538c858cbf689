/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.DemoCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench demo}: what a new user waits for. Starts {@code vigil demo} from the jar this
 * class was loaded from, in a child process on a fresh data directory with the JVM options the
 * {@code vigil} script uses, and measures the time to the first home page, the time until the
 * demo's data are all loaded (the demo's own line saying its corpus is ready, {@link
 * DemoCorpus#READY}), the memory the process holds then, and the time to the first home page when
 * it is started again on the same data.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Measures vigil demo as a new user meets it: process start to the first home page on a"
          + " fresh data directory, to all demo data loaded, the process's memory (resident set)"
          + " then, and the first home page after a restart on the same data. Takes a few"
          + " minutes (the corpus is ingested once)."
    })
public final class BenchDemoCommand implements Callable<Integer> {
  /** The JVM options the {@code vigil} script uses when VIGIL_JAVA_OPTS is not set. */
  static final String SCRIPT_JAVA_OPTS = "-Xmx1g -XX:+UseSerialGC";

  private static final Duration FIRST_PAGE_LIMIT = Duration.ofSeconds(120);
  private static final Duration LOAD_LIMIT = Duration.ofMinutes(15);

  @Spec CommandSpec spec;

  @Option(
      names = "--java-opts",
      paramLabel = "OPTIONS",
      description =
          "JVM options of the demo process (default: the vigil script's, \"${DEFAULT-VALUE}\").")
  String javaOpts = SCRIPT_JAVA_OPTS;

  @Option(
      names = "--without-class-archive",
      description =
          "Do not use the class data archive beside the jar (vigil.jar.jsa, which the vigil"
              + " script records right after it builds the jar).")
  boolean withoutClassArchive;

  @Option(
      names = "--runs",
      defaultValue = "3",
      paramLabel = "N",
      description =
          "Starts of each kind, fresh and restart (default: ${DEFAULT-VALUE}); medians are"
              + " printed. Only the first fresh start waits until all demo data are loaded.")
  int runs = 3;

  @Option(
      names = "--skip-load",
      description =
          "Do not wait until all demo data are loaded (no memory figure); the restarts then run"
              + " on a data directory holding only what the first page needed.")
  boolean skipLoad;

  /**
   * The figures of one start; {@code bannerShown} says whether the first home page showed the
   * loading banner (it must, while the demo is still loading its data).
   */
  record Start(
      double firstPageMillis,
      Optional<Double> firstPageCpuSeconds,
      boolean bannerShown,
      Optional<Double> loadedMillis,
      Optional<Long> rssKb) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path jar = ownJar();
    if (!jar.toString().endsWith(".jar")) {
      out.println("bench demo: needs vigil.jar (run it as java -jar vigil.jar bench demo)");
      out.flush();
      return 1;
    }
    out.println(MachineDescription.describe());
    List<String> jvm = jvmOptions(jar);
    out.println("JVM options: " + String.join(" ", jvm));
    out.flush();
    if (runs < 1) {
      out.println("bench demo: --runs must be at least 1, not " + runs);
      out.flush();
      return 2;
    }
    List<Path> dirs = new ArrayList<>();
    try {
      List<Start> fresh = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Path data = Files.createTempDirectory("vigil-bench-demo");
        dirs.add(data);
        Start start = start(jar, jvm, data, i == 0 && !skipLoad);
        fresh.add(start);
        out.printf(
            Locale.ROOT,
            "fresh data directory, run %d: first home page %.0f ms after process start (%s of"
                + " processor time)%s; load average %s%n",
            i + 1,
            start.firstPageMillis(),
            cpu(start),
            start
                .loadedMillis()
                .map(
                    m ->
                        String.format(
                            Locale.ROOT,
                            "; all demo data loaded after %.1f s; resident memory then %s",
                            m / 1000,
                            start.rssKb().map(BenchDemoCommand::megabytes).orElse("unknown")))
                .orElse(""),
            loadAverage());
        if (!start.bannerShown()) {
          out.println(
              "  the first home page showed no loading banner: a new user would see"
                  + " empty pages without being told that the demo is still loading");
        }
        out.flush();
      }
      List<Start> again = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Start start = start(jar, jvm, dirs.get(0), false);
        again.add(start);
        out.printf(
            Locale.ROOT,
            "restart on the same data, run %d: first home page %.0f ms after process start (%s"
                + " of processor time); load average %s%n",
            i + 1,
            start.firstPageMillis(),
            cpu(start),
            loadAverage());
        out.flush();
      }
      out.printf(
          Locale.ROOT,
          "median of %d: fresh %.0f ms (%s processor), restart %.0f ms (%s processor)%n",
          runs,
          median(fresh.stream().map(Start::firstPageMillis).toList()),
          medianCpu(fresh),
          median(again.stream().map(Start::firstPageMillis).toList()),
          medianCpu(again));
      out.flush();
      return 0;
    } finally {
      for (Path data : dirs) {
        deleteTree(data);
      }
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String medianCpu(List<Start> starts) {
    List<Double> cpu = starts.stream().flatMap(s -> s.firstPageCpuSeconds().stream()).toList();
    return cpu.size() == starts.size()
        ? String.format(Locale.ROOT, "%.1f s", median(cpu))
        : "unknown";
  }

  /**
   * The options of {@code --java-opts}, and the class data archive beside the jar as the {@code
   * vigil} script uses it: when it is there and newer than the jar.
   */
  private List<String> jvmOptions(Path jar) throws IOException {
    List<String> options = new ArrayList<>();
    options.addAll(Arrays.stream(javaOpts.split("\\s+")).filter(s -> !s.isBlank()).toList());
    Path archive = jar.resolveSibling(jar.getFileName() + ".jsa");
    if (!withoutClassArchive
        && Files.isRegularFile(archive)
        && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
      options.addAll(
          List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    return options;
  }

  private Start start(Path jar, List<String> jvm, Path data, boolean waitForLoad)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "demo",
            "--port",
            Integer.toString(port),
            "--data",
            data.toString()));
    // The demo's console, in a file: it says when all data are loaded.
    Path console = Files.createTempFile("vigil-bench-demo", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    // localhost: the demo signs requests from this machine in as its analyst.
    HttpRequest home =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      Optional<String> page = Optional.empty();
      while (page.isEmpty()) {
        if (System.nanoTime() - start > FIRST_PAGE_LIMIT.toNanos()) {
          throw new IOException("vigil demo showed no home page within " + FIRST_PAGE_LIMIT);
        }
        page = fetch(client, home, process);
        if (page.isEmpty()) {
          Thread.sleep(5);
        }
      }
      double first = (System.nanoTime() - start) / 1e6;
      Optional<Double> cpu = cpuSeconds(process.pid());
      boolean banner = page.get().contains("id=\"ingest-banner\"");
      Optional<Double> loaded = Optional.empty();
      Optional<Long> rss = Optional.empty();
      if (waitForLoad) {
        loaded = Optional.of(untilReady(console, process, start) / 1e6);
        rss = residentKb(process.pid());
      }
      return new Start(first, cpu, banner, loaded, rss);
    } finally {
      process.destroy();
      process.waitFor();
      Files.deleteIfExists(console);
    }
  }

  /**
   * Waits until the demo prints that its corpus is ready, the last of what it loads, and returns
   * the nanoseconds since {@code start} then; fails when the demo exits or takes too long.
   */
  private static long untilReady(Path console, Process process, long start)
      throws IOException, InterruptedException {
    while (System.nanoTime() - start < LOAD_LIMIT.toNanos()) {
      if (Files.readString(console, StandardCharsets.UTF_8).contains(DemoCorpus.READY)) {
        return System.nanoTime() - start;
      }
      if (!process.isAlive()) {
        throw new IOException("vigil demo exited with code " + process.exitValue());
      }
      Thread.sleep(200);
    }
    throw new IOException("vigil demo did not load all its data within " + LOAD_LIMIT);
  }

  /** The home page's HTML when it answers 200, else empty (still starting). */
  private static Optional<String> fetch(HttpClient client, HttpRequest home, Process process)
      throws IOException, InterruptedException {
    if (!process.isAlive()) {
      throw new IOException("vigil demo exited with code " + process.exitValue());
    }
    try {
      HttpResponse<String> reply =
          client.send(home, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return reply.statusCode() == 200 ? Optional.of(reply.body()) : Optional.empty();
    } catch (IOException notYetListening) {
      return Optional.empty();
    }
  }

  /**
   * The processor time a process has used, user and system, in seconds, from Linux's /proc (at 100
   * ticks a second, Linux's USER_HZ); empty elsewhere. On a machine that other work shares, it
   * tells the work done from the waiting.
   */
  private static Optional<Double> cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the name: state is field 3, utime 14 and stime 15 (1-based, as proc(5) counts).
      return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The resident set of a process in KiB, from Linux's /proc; empty elsewhere. */
  private static Optional<Long> residentKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String cpu(Start start) {
    return start
        .firstPageCpuSeconds()
        .map(s -> String.format(Locale.ROOT, "%.1f s", s))
        .orElse("unknown");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String megabytes(long kb) {
    return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
  }

  private static Path ownJar() throws URISyntaxException {
    return Path.of(
        BenchDemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
