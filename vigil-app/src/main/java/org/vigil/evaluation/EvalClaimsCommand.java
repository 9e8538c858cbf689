/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.extract.Attribution;
import org.vigil.extract.Extractor;
import org.vigil.extract.evaluation.ClaimsEvaluation;
import org.vigil.extract.evaluation.LabelledClaim;
import org.vigil.extract.syntax.DependencyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil eval claims}. */
@Command(
    name = "claims",
    mixinStandardHelpOptions = true,
    description = {
      "Claim attribution quality on Vigil's labelled claims set (shipped with Vigil, no shared"
          + " data needed): sentences from the public-domain Dstl re3d releases (CENTCOM, US State"
          + " Department) and sentences written for the set in news-report style, each labelled"
          + " with its claimant (the quoted party, else the source), stance (asserts, denies,"
          + " alleges, speculates) and hedge.",
      "Reports claimant right, stance right, both right and hedge right on the dev part (the"
          + " rules were tuned on it) and the held-out part (never tuned on), beside a baseline"
          + " that reads every sentence as the source's own assertion. CoreNLP's KBP has no"
          + " claimant or stance, so it has no row here."
    })
final class EvalClaimsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--errors",
      description = "Also list the dev sentences read wrongly (never the held-out ones).")
  boolean errors;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<LabelledClaim> set = ClaimsEvaluation.labelled();
    out.println("vigil eval claims");
    out.println("machine: " + MachineDescription.describe());
    out.println("labelled sentences: " + set.size() + " " + ClaimsEvaluation.origins(set));
    Extractor extractor = Extractor.standard();
    DependencyParser parser = DependencyParser.shared();
    List<ClaimsEvaluation.Outcome> reading =
        ClaimsEvaluation.run(set, s -> ClaimsEvaluation.attribution(extractor, parser, s));
    out.println();
    out.println("reading (dependency rules of org.vigil.extract.claims):");
    out.print(ClaimsEvaluation.render(ClaimsEvaluation.tallies(reading)));
    out.println();
    out.println("baseline (every sentence the source's own assertion):");
    out.print(
        ClaimsEvaluation.render(
            ClaimsEvaluation.tallies(ClaimsEvaluation.run(set, s -> Attribution.SOURCE))));
    out.println();
    out.println("CoreNLP KBP: no claimant or stance type, not comparable");
    if (errors) {
      out.println();
      out.println("dev sentences read wrongly:");
      for (ClaimsEvaluation.Outcome o : reading) {
        if (o.gold().split().equals("dev") && !(o.both() && o.hedge())) {
          out.println("  " + o.describe());
        }
      }
    }
    out.flush();
    return 0;
  }
}
