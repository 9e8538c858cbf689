/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.vigil.cases.CaseView;
import org.vigil.cases.CaseWork;
import org.vigil.cases.Cases;
import org.vigil.store.CaseTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil case task}: a case's tasks, through {@link CaseWork}. */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description = {
      "A case's tasks: list them; writers of the case add, change and delete them, and the user a"
          + " task is assigned to may set its status."
    },
    subcommands = {
      CaseTaskCommand.ListTasks.class,
      CaseTaskCommand.Add.class,
      CaseTaskCommand.Set.class,
      CaseTaskCommand.Delete.class,
      CommandLine.HelpCommand.class
    })
final class CaseTaskCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: list, add, set or delete");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The case's tasks.")
  static final class ListTasks extends CaseAction {
    @Parameters(paramLabel = "CASE", description = "The case's id.")
    String id;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      CaseView v = cases.view(id, actor.viewer()).orElseThrow(() -> CaseLines.noCase(id, asUser));
      CaseLines.tasks(v.tasks(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), out);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a task.")
  static final class Add extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "TITLE", description = "What is to be done.")
    String title;

    @Option(
        names = "--assignee",
        paramLabel = "USER",
        description = "Who does it: a user who reads the case (default: no one).")
    String assignee = "";

    @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "When it is due.")
    String due = "";

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      CaseTask t = done(work().addTask(id, title, assignee, due, actor));
      out.println("Added task " + t.id() + " to " + id + ".");
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Changes a task: each option given is changed.")
  static final class Set extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "TASK", description = "The task's id.")
    long task;

    @Option(names = "--status", paramLabel = "open|doing|done", description = "Its status.")
    String status;

    @Option(names = "--title", paramLabel = "TITLE", description = "Its title.")
    String title;

    @Option(
        names = "--assignee",
        paramLabel = "USER",
        description = "Who does it (an empty value: no one).")
    String assignee;

    @Option(
        names = "--due",
        paramLabel = "YYYY-MM-DD",
        description = "When it is due (an empty value: no date).")
    String due;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      CaseWork.TaskChange change =
          new CaseWork.TaskChange(
              Optional.ofNullable(title),
              Optional.ofNullable(assignee),
              Optional.ofNullable(status),
              Optional.ofNullable(due));
      CaseTask t = done(work().updateTask(id, task, change, actor));
      out.println("Task " + t.id() + " is " + t.status().code() + ": " + t.title());
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a task.")
  static final class Delete extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "TASK", description = "The task's id.")
    long task;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      done(work().deleteTask(id, task, actor));
      out.println("Deleted task " + task + ".");
    }
  }
}
