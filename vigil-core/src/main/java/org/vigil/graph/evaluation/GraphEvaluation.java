/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.vigil.graph.Communities;
import org.vigil.graph.Direction;
import org.vigil.graph.EdgeFilter;
import org.vigil.graph.Graph;
import org.vigil.graph.GraphAnalysis;
import org.vigil.graph.GraphBuilder;
import org.vigil.graph.LouvainQuery;
import org.vigil.graph.NodeScore;
import org.vigil.graph.NodeScores;
import org.vigil.graph.PageRankQuery;

/**
 * Compares Vigil's graph measures with reference values computed independently with networkx on
 * published covert networks (9/11 hijackers, Noordin Top, Bali 2002). The data may not be
 * redistributed, so it is read from the shared data folder ({@code
 * sharedData/networks/covert-networks}) and never bundled. {@code vigil eval graph} is meant to
 * call {@link #run}.
 *
 * <p>Each network is built as networkx saw it: undirected, simple (parallel edges collapsed),
 * unweighted, every listed node present even without links. The reference gives, per network,
 * counts (nodes, edges, isolates, components, largest component, its diameter, density), the five
 * highest degrees and normalised betweenness values by name, and the modularity of networkx's
 * greedy (Clauset-Newman-Moore) communities. PageRank has no reference values; it is reported, not
 * compared.
 */
public final class GraphEvaluation {
  private static final String FOLDER = "networks/covert-networks";
  private static final String REFERENCE = "reference_metrics_networkx.json";
  private static final long LOUVAIN_SEED = 42;

  private final Path folder;

  public GraphEvaluation(Path sharedData) {
    this.folder = requireNonNull(sharedData, "sharedData").resolve(FOLDER);
  }

  /** Whether the shared folder holds the networks and the reference file. */
  public boolean available() {
    return Files.isRegularFile(folder.resolve(REFERENCE));
  }

  /** The largest absolute difference between Vigil's values and the reference for one measure. */
  public record Comparison(
      String network, String metric, int valuesCompared, double maxAbsDifference) {
    public Comparison {
      requireNonNull(network, "network");
      requireNonNull(metric, "metric");
    }
  }

  /** Louvain's modularity beside networkx's greedy modularity; not expected to be equal. */
  public record CommunityComparison(
      String network,
      int louvainCount,
      double louvainModularity,
      int greedyCount,
      double greedyModularity) {}

  /** All comparisons, in network order; and the top PageRank per network for information. */
  public record Report(
      List<Comparison> comparisons,
      List<CommunityComparison> communities,
      Map<String, List<NodeScore>> topPageRank) {
    public Report {
      comparisons = List.copyOf(comparisons);
      communities = List.copyOf(communities);
      topPageRank =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topPageRank));
    }

    /** The largest difference over every comparison made. */
    public double worstDifference() {
      return comparisons.stream().mapToDouble(Comparison::maxAbsDifference).max().orElse(0);
    }

    public String toText() {
      StringBuilder text = new StringBuilder();
      text.append(
          String.format(
              Locale.ROOT, "%-38s %-28s %6s %14s%n", "network", "metric", "values", "max |diff|"));
      for (Comparison c : comparisons) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-38s %-28s %6d %14.9f%n",
                c.network(),
                c.metric(),
                c.valuesCompared(),
                c.maxAbsDifference()));
      }
      for (CommunityComparison c : communities) {
        text.append(
            String.format(
                Locale.ROOT,
                "%-38s louvain %d communities Q=%.6f; networkx greedy %d communities Q=%.6f%n",
                c.network(),
                c.louvainCount(),
                c.louvainModularity(),
                c.greedyCount(),
                c.greedyModularity()));
      }
      topPageRank.forEach(
          (network, top) ->
              text.append(
                  String.format(
                      Locale.ROOT,
                      "%-38s pagerank top %s%n",
                      network,
                      top.stream()
                          .map(n -> String.format(Locale.ROOT, "%s %.4f", n.nodeId(), n.value()))
                          .collect(Collectors.joining("; ")))));
      return text.toString();
    }
  }

  /** Reads the networks and the reference; throws {@link IOException} when a file is missing. */
  public Report run() throws IOException {
    JsonNode reference =
        new ObjectMapper()
            .readTree(Files.readString(folder.resolve(REFERENCE), StandardCharsets.UTF_8));
    Map<String, Graph> networks = new java.util.LinkedHashMap<>();
    networks.put("hijackers_911_associates", load("hijackers_911_associates", row -> true));
    networks.put("hijackers_911_prior_contacts", load("hijackers_911_prior_contacts", row -> true));
    networks.put("noordin_top_all_relations_collapsed", load("noordin_top", row -> true));
    networks.put(
        "noordin_top_communications",
        load("noordin_top", row -> row.length > 2 && row[2].equals("communications")));
    networks.put("ji_bali2002_koschade", load("ji_bali2002_koschade", row -> true));
    List<Comparison> comparisons = new ArrayList<>();
    List<CommunityComparison> communities = new ArrayList<>();
    Map<String, List<NodeScore>> topPageRank = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Graph> network : networks.entrySet()) {
      JsonNode expected = reference.get(network.getKey());
      if (expected == null) {
        throw new IOException("the reference has no network " + network.getKey());
      }
      Graph graph = network.getValue();
      GraphAnalysis analysis = new GraphAnalysis(graph);
      String name = network.getKey();
      Structure structure = Structure.of(graph, analysis);
      comparisons.add(exact(name, "nodes", graph.nodeCount(), expected));
      comparisons.add(exact(name, "edges_simple_undirected", structure.edges(), expected));
      comparisons.add(exact(name, "isolates", structure.isolates(), expected));
      comparisons.add(exact(name, "components", structure.components(), expected));
      comparisons.add(exact(name, "largest_component", structure.largest(), expected));
      comparisons.add(exact(name, "diameter_largest_component", structure.diameter(), expected));
      comparisons.add(exact(name, "density", structure.density(), expected));
      comparisons.add(byName(name, "top5_degree", analysis.degree(), expected));
      comparisons.add(
          byName(name, "top5_betweenness_normalized", analysis.betweenness(), expected));
      Communities louvain = analysis.louvain(LouvainQuery.seeded(LOUVAIN_SEED));
      communities.add(
          new CommunityComparison(
              name,
              louvain.count(),
              louvain.modularity(),
              expected.path("greedy_modularity_communities").asInt(),
              expected.path("modularity_of_greedy").asDouble()));
      topPageRank.put(name, analysis.pageRank(PageRankQuery.of(0.85, 100)).top(3));
    }
    return new Report(comparisons, communities, topPageRank);
  }

  private static Comparison exact(String network, String metric, double ours, JsonNode expected) {
    JsonNode value = expected.get(metric);
    if (value == null) {
      throw new IllegalStateException("the reference for " + network + " has no " + metric);
    }
    return new Comparison(network, metric, 1, Math.abs(ours - value.asDouble()));
  }

  private static Comparison byName(
      String network, String metric, NodeScores ours, JsonNode expected) {
    double worst = 0;
    int compared = 0;
    for (JsonNode pair : expected.path(metric)) {
      String node = pair.get(0).asText();
      worst = Math.max(worst, Math.abs(ours.value(node) - pair.get(1).asDouble()));
      compared++;
    }
    return new Comparison(network, metric, compared, worst);
  }

  private Graph load(String prefix, Predicate<String[]> keep) throws IOException {
    GraphBuilder builder = GraphBuilder.undirected();
    java.util.Set<String> names = new java.util.HashSet<>();
    List<String> nodeLines =
        Files.readAllLines(folder.resolve(prefix + "_nodes.csv"), StandardCharsets.UTF_8);
    for (String line : nodeLines.subList(1, nodeLines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] row = line.split(",", -1);
      names.add(row[1].trim());
      builder.addNode(row[1].trim());
    }
    List<String> edgeLines =
        Files.readAllLines(folder.resolve(prefix + "_edges.csv"), StandardCharsets.UTF_8);
    java.util.Set<String> pairs = new java.util.HashSet<>();
    for (String line : edgeLines.subList(1, edgeLines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] row = line.split(",", -1);
      if (!keep.test(row)) {
        continue;
      }
      String a = row[0].trim();
      String b = row[1].trim();
      if (!names.contains(a) || !names.contains(b)) {
        throw new IOException(prefix + " has an edge to an unlisted node: " + line);
      }
      // networkx's simple Graph keeps one edge per pair and drops nothing else.
      String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
      if (pairs.add(key)) {
        builder.addEdge(prefix + ":" + pairs.size(), a, b);
      }
    }
    return builder.build();
  }

  private record Structure(
      double edges,
      double isolates,
      double components,
      double largest,
      double diameter,
      double density) {
    static Structure of(Graph graph, GraphAnalysis analysis) {
      int n = graph.nodeCount();
      double degreeSum = 0;
      int isolates = 0;
      for (int u = 0; u < n; u++) {
        degreeSum += graph.simpleDegree(u);
        if (graph.simpleDegree(u) == 0) {
          isolates++;
        }
      }
      double edges = degreeSum / 2;
      List<List<String>> groups = analysis.components(EdgeFilter.ALL).groups();
      List<String> largest = groups.get(0);
      double diameter = 0;
      for (String node : largest) {
        for (double level : analysis.bfsLevels(node, EdgeFilter.ALL, Direction.BOTH).values()) {
          if (!Double.isInfinite(level)) {
            diameter = Math.max(diameter, level);
          }
        }
      }
      double density = n < 2 ? 0 : 2 * edges / ((double) n * (n - 1));
      return new Structure(edges, isolates, groups.size(), largest.size(), diameter, density);
    }
  }
}
