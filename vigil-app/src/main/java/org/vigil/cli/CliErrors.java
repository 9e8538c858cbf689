/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import org.vigil.evaluation.EvaluationFailure;
import org.vigil.extract.relations.learned.UnreadableRelationModel;
import org.vigil.model.InvalidValueException;
import org.vigil.store.SourceConflictException;
import org.vigil.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports failures: one line on stderr, no stack trace, exit code 2 for bad
 * usage and 1 for everything else.
 */
final class CliErrors {
  private CliErrors() {}

  static int parameters(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(
        cli.getCommandSpec().qualifiedName()
            + ": "
            + e.getMessage()
            + " (see '"
            + cli.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  static int execution(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    String name = cli.getCommandSpec().qualifiedName();
    if (e instanceof CliFailure
        || e instanceof EvaluationFailure
        || e instanceof InvalidValueException
        || e instanceof SourceConflictException
        || e instanceof UnreadableRelationModel) {
      err.println(name + ": " + e.getMessage());
    } else if (e instanceof StoreException) {
      err.println(name + ": the database failed: " + rootMessage(e));
    } else {
      err.println(
          name + ": unexpected error: " + e.getClass().getSimpleName() + ": " + rootMessage(e));
    }
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /** The innermost cause's message, which usually says what actually went wrong. */
  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int newline = message.indexOf('\n');
    return newline >= 0 ? message.substring(0, newline) : message;
  }
}
