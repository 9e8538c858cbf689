/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigil.resolve.evaluation.ResolutionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil bench resolve}: resolving synthetic mentions, timed. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Times resolution of seeded synthetic mentions (people and organisations as reports write"
          + " them: misspelt, transliterated, with initials, as acronyms; spread over documents,"
          + " some linked to other entities): blocking, scoring and clustering, on one thread.",
      "Prints the median of --runs runs after one warm-up, and pairwise quality against the"
          + " generator's truth. Target: 10,000 mentions in at most 10 s."
    })
public final class BenchResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--mentions",
      paramLabel = "N",
      description = "Mentions to resolve (default: ${DEFAULT-VALUE}).")
  int mentions = 10_000;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Timed runs (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Override
  public Integer call() {
    if (mentions < 2 || mentions > 1_000_000) {
      throw new ParameterException(spec.commandLine(), "--mentions must be in 2..1000000");
    }
    if (runs < 1 || runs > 100) {
      throw new ParameterException(spec.commandLine(), "--runs must be in 1..100");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench resolve");
    out.println("machine: " + MachineDescription.describe());
    out.flush();
    ResolutionBenchmark.run(Math.min(mentions, 2_000), 1, seed + 1);
    ResolutionBenchmark.Result result = ResolutionBenchmark.run(mentions, runs, seed);
    out.println(result.describe());
    out.flush();
    return 0;
  }
}
