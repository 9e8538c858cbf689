/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.network.NetworkView;
import org.vigil.store.Store;
import org.vigil.weighing.WeighedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil graph subgraph}: the links among the entities named. */
@Command(
    name = "subgraph",
    mixinStandardHelpOptions = true,
    description = "Lists the entities named and the links among them, as GET /graph/subgraph does.")
final class GraphSubgraphCommand implements Callable<Integer> {
  /** As many entities as the API's subgraph route takes. */
  static final int MAX_ENTITIES = 1_000;

  @ParentCommand GraphCommand parent;
  @Spec CommandSpec spec;
  @Mixin GraphOptions options;

  @Parameters(arity = "1..*", paramLabel = "ENTITY", description = "Entity ids or names.")
  List<String> entities = new ArrayList<>();

  @Override
  public Integer call() {
    if (entities.size() > MAX_ENTITIES) {
      throw new CliFailure(entities.size() + " entities named; at most " + MAX_ENTITIES);
    }
    try (Store store = GraphQueries.open(parent, options)) {
      Viewer viewer = options.viewer(store);
      EntityLookup lookup = new EntityLookup(store, viewer);
      List<String> ids = entities.stream().map(lookup::resolve).distinct().toList();
      WeighedNetwork.Answer<NetworkView> found =
          new WeighedNetwork(store).subgraph(ids, options.filter(), options.weighing(), viewer);
      new GraphPrinter(spec.commandLine().getOut(), options.format)
          .graph(found.answer(), List.of(), found::notGraded);
    }
    return 0;
  }
}
