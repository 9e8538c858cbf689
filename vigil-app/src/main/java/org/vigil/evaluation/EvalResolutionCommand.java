/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.resolve.evaluation.GalaxyEvaluation;
import org.vigil.resolve.evaluation.PairwiseScore;
import org.vigil.resolve.evaluation.ResolutionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil eval resolution}. */
@Command(
    name = "resolution",
    mixinStandardHelpOptions = true,
    description = {
      "Resolution quality: pairwise precision and recall of merges on MISP's threat-actor galaxy"
          + " (each actor as two catalogue entries; names shared by different actors are the trap),"
          + " beside a baseline that merges on any shared name; and on the sample reports against"
          + " hand-written gold pairs. Ends with a timing of 10,000 synthetic mentions.",
      "Reads DIR/stix/misp-galaxy and DIR/reports; each part runs only when its files are there."
    })
final class EvalResolutionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedData shared;

  @Override
  public Integer call() throws IOException {
    Path dir = shared.dir();
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil eval resolution");
    out.println("shared data: " + shared.shown());
    Path galaxy = dir.resolve("stix/misp-galaxy/clusters/threat-actor.json");
    Path reports = dir.resolve("reports");
    if (!Files.isRegularFile(galaxy) && !Files.isDirectory(reports)) {
      throw shared.missing("neither stix/misp-galaxy nor reports is");
    }
    if (Files.isRegularFile(galaxy)) {
      GalaxyEvaluation.Result r = GalaxyEvaluation.run(galaxy);
      out.println();
      out.println("MISP threat-actor galaxy (" + galaxy.getFileName() + ")");
      out.printf(
          Locale.ROOT,
          "  %d actors as %d records; %d names shared by different actors%n",
          r.actors(),
          r.records(),
          r.sharedNames());
      out.println(
          "  resolver: "
              + line(r.resolver())
              + String.format(
                  Locale.ROOT, "; %d pairs queued for review; %d ms", r.queued(), r.millis()));
      out.println("  baseline (merge on any shared name): " + line(r.baseline()));
      out.println(
          "  shared names behind a wrong merge: "
              + r.sharedNamesInWrongMerges()
              + " of "
              + r.sharedNames());
      r.wrongMerges().stream().limit(10).forEach(w -> out.println("    wrong merge: " + w));
      out.flush();
    }
    if (Files.isDirectory(reports)) {
      Path work = Files.createTempDirectory("vigil-eval-resolution");
      try {
        SampleReportsEvaluation.Result r = SampleReportsEvaluation.run(reports, work);
        out.println();
        out.println(
            "Sample reports ("
                + r.reports()
                + " reports, "
                + r.entities()
                + " people and organisations; gold: sample-reports-gold.tsv)");
        out.println(
            "  resolver: " + line(r.score()) + "; " + r.merges().size() + " machine merges");
        for (SampleReportsEvaluation.Checked c : r.pairs()) {
          String verdict =
              !c.found()
                  ? "names not extracted"
                  : c.together() == c.same() ? "right" : c.same() ? "missed" : "WRONG MERGE";
          out.printf(
              Locale.ROOT,
              "    %-10s %-9s %s | %s%n",
              verdict,
              c.same() ? "same" : "different",
              c.a(),
              c.b());
        }
      } finally {
        deleteTree(work);
      }
      out.flush();
    }
    ResolutionBenchmark.Result bench = ResolutionBenchmark.run(10_000, 3, 42);
    out.println();
    out.println("Synthetic bench: " + bench.describe());
    out.flush();
    return 0;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String line(PairwiseScore s) {
    return String.format(
        Locale.ROOT,
        "precision %.3f, recall %.3f, F1 %.3f (%d right merges, %d wrong, %d missed)",
        s.precision(),
        s.recall(),
        s.f1(),
        s.truePositives(),
        s.falsePositives(),
        s.falseNegatives());
  }
}
