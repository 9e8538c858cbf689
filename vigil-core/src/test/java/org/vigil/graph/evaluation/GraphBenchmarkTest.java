/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.graph.Graph;
import org.vigil.graph.GraphAnalysis;

class GraphBenchmarkTest {

  @Test
  void randomGraphIsReproducibleFromItsSeedAndHasHubs() {
    Graph first = GraphBenchmark.randomGraph(5_000, 1_000, 9);
    Graph second = GraphBenchmark.randomGraph(5_000, 1_000, 9);
    assertThat(first.edgeCount()).isEqualTo(5_000);
    for (int e = 0; e < first.edgeCount(); e++) {
      assertThat(first.edge(e)).isEqualTo(second.edge(e));
    }
    double[] degree = new GraphAnalysis(first).degree().values();
    double max = java.util.Arrays.stream(degree).max().orElseThrow();
    double mean = java.util.Arrays.stream(degree).average().orElseThrow();
    assertThat(max).as("a heavy tail puts hubs far above the mean").isGreaterThan(5 * mean);
  }

  @Test
  void smallRunReportsEveryQueryAndLouvain() {
    GraphBenchmark.Report report =
        GraphBenchmark.run(new GraphBenchmark.Settings(2_000, 20, 2_000, 5));
    assertThat(report.edges()).isEqualTo(2_000);
    assertThat(report.timings())
        .extracting(GraphBenchmark.Timing::query)
        .containsExactly("2-hop neighbourhood", "shortest path (BFS)", "shortest path (Dijkstra)");
    assertThat(report.louvainCommunities()).isGreaterThan(1);
    assertThat(report.toText()).contains("louvain on 2,000 edges");
  }
}
