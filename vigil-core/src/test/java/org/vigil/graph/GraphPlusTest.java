/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPlusTest {

  private static Graph chain(GraphBuilder builder) {
    return builder.addEdge("0", "a", "b").addEdge("1", "b", "c").build();
  }

  @Test
  void aGraphPlusEdgesAnswersAsTheGraphBuiltWithThemAtOnce() {
    Graph before = chain(GraphBuilder.directed());
    Graph after =
        before.plus(
            List.of("d", "b"),
            List.of(
                EdgeData.of("2", "c", "d")
                    .withSchema("Ownership")
                    .withDate(LocalDate.of(2024, 2, 3))
                    .withConfidence(0.5),
                EdgeData.of("3", "a", "d")));
    Graph atOnce =
        GraphBuilder.directed()
            .addEdge("0", "a", "b")
            .addEdge("1", "b", "c")
            .addEdge(
                EdgeData.of("2", "c", "d")
                    .withSchema("Ownership")
                    .withDate(LocalDate.of(2024, 2, 3))
                    .withConfidence(0.5))
            .addEdge("3", "a", "d")
            .build();
    assertThat(after.nodeCount()).isEqualTo(atOnce.nodeCount()).isEqualTo(4);
    assertThat(after.edgeCount()).isEqualTo(4);
    for (int e = 0; e < 4; e++) {
      assertThat(after.edge(e)).isEqualTo(atOnce.edge(e));
    }
    for (String node : List.of("a", "b", "c", "d")) {
      int n = after.expectIndex(node);
      assertThat(n).isEqualTo(atOnce.expectIndex(node));
      assertThat(after.outDegree(n)).isEqualTo(atOnce.outDegree(n));
      assertThat(after.inDegree(n)).isEqualTo(atOnce.inDegree(n));
      assertThat(after.simpleDegree(n)).isEqualTo(atOnce.simpleDegree(n));
    }
    Neighbourhood walked = new GraphAnalysis(after).neighbours(NeighbourhoodQuery.of("a", 2));
    Neighbourhood expected = new GraphAnalysis(atOnce).neighbours(NeighbourhoodQuery.of("a", 2));
    assertThat(walked).isEqualTo(expected);
    assertThat(new GraphAnalysis(after).paths(PathQuery.shortest("a", "d")))
        .isEqualTo(new GraphAnalysis(atOnce).paths(PathQuery.shortest("a", "d")));
  }

  @Test
  void theGraphBeforeIsUnchangedAndDoesNotKnowTheNewNodes() {
    Graph before = chain(GraphBuilder.undirected());
    Graph after = before.plus(List.of("d"), List.of(EdgeData.of("2", "c", "d")));
    assertThat(before.contains("d")).isFalse();
    assertThat(before.indexOf("d")).isEmpty();
    assertThat(before.edgeCount()).isEqualTo(2);
    assertThat(after.contains("d")).isTrue();
    assertThat(after.simpleDegree(after.expectIndex("c"))).isEqualTo(2);
    // a graph plus more, from the same one: each knows only its own nodes
    Graph other = before.plus(List.of("e"), List.of());
    assertThat(other.contains("d")).isFalse();
    assertThat(other.expectIndex("e")).isEqualTo(3);
    assertThat(after.plus(List.of("e"), List.of()).expectIndex("e")).isEqualTo(4);
  }

  @Test
  void anEdgeToANodeNeitherPresentNorAddedIsRefused() {
    Graph before = chain(GraphBuilder.directed());
    assertThatThrownBy(() -> before.plus(List.of(), List.of(EdgeData.of("2", "c", "zz"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zz");
  }

  @Test
  void theRowsOfAGraphPlusEdgesAreThoseOfTheGraphBuiltWithThemAtOnce() {
    for (boolean directed : new boolean[] {true, false}) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(7);
      List<EdgeData> all = new java.util.ArrayList<>();
      for (int e = 0; e < 300; e++) {
        // 40 nodes, loops and parallel edges included; nodes 30-39 appear only in later edges
        int bound = e < 200 ? 30 : 40;
        all.add(
            EdgeData.of(
                Integer.toString(e),
                "n" + random.nextInt(bound),
                "n" + (e % 25 == 0 ? random.nextInt(3) : random.nextInt(bound))));
      }
      GraphBuilder first = directed ? GraphBuilder.directed() : GraphBuilder.undirected();
      all.subList(0, 200).forEach(first::addEdge);
      Graph grown = first.build();
      for (int from = 200; from < 300; from += 25) {
        List<EdgeData> batch = all.subList(from, from + 25);
        List<String> ends = new java.util.ArrayList<>();
        batch.forEach(
            e -> {
              ends.add(e.source());
              ends.add(e.target());
            });
        grown = grown.plus(ends, batch);
      }
      GraphBuilder once = directed ? GraphBuilder.directed() : GraphBuilder.undirected();
      all.forEach(once::addEdge);
      Graph atOnce = once.build();
      Graph g = grown;
      assertThat(g.nodeCount()).isEqualTo(atOnce.nodeCount());
      for (int u = 0; u < g.nodeCount(); u++) {
        assertThat(atOnce.expectIndex(g.nodeId(u))).isEqualTo(u);
      }
      assertThat(g.outStart).as("directed " + directed).isEqualTo(atOnce.outStart);
      assertThat(g.outNode).isEqualTo(atOnce.outNode);
      assertThat(g.outEdge).isEqualTo(atOnce.outEdge);
      assertThat(g.inStart).isEqualTo(atOnce.inStart);
      assertThat(g.inNode).isEqualTo(atOnce.inNode);
      assertThat(g.inEdge).isEqualTo(atOnce.inEdge);
    }
  }
}
