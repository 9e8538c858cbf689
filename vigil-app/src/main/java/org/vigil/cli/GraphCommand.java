/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil graph}: the network around entities, from the store, markings applied. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Graph queries over the stored statements: neighbours, paths, communities, centrality and"
          + " timelines. Entities are named by id or by name (looked up by search; an ambiguous"
          + " name lists the candidates and exits 1). Every link is shown with its evidence.",
      "Answers show what --as USER may see; without --as, the command acts as the operator of the"
          + " data directory and sees every statement."
    },
    subcommands = {
      GraphNeighboursCommand.class,
      GraphPathCommand.class,
      GraphSubgraphCommand.class,
      GraphCommunitiesCommand.class,
      GraphCentralityCommand.class,
      GraphTimelineCommand.class,
      CommandLine.HelpCommand.class
    })
final class GraphCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a graph query, such as neighbours or path");
  }
}
