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

/** {@code vigil graph communities}: Louvain over a neighbourhood, and its brokers. */
@Command(
    name = "communities",
    mixinStandardHelpOptions = true,
    description =
        "Finds communities (Louvain, seeded) in the neighbourhood of ENTITY and the brokers that"
            + " link them.")
final class GraphCommunitiesCommand implements Callable<Integer> {
  @ParentCommand GraphCommand parent;
  @Spec CommandSpec spec;
  @Mixin GraphOptions options;

  @Parameters(paramLabel = "ENTITY", description = "An entity id or name.")
  String entity;

  @Option(
      names = "--depth",
      defaultValue = "2",
      description = "Links away, 1..3 (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(
      names = "--limit",
      defaultValue = "500",
      description = "Most nodes (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    try (Store store = GraphQueries.open(parent, options)) {
      Viewer viewer = options.viewer(store);
      String id = new EntityLookup(store, viewer).resolve(entity);
      WeighedNetwork.Answer<NetworkView> found =
          new WeighedNetwork(store)
              .communities(
                  new NeighbourhoodRequest(id, depth, options.filter(), limit),
                  options.weighing(),
                  viewer);
      new GraphPrinter(spec.commandLine().getOut(), options.format)
          .graph(found.answer(), List.of("community", "depth"), found::notGraded);
    }
    return 0;
  }
}
