/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.app.DemoCase;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.cases.Cases;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoredCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench report}: how long a PDF report takes, for the demo's sample case and for a
 * synthetic case of 500 entities and 2,000 statements (each read from a sentence of one of 100
 * documents, 400 links among them), on a fresh embedded store in a scratch folder.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Measures case reports as PDF: the demo's sample case for the partner service, and a"
          + " synthetic case of 500 entities and 2,000 statements (100 documents, 400 links),"
          + " after one warm-up; medians and maxima of --runs runs."
    })
public final class BenchReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Default 5.")
  int runs = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println(MachineDescription.describe());
    Clock clock = Clock.systemUTC();
    try (ScratchFolder scratch = ScratchFolder.create("vigil-bench-report");
        Store store = Store.open(StoreConfig.embedded(scratch.path()))) {
      PrintWriter quiet = new PrintWriter(new StringWriter());
      DemoData.load(
          store,
          new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
          clock,
          quiet);
      StoredCase demo = DemoCase.open(store, clock, quiet).orElseThrow();
      measure(out, store, clock, demo.id(), "analyst", "allied-svc", "demo sample case");
      String synthetic = SyntheticCase.create(store, clock, false);
      measure(
          out, store, clock, synthetic, "bench-analyst", "ctic", "500 entities, 2,000 statements");
    }
    out.flush();
    return 0;
  }

  private void measure(
      PrintWriter out,
      Store store,
      Clock clock,
      String caseId,
      String username,
      String recipient,
      String what) {
    Viewer viewer = store.accounts().viewer(store.accounts().userByName(username).orElseThrow());
    Cases.Actor actor = new Cases.Actor("bench", viewer, "bench");
    CaseReports reports = new CaseReports(store, clock);
    CaseReports.Request request =
        new CaseReports.Request(
            recipient, ReportFormat.PDF, Optional.of("Benchmark summary."), Tlp.GREEN, List.of());
    CaseReports.Request html =
        new CaseReports.Request(
            recipient, ReportFormat.HTML, request.summary(), Tlp.GREEN, List.of());
    CaseReports.Written w = written(reports.report(caseId, request, actor));
    double[] millis = new double[Math.max(1, runs)];
    double[] cpu = new double[millis.length];
    double[] htmlMillis = new double[millis.length];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      written(reports.report(caseId, html, actor));
      htmlMillis[i] = (System.nanoTime() - start) / 1e6;
      long cpuStart = threads.getCurrentThreadCpuTime();
      start = System.nanoTime();
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
        "PDF report, %s: median %.0f ms (%.0f ms of processor time), max %.0f ms over %d runs;"
            + " the same as HTML (reading and writing, no layout) %.0f ms; %d statements, %d"
            + " sources cited, %d KiB; load average %.1f%n",
        what,
        Percentiles.median(millis),
        Percentiles.median(cpu),
        max,
        millis.length,
        Percentiles.median(htmlMillis),
        w.report().releasedStatements().size(),
        w.report().endnotes().size(),
        w.bytes().length / 1024,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
  }

  private static CaseReports.Written written(Cases.Outcome<CaseReports.Written> outcome) {
    if (outcome instanceof Cases.Refused<CaseReports.Written> r) {
      throw new EvaluationFailure("the report was refused: " + r.message());
    }
    return ((Cases.Done<CaseReports.Written>) outcome).value();
  }
}
