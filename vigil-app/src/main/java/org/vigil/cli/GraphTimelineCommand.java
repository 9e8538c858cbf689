/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil graph timeline}: what happened to an entity, oldest first. */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description =
        "Lists the events that involve ENTITY and its dated statements (its own dates, its links'"
            + " and sanctions' dates), oldest first, each with its evidence.")
final class GraphTimelineCommand implements Callable<Integer> {
  @ParentCommand GraphCommand parent;
  @Spec CommandSpec spec;
  @Mixin GraphOptions options;

  @Parameters(paramLabel = "ENTITY", description = "An entity id or name.")
  String entity;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      description = "Most items (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    try (Store store = GraphQueries.open(parent, options)) {
      Viewer viewer = options.viewer(store);
      String id = new EntityLookup(store, viewer).resolve(entity);
      new GraphPrinter(spec.commandLine().getOut(), options.format)
          .timeline(store.network().timeline(id, limit, viewer));
    }
    return 0;
  }
}
