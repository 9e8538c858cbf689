/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.resolution.CrossReferencing;
import org.vigil.resolution.ResolutionRun;
import org.vigil.resolve.Judgement;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil resolve}: resolution and cross-referencing of everything stored. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolves the people and organisations read from reporting into one entity per real thing,"
          + " and screens them against the loaded lists.",
      "Each merge is a judgement by 'machine' with its score and reasons (undo it with vigil"
          + " judge --undo ID); uncertain pairs go to the review queue; list hits become possible"
          + " matches (never merges) and new ones are alerts (vigil alerts). Pairs already judged"
          + " are left as they are. Runs after vigil ingest and vigil lists load/update too."
    })
final class ResolveCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--match-threshold",
      paramLabel = "SCORE",
      description = "The lowest screening score of a possible list match (default: 0.85).")
  double matchThreshold = CrossReferencing.DEFAULT_THRESHOLD;

  @Option(names = "--verbose", description = "Print each merge with its reasons.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!(matchThreshold > 0.0 && matchThreshold <= 1.0)) {
      throw new ParameterException(
          spec.commandLine(), "--match-threshold " + matchThreshold + " is outside (0, 1]");
    }
    DataLocation location = storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env());
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = root.openStore(location)) {
      ResolutionRun.Outcome outcome =
          run(store, location.dataDir(), matchThreshold, root, out, verbose);
      CliAudit.admin(store, root, "resolution", outcome.summary());
    }
    return 0;
  }

  /** Resolves and cross-references {@code store}, printing a summary (and merges if asked). */
  private static ResolutionRun.Outcome run(
      Store store,
      Path dataDir,
      double threshold,
      VigilCommand root,
      PrintWriter out,
      boolean verbose) {
    ResolutionRun run =
        new ResolutionRun(ListScreening.over(ListLibrary.in(dataDir)), threshold, root.clock());
    ResolutionRun.Outcome outcome = run.run(store);
    if (verbose) {
      for (Judgement j : outcome.resolution().merges()) {
        out.println(
            String.format(
                Locale.ROOT,
                "merged %s + %s (judgement %d, score %.3f): %s",
                j.left(),
                j.right(),
                j.id(),
                j.score().orElse(0.0),
                j.reason()));
      }
    }
    out.println(outcome.summary());
    out.flush();
    return outcome;
  }
}
