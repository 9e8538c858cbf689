/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The front door: runs query records and analyses over one {@link Graph}. Every result names the
 * edges it rests on. Queries name nodes by id; an unknown id is the caller's bug and throws {@link
 * IllegalArgumentException} naming it. Stateless apart from the graph; safe to share.
 */
public final class GraphAnalysis {
  private final Graph graph;

  public GraphAnalysis(Graph graph) {
    this.graph = requireNonNull(graph, "graph");
  }

  public Graph graph() {
    return graph;
  }

  public Neighbourhood neighbours(NeighbourhoodQuery query) {
    return Walks.neighbourhood(graph, query);
  }

  /** Up to k paths, shortest first; empty when the nodes are not connected. */
  public List<GraphPath> paths(PathQuery query) {
    return new ShortestPaths(graph, query.filter(), query.direction(), query.weighted())
        .paths(query);
  }

  public Subgraph subgraph(SubgraphQuery query) {
    return Walks.subgraph(graph, query);
  }

  /** Edges on the fewest-edge walk from the source to each node; infinity when unreachable. */
  public NodeScores bfsLevels(String source, EdgeFilter filter, Direction direction) {
    double[] levels = Walks.levels(graph, graph.expectIndex(source), filter, direction);
    return new NodeScores("bfs-levels", graph, levels, admittedEdgeIds(filter));
  }

  /** Weighted shortest distances (Dijkstra) from the source; infinity when unreachable. */
  public NodeScores distances(String source, EdgeFilter filter, Direction direction) {
    double[] distances =
        new ShortestPaths(graph, filter, direction, true).distances(graph.expectIndex(source));
    return new NodeScores("sssp", graph, distances, admittedEdgeIds(filter));
  }

  /** Weakly connected components; each labelled by its first-added node. */
  public Communities components(EdgeFilter filter) {
    return communities("wcc", Walks.components(graph, filter), admittedEdgeIds(filter));
  }

  public NodeScores pageRank(PageRankQuery query) {
    return new NodeScores(
        "pagerank", graph, Centrality.pageRank(graph, query), admittedEdgeIds(query.filter()));
  }

  /** Distinct neighbours of each node, either direction. */
  public NodeScores degree() {
    return new NodeScores("degree", graph, Centrality.degree(graph), allEdgeIds());
  }

  /** Normalised betweenness on the simple undirected view; see {@link Centrality}. */
  public NodeScores betweenness() {
    return new NodeScores("betweenness", graph, Centrality.betweenness(graph), allEdgeIds());
  }

  /** Closeness on the simple undirected view, scaled for disconnected graphs as networkx does. */
  public NodeScores closeness() {
    return new NodeScores("closeness", graph, Centrality.closeness(graph), allEdgeIds());
  }

  /** Eigenvector centrality on the simple undirected view, unit length, as networkx computes it. */
  public NodeScores eigenvector() {
    return new NodeScores("eigenvector", graph, Centrality.eigenvector(graph), allEdgeIds());
  }

  public Communities louvain(LouvainQuery query) {
    return communities("louvain", Louvain.communities(graph, query), allEdgeIds());
  }

  /** CDLP as LDBC Graphalytics defines it, for a fixed number of rounds. */
  public Communities labelPropagation(int iterations) {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations " + iterations + " is negative");
    }
    int[] labels = LabelPropagation.labels(graph, iterations);
    Communities partition = communities("cdlp", labels, allEdgeIds());
    List<String> named = new ArrayList<>(labels.length);
    for (int label : labels) {
      named.add(graph.nodeId(label));
    }
    // CDLP's label is the winning label itself, which need not belong to a member.
    return new Communities("cdlp", graph, named, partition.modularity(), partition.edgeIds());
  }

  /**
   * Nodes bridging communities, most even spread first (participation coefficient, then degree), at
   * most {@code limit}.
   */
  public List<Broker> brokers(Communities communities, int limit) {
    if (communities.graph() != graph) {
      throw new IllegalArgumentException("the communities belong to another graph");
    }
    return Brokers.of(graph, communities, limit);
  }

  private Communities communities(String method, int[] community, List<String> edgeIds) {
    int n = graph.nodeCount();
    int[] renumbered = new int[n];
    int[] first = new int[n];
    Arrays.fill(first, -1);
    int count = 0;
    String[] labels = new String[n];
    for (int u = 0; u < n; u++) {
      int c = community[u];
      if (first[c] < 0) {
        first[c] = count++;
      }
      renumbered[u] = first[c];
    }
    int[] firstMember = new int[count];
    Arrays.fill(firstMember, -1);
    for (int u = 0; u < n; u++) {
      if (firstMember[renumbered[u]] < 0) {
        firstMember[renumbered[u]] = u;
      }
    }
    for (int u = 0; u < n; u++) {
      labels[u] = graph.nodeId(firstMember[renumbered[u]]);
    }
    double modularity = Modularity.of(graph, renumbered, false, 1.0);
    return new Communities(method, graph, Arrays.asList(labels), modularity, edgeIds);
  }

  private List<String> allEdgeIds() {
    String[] ids = new String[graph.edgeCount()];
    for (int e = 0; e < ids.length; e++) {
      ids[e] = graph.edgeId(e);
    }
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  private List<String> admittedEdgeIds(EdgeFilter filter) {
    if (filter.admitsAll()) {
      return allEdgeIds();
    }
    List<String> ids = new ArrayList<>();
    for (int e = 0; e < graph.edgeCount(); e++) {
      if (filter.admits(graph, e)) {
        ids.add(graph.edgeId(e));
      }
    }
    return ids;
  }
}
