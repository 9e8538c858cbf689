/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A value per node under one measure (a centrality, a distance, a BFS level; unreachable is
 * positive infinity), with the ids of the edges the measure was computed over. {@code values} is
 * copied in and out; {@code values()[i]} belongs to {@code graph.nodeId(i)}.
 */
public record NodeScores(String measure, Graph graph, double[] values, List<String> edgeIds) {
  public NodeScores {
    requireNonNull(measure, "measure");
    requireNonNull(graph, "graph");
    values = values.clone();
    edgeIds = List.copyOf(edgeIds);
    if (values.length != graph.nodeCount()) {
      throw new IllegalArgumentException(
          values.length + " values for " + graph.nodeCount() + " nodes");
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public double value(String nodeId) {
    return values[graph.expectIndex(nodeId)];
  }

  /** The k highest values, highest first; ties in node order. */
  public List<NodeScore> top(int k) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i));
    List<NodeScore> top = new ArrayList<>();
    for (int i = 0; i < Math.min(k, order.length); i++) {
      top.add(new NodeScore(graph.nodeId(order[i]), values[order[i]]));
    }
    return top;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeScores that
        && measure.equals(that.measure)
        && graph == that.graph
        && Arrays.equals(values, that.values)
        && edgeIds.equals(that.edgeIds);
  }

  @Override
  public int hashCode() {
    return measure.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "NodeScores[" + measure + ", " + values.length + " nodes]";
  }
}
