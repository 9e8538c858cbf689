/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.vigil.graph.Communities;
import org.vigil.graph.EdgeData;
import org.vigil.graph.Graph;
import org.vigil.graph.GraphAnalysis;
import org.vigil.graph.GraphBuilder;
import org.vigil.graph.GraphPath;
import org.vigil.graph.LouvainQuery;
import org.vigil.graph.NeighbourhoodQuery;
import org.vigil.graph.PathQuery;

/**
 * A throughput harness for the in-memory graph: builds a seeded random graph with a heavy-tailed
 * degree distribution, then times 2-hop neighbourhoods, shortest paths and Louvain. It reports
 * numbers and asserts nothing; {@code vigil bench graph} is meant to call {@link #run}.
 */
public final class GraphBenchmark {
  private static final String[] SCHEMATA = {
    "Associate", "Membership", "Employment", "Directorship", "Ownership", "Family", "UnknownLink"
  };

  /**
   * What to measure: a graph of {@code edges} edges over edges/5 nodes, {@code queries} timed runs
   * of each query after as many untimed warm-up runs, and Louvain on its own graph of {@code
   * louvainEdges} edges.
   */
  public record Settings(int edges, int queries, int louvainEdges, long seed) {
    public Settings {
      if (edges < 10 || queries < 1 || louvainEdges < 10) {
        throw new IllegalArgumentException(
            "need at least 10 edges, 1 query and 10 Louvain edges, not "
                + edges
                + ", "
                + queries
                + ", "
                + louvainEdges);
      }
    }

    /** The sizes issue 5 sets targets for: 1,000,000 edges, Louvain on 100,000. */
    public static Settings issueTargets() {
      return new Settings(1_000_000, 1_000, 100_000, 42);
    }
  }

  /**
   * Percentiles of one query's wall-clock time, and the mean size of its answers (nodes returned,
   * or edges on the path).
   */
  public record Timing(
      String query, int runs, double p50Millis, double p95Millis, double meanResultSize) {}

  /** What one run measured. */
  public record Report(
      int nodes,
      int edges,
      double buildMillis,
      List<Timing> timings,
      int louvainEdges,
      double louvainMillis,
      int louvainCommunities,
      double louvainModularity) {
    public Report {
      timings = List.copyOf(timings);
    }

    public String toText() {
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              Locale.ROOT,
              "graph: %,d nodes, %,d edges, built in %.0f ms%n",
              nodes,
              edges,
              buildMillis));
      for (Timing timing : timings) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-24s runs %,d  p50 %.3f ms  p95 %.3f ms  mean answer size %.1f%n",
                timing.query(),
                timing.runs(),
                timing.p50Millis(),
                timing.p95Millis(),
                timing.meanResultSize()));
      }
      text.append(
          String.format(
              Locale.ROOT,
              "louvain on %,d edges: %.0f ms, %,d communities, modularity %.4f%n",
              louvainEdges,
              louvainMillis,
              louvainCommunities,
              louvainModularity));
      return text.toString();
    }
  }

  private GraphBenchmark() {}

  /**
   * A seeded random graph: each edge joins a uniformly chosen node to, four times in five, the
   * endpoint of an earlier edge (so well-linked nodes gain links: preferential attachment) and
   * otherwise another uniform node. Edges get a schema, a date in 2015-2024 and a confidence.
   */
  public static Graph randomGraph(int edges, int nodes, long seed) {
    if (nodes < 2 || edges < 1) {
      throw new IllegalArgumentException("need 2 nodes and 1 edge, not " + nodes + ", " + edges);
    }
    SplittableRandom random = new SplittableRandom(seed);
    GraphBuilder builder = GraphBuilder.undirected();
    for (int u = 0; u < nodes; u++) {
      builder.addNode("n" + u);
    }
    int[] endpoints = new int[2 * edges];
    long firstDay = LocalDate.of(2015, 1, 1).toEpochDay();
    for (int e = 0; e < edges; e++) {
      int a = random.nextInt(nodes);
      int b =
          e > 0 && random.nextInt(5) < 4 ? endpoints[random.nextInt(2 * e)] : random.nextInt(nodes);
      if (b == a) {
        b = (a + 1 + random.nextInt(nodes - 1)) % nodes;
      }
      endpoints[2 * e] = a;
      endpoints[2 * e + 1] = b;
      builder.addEdge(
          new EdgeData(
              "e" + e,
              "n" + a,
              "n" + b,
              SCHEMATA[random.nextInt(SCHEMATA.length)],
              1.0 + random.nextInt(5),
              java.util.Optional.of(LocalDate.ofEpochDay(firstDay + random.nextInt(3650))),
              java.util.OptionalDouble.of(0.5 + random.nextInt(51) / 100.0)));
    }
    return builder.build();
  }

  public static Report run(Settings settings) {
    long start = System.nanoTime();
    Graph graph = randomGraph(settings.edges(), Math.max(2, settings.edges() / 5), settings.seed());
    double buildMillis = (System.nanoTime() - start) / 1e6;
    GraphAnalysis analysis = new GraphAnalysis(graph);
    SplittableRandom random = new SplittableRandom(settings.seed() + 1);
    int n = graph.nodeCount();
    List<Timing> timings = new ArrayList<>();
    timings.add(
        time(
            "2-hop neighbourhood",
            settings.queries(),
            () ->
                analysis
                    .neighbours(NeighbourhoodQuery.of(graph.nodeId(random.nextInt(n)), 2))
                    .nodes()
                    .size()));
    timings.add(
        time(
            "shortest path (BFS)",
            settings.queries(),
            () ->
                pathEdges(
                    analysis.paths(
                        PathQuery.shortest(
                            graph.nodeId(random.nextInt(n)), graph.nodeId(random.nextInt(n)))))));
    timings.add(
        time(
            "shortest path (Dijkstra)",
            settings.queries(),
            () ->
                pathEdges(
                    analysis.paths(
                        PathQuery.shortest(
                                graph.nodeId(random.nextInt(n)), graph.nodeId(random.nextInt(n)))
                            .byWeight()))));
    Graph louvainGraph =
        randomGraph(
            settings.louvainEdges(), Math.max(2, settings.louvainEdges() / 5), settings.seed());
    GraphAnalysis louvainAnalysis = new GraphAnalysis(louvainGraph);
    long louvainStart = System.nanoTime();
    Communities communities = louvainAnalysis.louvain(LouvainQuery.seeded(settings.seed()));
    double louvainMillis = (System.nanoTime() - louvainStart) / 1e6;
    return new Report(
        n,
        graph.edgeCount(),
        buildMillis,
        timings,
        louvainGraph.edgeCount(),
        louvainMillis,
        communities.count(),
        communities.modularity());
  }

  private static int pathEdges(List<GraphPath> paths) {
    return paths.isEmpty() ? 0 : paths.get(0).edgeIds().size();
  }

  private static Timing time(String name, int runs, IntSupplier query) {
    for (int i = 0; i < runs; i++) {
      query.getAsInt();
    }
    long[] nanos = new long[runs];
    long size = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      size += query.getAsInt();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new Timing(
        name, runs, percentile(nanos, 0.50), percentile(nanos, 0.95), (double) size / runs);
  }

  private static double percentile(long[] sorted, double fraction) {
    int index = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Runs with the issue's sizes, or {@code edges queries louvainEdges seed} when given. */
  public static void main(String[] args) {
    Settings settings =
        args.length == 4
            ? new Settings(
                Integer.parseInt(args[0]),
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Long.parseLong(args[3]))
            : Settings.issueTargets();
    System.out.print(run(settings).toText());
  }
}
