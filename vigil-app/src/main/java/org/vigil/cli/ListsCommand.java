/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil lists}: the sanctions lists loaded in the data directory. */
@Command(
    name = "lists",
    mixinStandardHelpOptions = true,
    description = {
      "Sanctions lists in the data directory (DATA/lists): load, show, compare and update them.",
      "Each dataset keeps every release loaded; the latest loaded successfully is the one in force."
    },
    subcommands = {
      ListsLoadCommand.class,
      ListsShowCommand.class,
      ListsDiffCommand.class,
      ListsUpdateCommand.class,
      CommandLine.HelpCommand.class
    })
final class ListsCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: load, show, diff or update");
  }
}
