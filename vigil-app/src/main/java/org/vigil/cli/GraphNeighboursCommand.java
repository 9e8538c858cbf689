/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.NetworkView;
import org.vigil.store.Store;
import org.vigil.weighing.WeighedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil graph neighbours}: the entities within a few links of one. */
@Command(
    name = "neighbours",
    aliases = "neighbors",
    mixinStandardHelpOptions = true,
    description = "Lists the entities within --depth links of ENTITY and the links among them.")
final class GraphNeighboursCommand implements Callable<Integer> {
  @ParentCommand GraphCommand parent;
  @Spec CommandSpec spec;
  @Mixin GraphOptions options;

  @Parameters(paramLabel = "ENTITY", description = "An entity id or name.")
  String entity;

  @Option(
      names = "--depth",
      defaultValue = "1",
      description = "Links away, 1..3 (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(
      names = "--limit",
      defaultValue = "500",
      description = "Most nodes shown; more are cut and reported (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    try (Store store = GraphQueries.open(parent, options)) {
      Viewer viewer = options.viewer(store);
      String id = new EntityLookup(store, viewer).resolve(entity);
      NeighbourhoodRequest request = new NeighbourhoodRequest(id, depth, options.filter(), limit);
      WeighedNetwork.Answer<NetworkView> found =
          new WeighedNetwork(store).neighbours(request, options.weighing(), viewer);
      new GraphPrinter(spec.commandLine().getOut(), options.format)
          .graph(found.answer(), List.of("depth"), found::notGraded);
    }
    return 0;
  }
}
