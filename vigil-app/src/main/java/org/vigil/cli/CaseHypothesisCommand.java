/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import org.vigil.cases.CaseMatrix;
import org.vigil.cases.CaseWork;
import org.vigil.cases.Cases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil case hypothesis}: a case's competing hypotheses and the ratings of its evidence
 * against them (the ACH matrix), through {@link CaseWork}; the matrix as the user sees it.
 */
@Command(
    name = "hypothesis",
    mixinStandardHelpOptions = true,
    description = {
      "A case's hypotheses and the ratings of its evidence against them (analysis of competing"
          + " hypotheses): list shows the matrix as you may read it, the least inconsistent"
          + " hypothesis first; writers of the case add, rate and delete."
    },
    subcommands = {
      CaseHypothesisCommand.ListMatrix.class,
      CaseHypothesisCommand.Add.class,
      CaseHypothesisCommand.Rate.class,
      CaseHypothesisCommand.Delete.class,
      CommandLine.HelpCommand.class
    })
final class CaseHypothesisCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: list, add, rate or delete");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The matrix: hypotheses ranked, then each item of evidence and its ratings.")
  static final class ListMatrix extends CaseAction {
    @Parameters(paramLabel = "CASE", description = "The case's id.")
    String id;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      CaseMatrix m =
          work().matrix(id, actor.viewer()).orElseThrow(() -> CaseLines.noCase(id, asUser));
      CaseLines.matrix(m, out);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a hypothesis.")
  static final class Add extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The hypothesis, in your words.")
    String text;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      long added = done(work().addHypothesis(id, text, actor)).id();
      out.println("Added hypothesis " + added + " to " + id + ".");
    }
  }

  @Command(
      name = "rate",
      mixinStandardHelpOptions = true,
      description =
          "Rates an item of evidence (claim:ID, or statement:ENTITY/STATEMENT of an entity of the"
              + " case) against a hypothesis: C consistent, I inconsistent, N neutral, NA not"
              + " applicable.")
  static final class Rate extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "HYPOTHESIS", description = "The hypothesis's id.")
    long hypothesis;

    @Parameters(index = "2", paramLabel = "EVIDENCE", description = "claim:ID or statement:E/S.")
    String evidence;

    @Parameters(index = "3", paramLabel = "RATING", description = "C, I, N or NA.")
    String rating;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      CaseLines.matrix(done(work().rate(id, hypothesis, evidence, rating, actor)), out);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Deletes a hypothesis and its ratings: its author or the case's owner.")
  static final class Delete extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "HYPOTHESIS", description = "The hypothesis's id.")
    long hypothesis;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      done(work().deleteHypothesis(id, hypothesis, actor));
      out.println("Deleted hypothesis " + hypothesis + " and its ratings.");
    }
  }
}
