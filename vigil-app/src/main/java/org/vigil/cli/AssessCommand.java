/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.store.Assessment;
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

/** {@code vigil assess}: records, lists or undoes assessments with a likelihood. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Records an assessment of a claim or an entity with a likelihood in the words of the"
          + " estimative-language taxonomy (almost no chance, very unlikely, unlikely, roughly"
          + " even chance, likely, very likely, almost certain), stored with its range; lists a"
          + " subject's assessments; or undoes one. Assessments belong to the assessor's"
          + " organisation and are audited."
    })
final class AssessCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(
      arity = "0..3",
      paramLabel = "SUBJECT LIKELIHOOD TEXT",
      description = "The claim or entity id, the likelihood (e.g. \"likely\"), the assessment.")
  List<String> arguments = List.of();

  @Option(names = "--undo", paramLabel = "ID", description = "Undo the assessment with this id.")
  Long undo;

  @Option(names = "--list", paramLabel = "SUBJECT", description = "List a subject's assessments.")
  String list;

  @Option(names = "--as", paramLabel = "USER", description = "Act as this user.")
  String asUser;

  @Override
  public Integer call() {
    int asked = (undo != null ? 1 : 0) + (list != null ? 1 : 0) + (arguments.isEmpty() ? 0 : 1);
    if (asked != 1 || (!arguments.isEmpty() && arguments.size() != 3)) {
      throw new ParameterException(
          spec.commandLine(), "give SUBJECT LIKELIHOOD TEXT, or --undo ID, or --list SUBJECT");
    }
    try (Store store = storeOptions.open(root)) {
      Viewer viewer = CliViewers.viewer(store, asUser);
      Grading grading = new Grading(store, root.clock());
      if (list != null) {
        List<Assessment> found =
            grading
                .assessments(list, viewer)
                .orElseThrow(() -> new CliFailure("no claim or entity " + list));
        found.forEach(a -> spec.commandLine().getOut().println(line(a)));
        spec.commandLine().getOut().flush();
        return 0;
      }
      Grading.Actor actor =
          new Grading.Actor(asUser == null ? "cli" : "cli:" + asUser, viewer, "cli");
      Grading.Outcome<Assessment> outcome =
          undo != null
              ? grading.undoAssessment(undo, actor)
              : grading.assess(arguments.get(0), arguments.get(2), arguments.get(1), actor);
      if (outcome instanceof Grading.Refused<Assessment> r) {
        throw new CliFailure(r.message());
      }
      Assessment a = ((Grading.Done<Assessment>) outcome).value();
      spec.commandLine().getOut().println((a.inForce() ? "Recorded " : "Undone ") + line(a));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** "assessment 3: claim-1 likely (55-80%): The arrests were staged". */
  static String line(Assessment a) {
    return "assessment "
        + a.id()
        + ": "
        + a.subjectId()
        + " "
        + a.likelihood().words()
        + " ("
        + a.likelihood().lowPercent()
        + "-"
        + a.likelihood().highPercent()
        + "%)"
        + (a.inForce() ? "" : " [undone]")
        + ": "
        + a.statement();
  }
}
