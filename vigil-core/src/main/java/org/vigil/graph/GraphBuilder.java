/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects nodes and edges, then builds an immutable {@link Graph}. Nodes are numbered in the order
 * they are first seen (added, or named by an edge); edge ids must be unique. Not thread-safe; one
 * builder builds one graph.
 */
public final class GraphBuilder {
  private final boolean directed;
  private final List<String> nodeIds = new ArrayList<>();
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private final Set<String> edgeIds = new HashSet<>();
  private final Map<String, Integer> schemaIndex = new HashMap<>();
  private final List<String> schemaNames = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();
  private int[] source = new int[16];
  private int[] target = new int[16];
  private int[] schema = new int[16];
  private double[] weight = new double[16];
  private long[] day = new long[16];
  private double[] confidence = new double[16];
  private boolean built;

  private GraphBuilder(boolean directed) {
    this.directed = directed;
  }

  public static GraphBuilder directed() {
    return new GraphBuilder(true);
  }

  public static GraphBuilder undirected() {
    return new GraphBuilder(false);
  }

  /** Adds the node unless present; returns this builder. */
  public GraphBuilder addNode(String id) {
    node(id);
    return this;
  }

  /** Adds the edge and any endpoint not yet present; rejects a repeated edge id. */
  public GraphBuilder addEdge(EdgeData edge) {
    if (built) {
      throw new IllegalStateException("this builder has already built its graph");
    }
    if (!edgeIds.add(edge.id())) {
      throw new IllegalArgumentException("edge id " + edge.id() + " is used twice");
    }
    int e = ids.size();
    if (e == source.length) {
      int size = e * 2;
      source = Arrays.copyOf(source, size);
      target = Arrays.copyOf(target, size);
      schema = Arrays.copyOf(schema, size);
      weight = Arrays.copyOf(weight, size);
      day = Arrays.copyOf(day, size);
      confidence = Arrays.copyOf(confidence, size);
    }
    ids.add(edge.id());
    source[e] = node(edge.source());
    target[e] = node(edge.target());
    schema[e] =
        schemaIndex.computeIfAbsent(
            edge.schema(),
            name -> {
              schemaNames.add(name);
              return schemaNames.size() - 1;
            });
    weight[e] = edge.weight();
    day[e] = edge.date().map(d -> d.toEpochDay()).orElse(Graph.NO_DATE);
    confidence[e] = edge.confidence().isPresent() ? edge.confidence().getAsDouble() : Double.NaN;
    return this;
  }

  /** Shorthand for {@code addEdge(EdgeData.of(id, source, target))}. */
  public GraphBuilder addEdge(String id, String source, String target) {
    return addEdge(EdgeData.of(id, source, target));
  }

  public Graph build() {
    if (built) {
      throw new IllegalStateException("this builder has already built its graph");
    }
    built = true;
    int m = ids.size();
    return new Graph(
        directed,
        nodeIds.toArray(String[]::new),
        Map.copyOf(nodeIndex),
        Map.of(),
        ids.toArray(String[]::new),
        Arrays.copyOf(source, m),
        Arrays.copyOf(target, m),
        schemaNames.toArray(String[]::new),
        Arrays.copyOf(schema, m),
        Arrays.copyOf(weight, m),
        Arrays.copyOf(day, m),
        Arrays.copyOf(confidence, m));
  }

  private int node(String id) {
    java.util.Objects.requireNonNull(id, "node id");
    Integer index = nodeIndex.get(id);
    if (index != null) {
      return index;
    }
    nodeIds.add(id);
    nodeIndex.put(id, nodeIds.size() - 1);
    return nodeIds.size() - 1;
  }
}
