/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.graph.evaluation.GraphBenchmark;

class GraphAnalysisTest {

  /** Two cells of four joined through a courier, and a financier hanging off the courier. */
  private static Graph twoCells() {
    GraphBuilder builder = GraphBuilder.undirected();
    String[] north = {"Ahmad", "Bahram", "Cyrus", "Dariush"};
    String[] south = {"Elham", "Farid", "Golnar", "Hossein"};
    int n = 0;
    for (String[] cell : new String[][] {north, south}) {
      for (int i = 0; i < cell.length; i++) {
        for (int j = i + 1; j < cell.length; j++) {
          builder.addEdge(
              EdgeData.of("m" + n++, cell[i], cell[j])
                  .withSchema("Associate")
                  .withDate(LocalDate.of(2020, 1, 1 + n))
                  .withConfidence(0.9));
        }
      }
    }
    builder.addEdge(EdgeData.of("c1", "Dariush", "Courier").withSchema("UnknownLink"));
    builder.addEdge(EdgeData.of("c2", "Courier", "Elham").withSchema("UnknownLink"));
    builder.addEdge(
        EdgeData.of("f1", "Courier", "Financier")
            .withSchema("Ownership")
            .withDate(LocalDate.of(2023, 5, 1))
            .withConfidence(0.4));
    return builder.build();
  }

  @Test
  void neighbourhoodStopsAtDepthAndCitesTheEdgesWalked() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    Neighbourhood hood = analysis.neighbours(NeighbourhoodQuery.of("Courier", 1));
    assertThat(hood.nodes())
        .containsExactly(
            new NodeAtDepth("Courier", 0),
            new NodeAtDepth("Dariush", 1),
            new NodeAtDepth("Elham", 1),
            new NodeAtDepth("Financier", 1));
    assertThat(hood.edgeIds()).containsExactlyInAnyOrder("c1", "c2", "f1");
    assertThat(hood.truncated()).isFalse();
  }

  @Test
  void neighbourhoodOverTheNodeCapIsCutAndMarkedTruncated() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    Neighbourhood hood = analysis.neighbours(NeighbourhoodQuery.of("Courier", 3).withMaxNodes(5));
    assertThat(hood.nodes()).hasSize(5);
    assertThat(hood.truncated()).isTrue();
  }

  @Test
  void neighbourhoodFilterDropsEdgesOfOtherSchemataDatesAndLowConfidence() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    EdgeFilter confident = EdgeFilter.ALL.withMinConfidence(0.5);
    assertThat(
            analysis
                .neighbours(NeighbourhoodQuery.of("Courier", 1).withFilter(confident))
                .edgeIds())
        .containsExactlyInAnyOrder("c1", "c2");
    EdgeFilter ownership = EdgeFilter.ALL.withSchemas("Ownership");
    assertThat(
            analysis
                .neighbours(NeighbourhoodQuery.of("Courier", 2).withFilter(ownership))
                .edgeIds())
        .containsExactly("f1");
    EdgeFilter in2023 =
        EdgeFilter.ALL.between(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
    assertThat(analysis.neighbours(NeighbourhoodQuery.of("Courier", 2).withFilter(in2023)).nodes())
        .extracting(NodeAtDepth::nodeId)
        .containsExactly("Courier", "Financier");
  }

  @Test
  void shortestPathBetweenCellsRunsThroughTheCourierAndCitesEachEdge() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    List<GraphPath> paths = analysis.paths(PathQuery.shortest("Ahmad", "Hossein"));
    assertThat(paths).hasSize(1);
    GraphPath path = paths.get(0);
    assertThat(path.nodeIds()).containsExactly("Ahmad", "Dariush", "Courier", "Elham", "Hossein");
    assertThat(path.edgeIds()).hasSize(4).contains("c1", "c2");
    assertThat(path.length()).isEqualTo(4.0);
  }

  @Test
  void weightedPathPrefersTheLighterDetour() {
    Graph graph =
        GraphBuilder.undirected()
            .addEdge(EdgeData.of("heavy", "A", "B").withWeight(10))
            .addEdge(EdgeData.of("ac", "A", "C").withWeight(1))
            .addEdge(EdgeData.of("cb", "C", "B").withWeight(2))
            .build();
    GraphAnalysis analysis = new GraphAnalysis(graph);
    assertThat(analysis.paths(PathQuery.shortest("A", "B")).get(0).edgeIds())
        .containsExactly("heavy");
    GraphPath light = analysis.paths(PathQuery.shortest("A", "B").byWeight()).get(0);
    assertThat(light.edgeIds()).containsExactly("ac", "cb");
    assertThat(light.length()).isEqualTo(3.0);
  }

  @Test
  void kShortestPathsComeShortestFirstWithoutRepeats() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    List<GraphPath> paths = analysis.paths(PathQuery.shortest("Ahmad", "Hossein").withK(5));
    assertThat(paths).hasSize(5);
    assertThat(paths).extracting(GraphPath::length).isSorted();
    assertThat(paths).extracting(GraphPath::edgeIds).doesNotHaveDuplicates();
    for (GraphPath path : paths) {
      assertThat(path.nodeIds()).doesNotHaveDuplicates();
    }
  }

  @Test
  void directedPathFollowsEdgeDirectionOnlyWhenAsked() {
    Graph graph = GraphBuilder.directed().addEdge("owns", "Holding", "Shell").build();
    GraphAnalysis analysis = new GraphAnalysis(graph);
    assertThat(analysis.paths(PathQuery.shortest("Shell", "Holding"))).hasSize(1);
    assertThat(
            analysis.paths(
                PathQuery.shortest("Shell", "Holding").withDirection(Direction.OUTGOING)))
        .isEmpty();
  }

  @Test
  void subgraphKeepsOnlyEdgesBetweenTheChosenNodes() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    Subgraph subgraph =
        analysis.subgraph(SubgraphQuery.of(List.of("Courier", "Elham", "Farid", "Courier")));
    assertThat(subgraph.nodeIds()).containsExactly("Courier", "Elham", "Farid");
    assertThat(subgraph.edgeIds()).hasSize(2).contains("c2");
  }

  @Test
  void courierHasTheHighestBetweennessAndEachCellIsALouvainCommunity() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    assertThat(analysis.betweenness().top(1).get(0).nodeId()).isEqualTo("Courier");
    Communities communities = analysis.louvain(LouvainQuery.seeded(7));
    assertThat(communities.labelOf("Ahmad")).isEqualTo(communities.labelOf("Dariush"));
    assertThat(communities.labelOf("Elham")).isEqualTo(communities.labelOf("Hossein"));
    assertThat(communities.labelOf("Ahmad")).isNotEqualTo(communities.labelOf("Hossein"));
    assertThat(communities.modularity()).isGreaterThan(0.3);
  }

  @Test
  void louvainGivesTheSameCommunitiesForTheSameSeed() {
    Graph graph = GraphBenchmark.randomGraph(2_000, 400, 11);
    GraphAnalysis analysis = new GraphAnalysis(graph);
    assertThat(analysis.louvain(LouvainQuery.seeded(3)).labels())
        .isEqualTo(analysis.louvain(LouvainQuery.seeded(3)).labels());
  }

  @Test
  void brokersAreNodesWhoseLinksReachSeveralCommunitiesWithThoseLinksAsEvidence() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    Communities communities = analysis.louvain(LouvainQuery.seeded(7));
    List<Broker> brokers = analysis.brokers(communities, 10);
    assertThat(brokers).isNotEmpty();
    Broker courier =
        brokers.stream().filter(b -> b.nodeId().equals("Courier")).findFirst().orElseThrow();
    assertThat(courier.communitiesReached()).isGreaterThanOrEqualTo(2);
    assertThat(courier.participation()).isGreaterThan(0.3);
    assertThat(courier.crossingEdgeIds()).isNotEmpty();
    assertThat(brokers).extracting(Broker::nodeId).doesNotContain("Ahmad");
  }

  @Test
  void pageRankSumsToOneWithDanglingNodes() {
    Graph graph = GraphBuilder.directed().addEdge("a", "X", "Y").addEdge("b", "Y", "Z").build();
    double[] ranks = new GraphAnalysis(graph).pageRank(PageRankQuery.of(0.85, 50)).values();
    assertThat(ranks[0] + ranks[1] + ranks[2]).isCloseTo(1.0, within(1e-12));
    assertThat(ranks[2]).isGreaterThan(ranks[1]).isGreaterThan(ranks[0]);
  }

  @Test
  void unknownNodeIdIsRejectedByName() {
    GraphAnalysis analysis = new GraphAnalysis(twoCells());
    assertThatThrownBy(() -> analysis.paths(PathQuery.shortest("Ahmad", "Nobody")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nobody");
  }

  @Test
  void builderRejectsARepeatedEdgeId() {
    GraphBuilder builder = GraphBuilder.undirected().addEdge("e1", "A", "B");
    assertThatThrownBy(() -> builder.addEdge("e1", "B", "C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e1");
  }

  @Test
  void edgesKeepTheirDataThroughTheBuild() {
    EdgeData given =
        EdgeData.of("d1", "Board", "Company")
            .withSchema("Directorship")
            .withWeight(2.5)
            .withDate(LocalDate.of(2019, 3, 4))
            .withConfidence(0.75);
    Graph graph = GraphBuilder.directed().addEdge(given).build();
    assertThat(graph.edge(0)).isEqualTo(given);
    assertThat(graph.edgeSchema(0)).isEqualTo("Directorship");
  }

  @Test
  void unweightedShortestPathsAreAsLongAsBreadthFirstLevelsSay() {
    Graph graph = GraphBenchmark.randomGraph(3_000, 800, 23);
    GraphAnalysis analysis = new GraphAnalysis(graph);
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 50; i++) {
      String from = graph.nodeId(random.nextInt(graph.nodeCount()));
      String to = graph.nodeId(random.nextInt(graph.nodeCount()));
      double level = analysis.bfsLevels(from, EdgeFilter.ALL, Direction.BOTH).value(to);
      List<GraphPath> paths = analysis.paths(PathQuery.shortest(from, to));
      if (Double.isInfinite(level)) {
        assertThat(paths).isEmpty();
      } else {
        assertThat(paths.get(0).length()).as("%s to %s", from, to).isEqualTo(level);
        assertThat(paths.get(0).nodeIds()).startsWith(from).endsWith(to);
      }
    }
  }

  @Test
  void weightedShortestPathsAreAsLongAsSingleSourceDistancesSay() {
    Graph graph = GraphBenchmark.randomGraph(3_000, 800, 29);
    GraphAnalysis analysis = new GraphAnalysis(graph);
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    for (int i = 0; i < 50; i++) {
      String from = graph.nodeId(random.nextInt(graph.nodeCount()));
      String to = graph.nodeId(random.nextInt(graph.nodeCount()));
      double distance = analysis.distances(from, EdgeFilter.ALL, Direction.BOTH).value(to);
      List<GraphPath> paths = analysis.paths(PathQuery.shortest(from, to).byWeight());
      if (Double.isInfinite(distance)) {
        assertThat(paths).isEmpty();
      } else {
        assertThat(paths.get(0).length()).as("%s to %s", from, to).isEqualTo(distance);
        assertThat(paths.get(0).nodeIds()).startsWith(from).endsWith(to).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void closenessCountsDistancesAndShrinksForSmallComponents() {
    Graph graph =
        GraphBuilder.undirected()
            .addEdge("ab", "A", "B")
            .addEdge("bc", "B", "C")
            .addEdge("cd", "C", "D")
            .addEdge("xy", "X", "Y")
            .build();
    NodeScores closeness = new GraphAnalysis(graph).closeness();
    // A reaches 3 of 5 other nodes at total distance 6: (3/6) * (3/5).
    assertThat(closeness.value("A")).isCloseTo(0.5 * 0.6, within(1e-12));
    assertThat(closeness.value("B")).isCloseTo(0.75 * 0.6, within(1e-12));
    assertThat(closeness.value("X")).isCloseTo(1.0 * 0.2, within(1e-12));
  }

  @Test
  void eigenvectorCentralityOfAStarPutsTheHubAtOneOverRootTwo() {
    GraphBuilder builder = GraphBuilder.undirected();
    for (int leaf = 0; leaf < 4; leaf++) {
      builder.addEdge("s" + leaf, "Hub", "Leaf" + leaf);
    }
    NodeScores eigenvector = new GraphAnalysis(builder.build()).eigenvector();
    // The star's principal eigenvector is (2, 1, 1, 1, 1) up to scale; unit length puts the
    // hub at 2 / sqrt(8).
    assertThat(eigenvector.value("Hub")).isCloseTo(1 / Math.sqrt(2), within(1e-6));
    assertThat(eigenvector.value("Leaf0")).isCloseTo(1 / Math.sqrt(8), within(1e-6));
  }
}
