/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.graph.GraphEvaluation;
import org.vigil.screening.Screener;
import org.vigil.screening.evaluation.ScreeningEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil eval}: quality evaluations on the shared benchmark data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measures quality on public benchmark data; docs/benchmarks.md records the figures.",
    subcommands = {
      EvalCommand.Screening.class,
      EvalCommand.GraphMeasures.class,
      EvalResolutionCommand.class,
      CommandLine.HelpCommand.class
    })
final class EvalCommand implements Runnable {
  /** Where the shared benchmark data is when --shared is not given. */
  static final Path DEFAULT_SHARED = Path.of("..", "shared", "data");

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name an evaluation, such as screening");
  }

  /** {@code vigil eval screening}. */
  @Command(
      name = "screening",
      mixinStandardHelpOptions = true,
      description = {
        "Screening quality: F1 on nomenklatura's name bench beside logic-v2's frozen scores,"
            + " recall@1/@5 of yente's UN positives (clean and treated), the false-positive rate"
            + " of yente's validation negatives against OFAC SDN + UN + UK, and cross-script"
            + " recall between the UN list's Arabic-script and Latin names.",
        "Reads DIR/matching and DIR/lists; each part runs only when its files are there."
      })
  static final class Screening implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--shared",
        paramLabel = "DIR",
        description = "The shared data directory (default: ../shared/data).")
    Path shared;

    @Option(
        names = "--threshold",
        paramLabel = "T",
        description =
            "Threshold of the name bench and the negatives (default: "
                + Screener.DEFAULT_THRESHOLD
                + ").")
    double threshold = Screener.DEFAULT_THRESHOLD;

    @Override
    public Integer call() throws IOException {
      Path dir = shared == null ? DEFAULT_SHARED : shared;
      if (!Files.isDirectory(dir)) {
        throw new CliFailure(
            "no shared data directory at "
                + dir.toAbsolutePath().normalize()
                + "; pass --shared DIR");
      }
      if (!(threshold > 0 && threshold <= 1)) {
        throw new ParameterException(spec.commandLine(), "--threshold must be in (0, 1]");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("vigil eval screening");
      out.println("shared data: " + dir.toAbsolutePath().normalize());
      out.flush();
      String report = new ScreeningEvaluation(dir, threshold).run().render();
      if (report.isEmpty()) {
        throw new CliFailure(
            "none of the evaluation files is under "
                + dir.toAbsolutePath().normalize()
                + " (matching/nomenklatura, matching/yente, lists/un, lists/ofac/sdn-json, lists/uk)");
      }
      out.print(report);
      out.flush();
      return 0;
    }
  }

  /** {@code vigil eval graph}. */
  @Command(
      name = "graph",
      mixinStandardHelpOptions = true,
      description = {
        "Graph measures on published covert networks (9/11 hijackers, Noordin Top, Bali 2002):"
            + " size, components, diameter, density, degree and betweenness against values"
            + " computed independently with networkx, and Louvain's modularity.",
        "Reads DIR/networks/covert-networks; exit code 1 when a measure differs from its"
            + " reference by more than 1e-6."
      })
  static final class GraphMeasures implements Callable<Integer> {
    private static final double TOLERANCE = 1e-6;

    @Spec CommandSpec spec;

    @Option(
        names = "--shared",
        paramLabel = "DIR",
        description = "The shared data directory (default: ../shared/data).")
    Path shared;

    @Override
    public Integer call() throws IOException {
      Path dir = shared == null ? DEFAULT_SHARED : shared;
      GraphEvaluation evaluation = new GraphEvaluation(dir);
      if (!evaluation.available()) {
        throw new CliFailure(
            "no covert networks under " + dir.toAbsolutePath().normalize() + "; pass --shared DIR");
      }
      GraphEvaluation.Report report = evaluation.run();
      PrintWriter out = spec.commandLine().getOut();
      out.println("vigil eval graph");
      out.println("shared data: " + dir.toAbsolutePath().normalize());
      out.print(report.toText());
      out.flush();
      return report.worstDifference() <= TOLERANCE ? 0 : 1;
    }
  }
}
