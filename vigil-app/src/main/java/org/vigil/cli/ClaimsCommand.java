/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.store.Store;
import org.vigil.weighing.ClaimWeighings;
import org.vigil.weighing.FactRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil claims}: the weighed facts about an entity, or the fact one claim belongs to. */
@Command(
    name = "claims",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the facts about an entity as weighed claims: status, corroboration as counts of"
          + " independent origins, and each claim by origin with its claimant, stance, source,"
          + " source reliability and credibility, kept apart.",
      "With --claim ID, the fact that claim belongs to."
    })
final class ClaimsCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(arity = "0..1", paramLabel = "ENTITY", description = "An entity id.")
  String entity;

  @Option(names = "--claim", paramLabel = "ID", description = "A claim id (an event or link).")
  String claim;

  @Option(
      names = "--as",
      paramLabel = "USER",
      description = "Weigh what this user may see, with their organisation's grades.")
  String asUser;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default) or jsonl: one fact per line.")
  String format = "table";

  @Override
  public Integer call() {
    if ((entity == null) == (claim == null)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give either an entity id or --claim ID");
    }
    try (Store store = storeOptions.open(root)) {
      Viewer viewer = CliViewers.viewer(store, asUser);
      ClaimWeighings weighings = new ClaimWeighings(store);
      List<ClaimWeighings.Fact> facts =
          claim != null
              ? weighings
                  .claim(claim, viewer)
                  .map(List::of)
                  .orElseThrow(() -> new CliFailure("no claim " + claim))
              : weighings
                  .about(entity, viewer)
                  .orElseThrow(() -> new CliFailure("no entity " + entity));
      print(facts, spec.commandLine().getOut());
      return 0;
    }
  }

  private void print(List<ClaimWeighings.Fact> facts, PrintWriter out) {
    if (format.toLowerCase(Locale.ROOT).equals("jsonl")) {
      ObjectMapper mapper = new ObjectMapper();
      for (ClaimWeighings.Fact f : facts) {
        try {
          out.println(mapper.writeValueAsString(FactRows.fact(f)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("cannot print a fact as JSON", e);
        }
      }
    } else if (format.toLowerCase(Locale.ROOT).equals("table")) {
      for (ClaimWeighings.Fact f : facts) {
        out.println(
            f.caption() + " — " + f.status().label() + " (" + f.corroboration().describe() + ")");
        for (ClaimWeighings.OriginGroup g : f.origins()) {
          out.println("  origin: " + g.label());
          for (ClaimWeighings.ClaimLine l : g.claims()) {
            out.println(
                String.format(
                    Locale.ROOT,
                    "    %-10s %-8s %s  source %s [%s]  credibility %d%s  claim %s",
                    l.stance().word(),
                    l.claimant(),
                    l.date().orElse(""),
                    l.sourceTitle(),
                    l.sourceReliability().name(),
                    l.credibilityInForce().grade(),
                    l.credibility().isPresent() ? " (graded)" : " (suggested)",
                    l.claimId()));
          }
        }
      }
    } else {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--format is table or jsonl, not " + format);
    }
    out.flush();
  }
}
