/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.store.Grade;
import org.vigil.store.Store;
import org.vigil.weighing.Grading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil grade}: grades a source or a claim, or undoes a grade. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Grades a source's reliability (A-F) or a claim's information credibility (1-6), with a"
          + " reason; or undoes a grade. Grades belong to the grader's organisation, are audited"
          + " and never overwritten: the newest in force decides."
    })
final class GradeCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(
      arity = "0..3",
      paramLabel = "source|claim ID GRADE",
      description = "What to grade, its id, and the grade.")
  List<String> arguments = List.of();

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept with the grade).")
  String reason = "";

  @Option(names = "--undo", paramLabel = "ID", description = "Undo the grade with this id.")
  Long undo;

  @Option(names = "--as", paramLabel = "USER", description = "Grade as this user.")
  String asUser;

  @Override
  public Integer call() {
    if (undo == null && arguments.size() != 3) {
      throw new ParameterException(spec.commandLine(), "give source|claim ID GRADE, or --undo ID");
    }
    if (undo != null && !arguments.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give either --undo ID or what to grade");
    }
    try (Store store = storeOptions.open(root)) {
      Viewer viewer = CliViewers.viewer(store, asUser);
      Grading grading = new Grading(store, root.clock());
      Grading.Actor actor =
          new Grading.Actor(asUser == null ? "cli" : "cli:" + asUser, viewer, "cli");
      Grading.Outcome<Grade> outcome;
      if (undo != null) {
        outcome = grading.undoGrade(undo, actor);
      } else {
        outcome =
            switch (arguments.get(0)) {
              case "source" ->
                  grading.gradeSource(arguments.get(1), arguments.get(2), reason, actor);
              case "claim" -> grading.gradeClaim(arguments.get(1), arguments.get(2), reason, actor);
              default ->
                  throw new ParameterException(
                      spec.commandLine(), "grade a source or a claim, not " + arguments.get(0));
            };
      }
      if (outcome instanceof Grading.Refused<Grade> r) {
        throw new CliFailure(r.message());
      }
      Grade g = ((Grading.Done<Grade>) outcome).value();
      spec.commandLine()
          .getOut()
          .println(
              (g.inForce() ? "Recorded" : "Undone")
                  + " grade "
                  + g.id()
                  + ": "
                  + g.target().name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + g.targetId()
                  + " "
                  + g.grade()
                  + (g.reason().isEmpty() ? "" : " (" + g.reason() + ")"));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
