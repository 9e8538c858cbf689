/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs Vigil's algorithms on the LDBC Graphalytics validation graphs (test resources, Apache-2.0)
 * with LDBC's own parameters and compares every vertex with LDBC's expected output.
 */
class GraphalyticsValidationTest {
  private static final String ROOT = "/graphalytics/";
  private static final long LDBC_UNREACHABLE = Long.MAX_VALUE;
  private static final double LDBC_PAGERANK_RELATIVE_TOLERANCE = 1e-4;

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "bfs/dir-input, 1, true, bfs/dir-output",
    "bfs/undir-input, 1, false, bfs/undir-output",
    "example/example-directed-input, 1, true, example/example-directed-BFS",
    "example/example-undirected-input, 2, false, example/example-undirected-BFS"
  })
  void breadthFirstLevelsMatchLdbc(String input, String source, boolean directed, String output) {
    Graph graph = adjacencyGraph(input, directed);
    NodeScores levels =
        new GraphAnalysis(graph).bfsLevels(source, EdgeFilter.ALL, Direction.OUTGOING);
    Map<String, String> expected = values(output);
    assertThat(expected).hasSize(graph.nodeCount());
    expected.forEach(
        (vertex, value) -> {
          double level = levels.value(vertex);
          long asLdbc = Double.isInfinite(level) ? LDBC_UNREACHABLE : (long) level;
          assertThat(asLdbc).as("BFS level of vertex %s", vertex).isEqualTo(Long.parseLong(value));
        });
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "sssp/dir-input, 1, true, sssp/dir-output",
    "sssp/undir-input, 1, false, sssp/undir-output",
    "example/example-directed, 1, true, example/example-directed-SSSP",
    "example/example-undirected, 2, false, example/example-undirected-SSSP"
  })
  void weightedDistancesMatchLdbc(String input, String source, boolean directed, String output) {
    Graph graph = weightedGraph(input, directed);
    NodeScores distances =
        new GraphAnalysis(graph).distances(source, EdgeFilter.ALL, Direction.OUTGOING);
    Map<String, String> expected = values(output);
    assertThat(expected).hasSize(graph.nodeCount());
    expected.forEach(
        (vertex, value) ->
            assertThat(distances.value(vertex))
                .as("distance to vertex %s", vertex)
                .isCloseTo(Double.parseDouble(value), within(1e-9)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "wcc/dir-input, true, wcc/dir-output",
    "wcc/undir-input, false, wcc/undir-output",
    "example/example-directed-input, true, example/example-directed-WCC",
    "example/example-undirected-input, false, example/example-undirected-WCC"
  })
  void weaklyConnectedComponentsMatchLdbc(String input, boolean directed, String output) {
    Graph graph = adjacencyGraph(input, directed);
    Communities components = new GraphAnalysis(graph).components(EdgeFilter.ALL);
    // LDBC labels a component by its smallest vertex id; ours by its first-added node, and the
    // fixtures' vertices are added in ascending numeric order.
    Map<String, String> expected = values(output);
    assertThat(expected).hasSize(graph.nodeCount());
    expected.forEach(
        (vertex, label) ->
            assertThat(components.labelOf(vertex)).as("component of %s", vertex).isEqualTo(label));
  }

  @ParameterizedTest(name = "{0}, {2} rounds")
  @CsvSource({
    "cdlp/dir-input, true, 5, cdlp/dir-output",
    "cdlp/undir-input, false, 5, cdlp/undir-output",
    "example/example-directed-input, true, 2, example/example-directed-CDLP",
    "example/example-undirected-input, false, 2, example/example-undirected-CDLP"
  })
  void labelPropagationMatchesLdbc(String input, boolean directed, int rounds, String output) {
    Graph graph = adjacencyGraph(input, directed);
    Communities labels = new GraphAnalysis(graph).labelPropagation(rounds);
    Map<String, String> expected = values(output);
    assertThat(expected).hasSize(graph.nodeCount());
    expected.forEach(
        (vertex, label) ->
            assertThat(labels.labelOf(vertex)).as("label of %s", vertex).isEqualTo(label));
  }

  @ParameterizedTest(name = "{0}, {2} iterations")
  @CsvSource({
    "pr/dir-input, true, 14, pr/dir-output",
    "pr/undir-input, false, 26, pr/undir-output",
    "example/example-directed-input, true, 2, example/example-directed-PR",
    "example/example-undirected-input, false, 2, example/example-undirected-PR"
  })
  void pageRankMatchesLdbcWithinItsTolerance(
      String input, boolean directed, int iterations, String output) {
    Graph graph = adjacencyGraph(input, directed);
    NodeScores ranks = new GraphAnalysis(graph).pageRank(PageRankQuery.of(0.85, iterations));
    Map<String, String> expected = values(output);
    assertThat(expected).hasSize(graph.nodeCount());
    expected.forEach(
        (vertex, value) -> {
          double want = Double.parseDouble(value);
          double deviation = (ranks.value(vertex) - want) / want;
          assertThat(deviation)
              .as("relative deviation of vertex %s", vertex)
              .isCloseTo(0.0, within(LDBC_PAGERANK_RELATIVE_TOLERANCE));
        });
  }

  /** A vertex-per-line adjacency file; vertices are added in ascending numeric order. */
  static Graph adjacencyGraph(String resource, boolean directed) {
    List<long[]> rows = new ArrayList<>();
    TreeSet<Long> vertices = new TreeSet<>();
    for (String line : lines(resource)) {
      String[] parts = line.trim().split("\\s+");
      long[] row = new long[parts.length];
      for (int i = 0; i < parts.length; i++) {
        row[i] = Long.parseLong(parts[i]);
        vertices.add(row[i]);
      }
      rows.add(row);
    }
    GraphBuilder builder = directed ? GraphBuilder.directed() : GraphBuilder.undirected();
    vertices.forEach(v -> builder.addNode(Long.toString(v)));
    Set<String> pairs = new HashSet<>();
    for (long[] row : rows) {
      for (int i = 1; i < row.length; i++) {
        long a = row[0];
        long b = row[i];
        String key = directed ? a + ">" + b : Math.min(a, b) + "-" + Math.max(a, b);
        if (pairs.add(key)) {
          builder.addEdge(key, Long.toString(a), Long.toString(b));
        }
      }
    }
    return builder.build();
  }

  /** A pair of files, {@code name.v} (vertices) and {@code name.e} (source target weight). */
  static Graph weightedGraph(String name, boolean directed) {
    TreeSet<Long> vertices = new TreeSet<>();
    for (String line : lines(name + ".v")) {
      vertices.add(Long.parseLong(line.trim()));
    }
    GraphBuilder builder = directed ? GraphBuilder.directed() : GraphBuilder.undirected();
    vertices.forEach(v -> builder.addNode(Long.toString(v)));
    int n = 0;
    for (String line : lines(name + ".e")) {
      String[] parts = line.trim().split("\\s+");
      builder.addEdge(
          EdgeData.of("e" + n++, parts[0], parts[1]).withWeight(Double.parseDouble(parts[2])));
    }
    return builder.build();
  }

  static Map<String, String> values(String resource) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines(resource)) {
      String[] parts = line.trim().split("\\s+");
      values.put(parts[0], parts[1]);
    }
    return values;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = GraphalyticsValidationTest.class.getResourceAsStream(ROOT + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + ROOT + resource);
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
