/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.network.Measure;
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

/** {@code vigil graph centrality}: who stands out in a neighbourhood. */
@Command(
    name = "centrality",
    mixinStandardHelpOptions = true,
    description =
        "Computes PageRank, betweenness and degree over the neighbourhood of ENTITY; nodes are"
            + " listed highest first by the first measure asked.")
final class GraphCentralityCommand implements Callable<Integer> {
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

  @Option(
      names = "--measure",
      split = ",",
      paramLabel = "MEASURE",
      description = "pagerank, betweenness or degree; comma-separated (default: all three).")
  List<String> measures = new ArrayList<>();

  @Override
  public Integer call() {
    Set<Measure> chosen = EnumSet.noneOf(Measure.class);
    measures.forEach(m -> chosen.add(Measure.parse(m)));
    List<Measure> order =
        measures.isEmpty()
            ? List.of(Measure.values())
            : measures.stream().map(Measure::parse).distinct().toList();
    if (chosen.isEmpty()) {
      chosen.addAll(order);
    }
    try (Store store = GraphQueries.open(parent, options)) {
      Viewer viewer = options.viewer(store);
      String id = new EntityLookup(store, viewer).resolve(entity);
      WeighedNetwork.Answer<NetworkView> found =
          new WeighedNetwork(store)
              .centrality(
                  new NeighbourhoodRequest(id, depth, options.filter(), limit),
                  chosen,
                  options.weighing(),
                  viewer);
      NetworkView view = found.answer();
      String first = order.get(0).key();
      var sorted = new ArrayList<>(view.nodes());
      sorted.sort((a, b) -> Double.compare(b.centrality().get(first), a.centrality().get(first)));
      new GraphPrinter(spec.commandLine().getOut(), options.format)
          .graph(
              new NetworkView(sorted, view.edges(), view.truncated(), view.brokers()),
              order.stream().map(Measure::key).toList(),
              found::notGraded);
    }
    return 0;
  }
}
