/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench cases}: a case of 500 entities and 2,000 statements ({@link SyntheticCase},
 * each person with a birth place, so its map has 500 places) on a fresh embedded store: how long
 * its view takes to read (what its page and {@code GET /api/v1/cases/{id}} render: items, timeline,
 * geocoded places, paths, notes), and its PDF report for the owner's organisation.
 */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a case of 500 entities and 2,000 statements (500 places): p50 and p95 of reading"
          + " its view (the case page's one query, without HTTP and HTML), after warm-up reads;"
          + " and the median of --runs PDF reports of it, with their processor time; with --http N,"
          + " p50/p95/p99 of N requests of its page and its JSON to a server in a process of its"
          + " own."
    })
public final class BenchCasesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--reads",
      defaultValue = "100",
      paramLabel = "N",
      description = "Reads of the view measured (default: ${DEFAULT-VALUE}).")
  int reads = 100;

  @Option(
      names = "--runs",
      defaultValue = "5",
      paramLabel = "N",
      description = "PDF reports measured (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Option(
      names = "--http",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Then serve the store from a Vigil server in a process of its own and time N requests"
              + " of the case's page and of its JSON over HTTP (default: ${DEFAULT-VALUE}, not"
              + " served).")
  int http = 0;

  @Override
  public Integer call() throws Exception {
    if (reads < 1 || runs < 1 || http < 0) {
      throw new ParameterException(
          spec.commandLine(), "--reads and --runs are at least 1, --http at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench cases");
    out.println("machine: " + MachineDescription.describe());
    Clock clock = Clock.systemUTC();
    try (ScratchFolder scratch = ScratchFolder.create("vigil-bench-cases")) {
      String caseId = inProcess(out, scratch, clock);
      if (http > 0) {
        // The server runs in a process of its own and is measured only through its HTTP port.
        try (ServerProcess server = ServerProcess.start(scratch.path())) {
          overHttp(out, server.base(), caseId);
        }
      }
    }
    out.flush();
    return 0;
  }

  /** The view and the PDF, read in this process; answers the case's id. */
  private String inProcess(PrintWriter out, ScratchFolder scratch, Clock clock) {
    try (Store store = Store.open(StoreConfig.embedded(scratch.path()))) {
      String caseId = SyntheticCase.create(store, clock, true);
      Viewer owner =
          store.accounts().viewer(store.accounts().userByName(SyntheticCase.OWNER).orElseThrow());
      Cases cases = new Cases(store, clock);
      CaseView first = view(cases, caseId, owner);
      long placed =
          first.places().stream()
              .filter(l -> l.geocoding() instanceof org.vigil.places.Geocoding.Placed)
              .count();
      out.printf(
          Locale.ROOT,
          "case: %d entities, %d places (%d placed), %d timeline items%n",
          first.entities().size(),
          first.places().size(),
          placed,
          first.timeline().size());
      for (int i = 0; i < Math.min(10, reads); i++) {
        view(cases, caseId, owner);
      }
      Percentiles views = new Percentiles();
      Percentiles viewCpu = new Percentiles();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < reads; i++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        view(cases, caseId, owner);
        views.add(System.nanoTime() - t);
        viewCpu.add(threads.getCurrentThreadCpuTime() - cpu);
      }
      out.printf(
          Locale.ROOT,
          "case view: p50 %.1f ms, p95 %.1f ms over %d reads (processor time of the reading"
              + " thread: p50 %.1f ms, p95 %.1f ms); load average %.1f%n",
          views.millis(50),
          views.millis(95),
          views.count(),
          viewCpu.millis(50),
          viewCpu.millis(95),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      pdf(out, store, clock, caseId, owner);
      return caseId;
    }
  }

  /** The case's page and JSON requested over HTTP by its owner, one request at a time. */
  private void overHttp(PrintWriter out, String base, String caseId)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    BenchSession session =
        BenchSession.signIn(client, base, SyntheticCase.OWNER, SyntheticCase.OWNER_PASSWORD);
    for (String path : List.of("/cases/" + caseId, "/api/v1/cases/" + caseId)) {
      HttpRequest request = session.get(path).build();
      for (int i = 0; i < Math.min(10, http); i++) {
        fetched(client, request);
      }
      Percentiles times = new Percentiles();
      int bytes = 0;
      for (int i = 0; i < http; i++) {
        long start = System.nanoTime();
        bytes = fetched(client, request);
        times.add(System.nanoTime() - start);
      }
      out.printf(
          Locale.ROOT,
          "%s over HTTP: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d requests (%d KiB each);"
              + " load average %.1f%n",
          path.startsWith("/api") ? "GET /api/v1/cases/{id}" : "GET /cases/{id} (the page)",
          times.millis(50),
          times.millis(95),
          times.millis(99),
          times.count(),
          bytes / 1024,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.flush();
    }
  }

  /** Sends the request and answers the size of its body, which is read to its last byte. */
  private static int fetched(HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new EvaluationFailure(request.uri() + " answered " + response.statusCode());
    }
    return response.body().length;
  }

  private static CaseView view(Cases cases, String caseId, Viewer viewer) {
    return cases
        .view(caseId, viewer)
        .orElseThrow(() -> new EvaluationFailure("the owner cannot read the benchmark case"));
  }

  private void pdf(PrintWriter out, Store store, Clock clock, String caseId, Viewer owner) {
    CaseReports reports = new CaseReports(store, clock);
    Cases.Actor actor = new Cases.Actor("bench", owner, "bench");
    CaseReports.Request request =
        new CaseReports.Request(
            "ctic", ReportFormat.PDF, Optional.of("Benchmark summary."), Tlp.GREEN, List.of());
    written(reports.report(caseId, request, actor)); // warm-up: fonts, layout classes
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] millis = new double[runs];
    double[] cpu = new double[runs];
    CaseReports.Written w = null;
    for (int i = 0; i < runs; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      w = written(reports.report(caseId, request, actor));
      millis[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    double max = 0;
    for (double m : millis) {
      max = Math.max(max, m);
    }
    out.printf(
        Locale.ROOT,
        "PDF report: median %.0f ms (%.0f ms of processor time), max %.0f ms over %d runs; %d"
            + " statements, %d KiB; load average %.1f%n",
        Percentiles.median(millis),
        Percentiles.median(cpu),
        max,
        runs,
        w.report().releasedStatements().size(),
        w.bytes().length / 1024,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static CaseReports.Written written(Cases.Outcome<CaseReports.Written> outcome) {
    if (outcome instanceof Cases.Refused<CaseReports.Written> r) {
      throw new EvaluationFailure("the report was refused: " + r.message());
    }
    return ((Cases.Done<CaseReports.Written>) outcome).value();
  }
}
