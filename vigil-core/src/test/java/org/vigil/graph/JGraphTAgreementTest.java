/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

/** Vigil's own betweenness and k shortest paths agree with JGraphT's on seeded random graphs. */
class JGraphTAgreementTest {

  private static SimpleWeightedGraph<String, DefaultWeightedEdge> toJGraphT(Graph graph) {
    SimpleWeightedGraph<String, DefaultWeightedEdge> copy =
        new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (int u = 0; u < graph.nodeCount(); u++) {
      copy.addVertex(graph.nodeId(u));
    }
    for (int e = 0; e < graph.edgeCount(); e++) {
      String a = graph.nodeId(graph.edgeSource(e));
      String b = graph.nodeId(graph.edgeTarget(e));
      if (!a.equals(b) && !copy.containsEdge(a, b)) {
        copy.setEdgeWeight(copy.addEdge(a, b), graph.edgeWeight(e));
      }
    }
    return copy;
  }

  /** A random simple graph, so that JGraphT's simple graph holds exactly the same edges. */
  private static Graph simpleRandomGraph(int nodes, int edges, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    GraphBuilder builder = GraphBuilder.undirected();
    for (int u = 0; u < nodes; u++) {
      builder.addNode("n" + u);
    }
    java.util.Set<Long> pairs = new java.util.HashSet<>();
    int added = 0;
    while (added < edges) {
      int a = random.nextInt(nodes);
      int b = random.nextInt(nodes);
      if (a == b || !pairs.add((long) Math.min(a, b) * nodes + Math.max(a, b))) {
        continue;
      }
      builder.addEdge(
          EdgeData.of("e" + added++, "n" + a, "n" + b).withWeight(1 + random.nextInt(9)));
    }
    return builder.build();
  }

  @Test
  void betweennessMatchesJGraphTNormalisedBetweenness() {
    Graph graph = simpleRandomGraph(120, 300, 42);
    // Vigil's betweenness counts edges, not weights, so JGraphT gets the unweighted graph.
    SimpleGraph<String, DefaultEdge> unweighted = new SimpleGraph<>(DefaultEdge.class);
    toJGraphT(graph).vertexSet().forEach(unweighted::addVertex);
    SimpleWeightedGraph<String, DefaultWeightedEdge> weighted = toJGraphT(graph);
    weighted
        .edgeSet()
        .forEach(e -> unweighted.addEdge(weighted.getEdgeSource(e), weighted.getEdgeTarget(e)));
    Map<String, Double> expected = new BetweennessCentrality<>(unweighted, true).getScores();
    NodeScores ours = new GraphAnalysis(graph).betweenness();
    for (int u = 0; u < graph.nodeCount(); u++) {
      String id = graph.nodeId(u);
      // JGraphT divides undirected scores by (n-1)(n-2) after halving them; networkx, which
      // Vigil follows, does not halve, so the middle of a three-node path scores 1, not 0.5.
      assertThat(ours.value(id)).as(id).isCloseTo(2 * expected.get(id), within(1e-9));
    }
  }

  @Test
  void weightedKShortestPathLengthsMatchJGraphTYen() {
    Graph graph = simpleRandomGraph(60, 150, 7);
    YenKShortestPath<String, DefaultWeightedEdge> yen = new YenKShortestPath<>(toJGraphT(graph));
    GraphAnalysis analysis = new GraphAnalysis(graph);
    for (String[] pair : new String[][] {{"n0", "n59"}, {"n3", "n41"}, {"n17", "n22"}}) {
      List<Double> expected =
          yen.getPaths(pair[0], pair[1], 8).stream().map(p -> p.getWeight()).toList();
      List<Double> ours =
          analysis.paths(PathQuery.shortest(pair[0], pair[1]).withK(8).byWeight()).stream()
              .map(GraphPath::length)
              .toList();
      assertThat(ours).hasSameSizeAs(expected);
      for (int i = 0; i < ours.size(); i++) {
        assertThat(ours.get(i)).isCloseTo(expected.get(i), within(1e-9));
      }
    }
  }

  @Test
  void unweightedKShortestPathLengthsMatchJGraphTYenOnUnitWeights() {
    Graph graph = simpleRandomGraph(60, 150, 13);
    SimpleWeightedGraph<String, DefaultWeightedEdge> unit = toJGraphT(graph);
    unit.edgeSet().forEach(e -> unit.setEdgeWeight(e, 1.0));
    YenKShortestPath<String, DefaultWeightedEdge> yen = new YenKShortestPath<>(unit);
    GraphAnalysis analysis = new GraphAnalysis(graph);
    for (String[] pair : new String[][] {{"n0", "n59"}, {"n8", "n30"}, {"n12", "n44"}}) {
      List<Double> expected =
          yen.getPaths(pair[0], pair[1], 10).stream().map(p -> p.getWeight()).toList();
      List<Double> ours =
          analysis.paths(PathQuery.shortest(pair[0], pair[1]).withK(10)).stream()
              .map(GraphPath::length)
              .toList();
      assertThat(ours).isEqualTo(expected);
    }
  }
}
