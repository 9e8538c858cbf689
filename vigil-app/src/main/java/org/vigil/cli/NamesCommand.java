/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil names}: the names engine on its own. */
@Command(
    name = "names",
    mixinStandardHelpOptions = true,
    description = "The names engine on its own: compare two names and see why they match.",
    subcommands = {NamesCompareCommand.class, CommandLine.HelpCommand.class})
final class NamesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: compare");
  }
}
