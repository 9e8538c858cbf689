/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.resolution.Judging;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil judge}: records or undoes a judgement on two records. */
@Command(
    name = "judge",
    mixinStandardHelpOptions = true,
    description = {
      "Judges two records the same, different, or says one is unsure; or undoes a judgement.",
      "Nothing is overwritten: a judgement that contradicts an earlier one is recorded beside it"
          + " and the latest in force decides. Undoing a merge restores both entities."
    })
final class JudgeCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(
      arity = "0..3",
      paramLabel = "A B VERDICT",
      description = "Two entity ids and same, different or unsure.")
  List<String> arguments = List.of();

  @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept with the judgement).")
  String note = "";

  @Option(names = "--undo", paramLabel = "ID", description = "Undo the judgement with this id.")
  Long undo;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who judges (default: $USER, else 'cli').")
  String by;

  @Override
  public Integer call() {
    if (undo != null && !arguments.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give either --undo ID or A B VERDICT");
    }
    if (undo == null && arguments.size() != 3) {
      throw new ParameterException(
          spec.commandLine(), "give two entity ids and a verdict (same, different, unsure)");
    }
    String who =
        by != null
            ? by
            : root.env().apply("USER").filter(u -> !u.isBlank()).map(u -> "cli:" + u).orElse("cli");
    Judging.Actor actor = new Judging.Actor(who, who, Viewer.system(), "cli");
    try (Store store = storeOptions.open(root)) {
      Judging judging = new Judging(store, root.clock());
      Judging.Outcome outcome =
          undo != null
              ? judging.undo(new Judging.Undo(undo, actor))
              : judging.judge(
                  new Judging.Judge(arguments.get(0), arguments.get(1), verdict(), note, actor));
      print(outcome, spec.commandLine().getOut());
      return 0;
    }
  }

  private Verdict verdict() {
    try {
      return Verdict.parse(arguments.get(2));
    } catch (InvalidValueException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void print(Judging.Outcome outcome, PrintWriter out) {
    if (outcome instanceof Judging.Refused refused) {
      throw new CliFailure(refused.message());
    }
    if (outcome instanceof Judging.Undone undone) {
      Judgement j = undone.judgement();
      out.println("Undone " + describe(j));
      out.println(
          "Now: "
              + j.left()
              + " -> "
              + undone.canonicalLeft()
              + ", "
              + j.right()
              + " -> "
              + undone.canonicalRight());
    } else if (outcome instanceof Judging.Recorded recorded) {
      out.println("Recorded " + describe(recorded.judgement()));
      for (Judgement earlier : recorded.contradicted()) {
        out.println("It contradicts " + describe(earlier) + " (both stay in the history)");
      }
      out.println(
          "Canonical id of both now: "
              + recorded.canonicalLeft()
              + (recorded.canonicalLeft().equals(recorded.canonicalRight())
                  ? ""
                  : " and " + recorded.canonicalRight()));
    }
    out.flush();
  }

  static String describe(Judgement j) {
    return String.format(
        Locale.ROOT,
        "judgement %d: %s %s %s by %s at %s%s%s",
        j.id(),
        j.left(),
        j.verdict().code(),
        j.right(),
        j.judgedBy(),
        j.judgedAt(),
        j.score().isPresent()
            ? String.format(Locale.ROOT, " (score %.3f)", j.score().getAsDouble())
            : "",
        j.reason().isEmpty() ? "" : ": " + j.reason());
  }
}
