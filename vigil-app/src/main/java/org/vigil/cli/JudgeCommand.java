/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.app.DataLocation;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
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
    // The operator judges as the process itself, under the name given: the judgement reaches every
    // user who may see every statement of both entities.
    Viewer operator =
        new Viewer(
            Viewer.system().userId(), who, Viewer.system().orgId(), new TreeSet<>(), Role.ADMIN);
    PrintWriter out = spec.commandLine().getOut();
    try (Store store =
        root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()))) {
      if (undo != null) {
        Judgement undone;
        try {
          undone = store.judgements().undo(undo, operator);
        } catch (NoSuchElementException e) {
          throw new CliFailure(e.getMessage());
        }
        audit(store, who, AuditAction.UNDO_JUDGEMENT, undone);
        out.println("Undone " + describe(undone));
        out.println(
            "Now: "
                + undone.left()
                + " -> "
                + store.judgements().canonicalId(undone.left(), operator)
                + ", "
                + undone.right()
                + " -> "
                + store.judgements().canonicalId(undone.right(), operator));
        out.flush();
        return 0;
      }
      Verdict verdict;
      try {
        verdict = Verdict.parse(arguments.get(2));
      } catch (InvalidValueException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      String left = arguments.get(0);
      String right = arguments.get(1);
      for (String id : List.of(left, right)) {
        if (store.statements().entity(id, Viewer.system()).isEmpty()) {
          throw new CliFailure("no entity " + id);
        }
      }
      List<Judgement> contradicted =
          store.judgements().history(left, operator).stream()
              .filter(j -> j.inForce() && j.concerns(left, right) && j.verdict() != verdict)
              .toList();
      Judgement made;
      try {
        made = store.judgements().judge(operator, left, right, verdict, note);
      } catch (InvalidValueException | NoSuchElementException e) {
        throw new CliFailure(e.getMessage());
      }
      audit(store, who, AuditAction.JUDGE, made);
      out.println("Recorded " + describe(made));
      for (Judgement earlier : contradicted) {
        out.println("It contradicts " + describe(earlier) + " (both stay in the history)");
      }
      out.println(
          "Canonical id of both now: "
              + store.judgements().canonicalId(left, operator)
              + (store
                      .judgements()
                      .canonicalId(left, operator)
                      .equals(store.judgements().canonicalId(right, operator))
                  ? ""
                  : " and " + store.judgements().canonicalId(right, operator)));
      out.flush();
      return 0;
    }
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

  private void audit(Store store, String who, AuditAction action, Judgement j) {
    store
        .audit()
        .append(
            new AuditEvent(
                who,
                action,
                j.left() + "|" + j.right(),
                "judgement " + j.id() + " " + j.verdict().code(),
                "cli",
                root.clock().instant()));
  }
}
