/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An immutable graph held in arrays: nodes are numbered 0..n-1 in the order they were added and
 * carry string ids; edges are numbered in the order they were added and carry an id, a schema, a
 * weight, and an optional date and confidence. Adjacency is stored in compressed rows (one array of
 * offsets, one of neighbours, one of edge numbers), so a graph of a million edges costs tens of
 * megabytes and walks without allocating. Built by {@link GraphBuilder}; safe to share between
 * threads.
 *
 * <p>In an undirected graph every edge appears in the rows of both endpoints and the incoming rows
 * are the outgoing rows. Beside the edge rows the graph keeps a simple undirected view, made at its
 * first use (no self loops, parallel and opposite edges merged, weights summed) for the analyses
 * that are defined on simple graphs: degree, betweenness, communities.
 */
public final class Graph {
  static final long NO_DATE = Long.MIN_VALUE;

  private final boolean directed;
  private final String[] nodeIds;
  private final Map<String, Integer> nodeIndex;

  /** Nodes added by {@link #plus} since {@link #nodeIndex} was made, by number. */
  private final Map<String, Integer> addedIndex;

  private final String[] edgeIds;
  private final int[] edgeSource;
  private final int[] edgeTarget;
  private final String[] schemaNames;
  private final int[] edgeSchema;
  private final double[] edgeWeight;
  private final long[] edgeDay;
  private final double[] edgeConfidence;

  final int[] outStart;
  final int[] outNode;
  final int[] outEdge;
  final int[] inStart;
  final int[] inNode;
  final int[] inEdge;

  /** The simple view, made at its first use: walks and paths never need it. */
  private volatile SimpleRows simple;

  /** A graph whose rows are already laid out (by {@link #plus}). */
  private Graph(
      boolean directed,
      String[] nodeIds,
      Map<String, Integer> nodeIndex,
      Map<String, Integer> addedIndex,
      String[] edgeIds,
      int[] edgeSource,
      int[] edgeTarget,
      String[] schemaNames,
      int[] edgeSchema,
      double[] edgeWeight,
      long[] edgeDay,
      double[] edgeConfidence,
      Layout rows) {
    this.directed = directed;
    this.nodeIds = nodeIds;
    this.nodeIndex = nodeIndex;
    this.addedIndex = addedIndex;
    this.edgeIds = edgeIds;
    this.edgeSource = edgeSource;
    this.edgeTarget = edgeTarget;
    this.schemaNames = schemaNames;
    this.edgeSchema = edgeSchema;
    this.edgeWeight = edgeWeight;
    this.edgeDay = edgeDay;
    this.edgeConfidence = edgeConfidence;
    this.outStart = rows.out().start();
    this.outNode = rows.out().node();
    this.outEdge = rows.out().edge();
    this.inStart = rows.in().start();
    this.inNode = rows.in().node();
    this.inEdge = rows.in().edge();
  }

  /** Compressed rows: a node's entries are {@code node[start[u]] .. node[start[u + 1] - 1]}. */
  private record Rows(int[] start, int[] node, int[] edge) {}

  /** The rows of edges leaving each node and of those entering it (the same when undirected). */
  private record Layout(Rows out, Rows in) {}

  Graph(
      boolean directed,
      String[] nodeIds,
      Map<String, Integer> nodeIndex,
      Map<String, Integer> addedIndex,
      String[] edgeIds,
      int[] edgeSource,
      int[] edgeTarget,
      String[] schemaNames,
      int[] edgeSchema,
      double[] edgeWeight,
      long[] edgeDay,
      double[] edgeConfidence) {
    this(
        directed,
        nodeIds,
        nodeIndex,
        addedIndex,
        edgeIds,
        edgeSource,
        edgeTarget,
        schemaNames,
        edgeSchema,
        edgeWeight,
        edgeDay,
        edgeConfidence,
        layOut(directed, edgeSource, edgeTarget, nodeIds.length, edgeIds.length));
  }

  /** The rows of all {@code m} edges laid out at once, over {@code n} nodes. */
  private static Layout layOut(boolean directed, int[] edgeSource, int[] edgeTarget, int n, int m) {
    if (directed) {
      Rows out = new Rows(new int[n + 1], new int[m], new int[m]);
      fillRows(edgeSource, edgeTarget, out.start(), out.node(), out.edge(), n, m);
      Rows in = new Rows(new int[n + 1], new int[m], new int[m]);
      fillRows(edgeTarget, edgeSource, in.start(), in.node(), in.edge(), n, m);
      return new Layout(out, in);
    }
    int loops = 0;
    for (int e = 0; e < m; e++) {
      if (edgeSource[e] == edgeTarget[e]) {
        loops++;
      }
    }
    int entries = 2 * m - loops;
    int[] from = new int[entries];
    int[] to = new int[entries];
    int[] edges = new int[entries];
    int k = 0;
    for (int e = 0; e < m; e++) {
      from[k] = edgeSource[e];
      to[k] = edgeTarget[e];
      edges[k++] = e;
      if (edgeSource[e] != edgeTarget[e]) {
        from[k] = edgeTarget[e];
        to[k] = edgeSource[e];
        edges[k++] = e;
      }
    }
    Rows both = new Rows(new int[n + 1], new int[entries], new int[entries]);
    fillRows(from, to, edges, both.start(), both.node(), both.edge(), n);
    return new Layout(both, both);
  }

  int[] simpleStart() {
    return simple().start();
  }

  int[] simpleNode() {
    return simple().node();
  }

  double[] simpleWeight() {
    return simple().weight();
  }

  private SimpleRows simple() {
    SimpleRows rows = simple;
    if (rows == null) {
      synchronized (this) {
        rows = simple;
        if (rows == null) {
          rows = simpleView(nodeIds.length);
          simple = rows;
        }
      }
    }
    return rows;
  }

  private record SimpleRows(int[] start, int[] node, double[] weight) {}

  /** Added nodes kept in a map of their own at most, before the maps are merged into one. */
  private static final int MAX_ADDED = 50_000;

  /**
   * This graph with {@code nodes} (those not present) and then {@code edges} added, as a new graph;
   * this one is unchanged and both may be used at once. The numbers of this graph's nodes and edges
   * stay the same; the new ones follow. An edge may name a node added here or present before; edge
   * ids are the caller's to keep unique.
   *
   * <p>Costs copies of this graph's arrays and one pass to lay out the rows again, with no hashing
   * of the nodes it has (new nodes go to a small map beside the shared one): for keeping a large
   * graph up to date with a few changes at a time.
   *
   * @throws IllegalArgumentException if an edge names a node that is neither present nor added
   */
  public Graph plus(java.util.List<String> nodes, java.util.List<EdgeData> edges) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Map<String, Integer> added = new java.util.HashMap<>(addedIndex);
    for (String id : nodes) {
      if (indexOf(java.util.Objects.requireNonNull(id, "node id")).isEmpty()
          && !added.containsKey(id)) {
        added.put(id, nodeIds.length + names.size());
        names.add(id);
      }
    }
    String[] allNames = java.util.Arrays.copyOf(nodeIds, nodeIds.length + names.size());
    for (int i = 0; i < names.size(); i++) {
      allNames[nodeIds.length + i] = names.get(i);
    }
    Map<String, Integer> shared = nodeIndex;
    if (added.size() > MAX_ADDED) {
      Map<String, Integer> merged = new java.util.HashMap<>(shared);
      merged.putAll(added);
      shared = merged;
      added = Map.of();
    }
    int m = edgeIds.length;
    int total = m + edges.size();
    String[] ids = java.util.Arrays.copyOf(edgeIds, total);
    int[] from = java.util.Arrays.copyOf(edgeSource, total);
    int[] to = java.util.Arrays.copyOf(edgeTarget, total);
    java.util.List<String> schemata =
        new java.util.ArrayList<>(java.util.Arrays.asList(schemaNames));
    int[] schema = java.util.Arrays.copyOf(edgeSchema, total);
    double[] weight = java.util.Arrays.copyOf(edgeWeight, total);
    long[] day = java.util.Arrays.copyOf(edgeDay, total);
    double[] confidence = java.util.Arrays.copyOf(edgeConfidence, total);
    for (int k = 0; k < edges.size(); k++) {
      EdgeData edge = edges.get(k);
      int e = m + k;
      ids[e] = edge.id();
      from[e] = number(edge.source(), shared, added);
      to[e] = number(edge.target(), shared, added);
      int s = schemata.indexOf(edge.schema());
      if (s < 0) {
        schemata.add(edge.schema());
        s = schemata.size() - 1;
      }
      schema[e] = s;
      weight[e] = edge.weight();
      day[e] = edge.date().map(d -> d.toEpochDay()).orElse(NO_DATE);
      confidence[e] = edge.confidence().isPresent() ? edge.confidence().getAsDouble() : Double.NaN;
    }
    int n = allNames.length;
    Rows out;
    Rows in;
    if (directed) {
      out = appendRows(outStart, outNode, outEdge, n, from, to, m, total, false);
      in = appendRows(inStart, inNode, inEdge, n, to, from, m, total, false);
    } else {
      out = appendRows(outStart, outNode, outEdge, n, from, to, m, total, true);
      in = out;
    }
    return new Graph(
        directed,
        allNames,
        shared,
        added,
        ids,
        from,
        to,
        schemata.toArray(String[]::new),
        schema,
        weight,
        day,
        confidence,
        new Layout(out, in));
  }

  /**
   * The rows of this graph's {@code start}, {@code node}, {@code edge} with the entries of edges
   * {@code m} to {@code total - 1} added (from {@code from[e]} to {@code to[e]}, and back as well
   * when {@code bothWays} and not a loop), over {@code n} nodes: exactly the rows a layout of all
   * edges at once gives (a node's entries in edge order, so the new ones after the old), made by
   * copying the old rows in runs between the nodes that gain entries rather than laying out every
   * entry again.
   */
  private static Rows appendRows(
      int[] start,
      int[] node,
      int[] edge,
      int n,
      int[] from,
      int[] to,
      int m,
      int total,
      boolean bothWays) {
    int oldNodes = start.length - 1;
    int count = 0;
    long[] entries = new long[2 * (total - m)]; // node << 32 | order, sorted: by node, then order
    int[][] entry = new int[2 * (total - m)][];
    for (int e = m; e < total; e++) {
      entry[count] = new int[] {to[e], e};
      entries[count] = ((long) from[e] << 32) | count;
      count++;
      if (bothWays && from[e] != to[e]) {
        entry[count] = new int[] {from[e], e};
        entries[count] = ((long) to[e] << 32) | count;
        count++;
      }
    }
    long[] sorted = java.util.Arrays.copyOf(entries, count);
    java.util.Arrays.sort(sorted);
    int[] newStart = new int[n + 1];
    int[] newNode = new int[node.length + count];
    int[] newEdge = new int[edge.length + count];
    int copiedTo = 0; // old entries copied so far: those of nodes before the current one
    int written = 0;
    int shift = 0; // new entries placed before the current node
    int nextNode = 0; // the first node whose start is not yet set
    for (int k = 0; k < count; ) {
      int u = (int) (sorted[k] >>> 32);
      for (; nextNode <= u; nextNode++) {
        newStart[nextNode] = (nextNode < oldNodes ? start[nextNode] : node.length) + shift;
      }
      int oldEnd = u < oldNodes ? start[u + 1] : node.length;
      int run = oldEnd - copiedTo;
      System.arraycopy(node, copiedTo, newNode, written, run);
      System.arraycopy(edge, copiedTo, newEdge, written, run);
      written += run;
      copiedTo = oldEnd;
      for (; k < count && (int) (sorted[k] >>> 32) == u; k++) {
        int[] added = entry[(int) sorted[k]];
        newNode[written] = added[0];
        newEdge[written++] = added[1];
        shift++;
      }
    }
    for (; nextNode <= n; nextNode++) {
      newStart[nextNode] = (nextNode < oldNodes ? start[nextNode] : node.length) + shift;
    }
    int run = node.length - copiedTo;
    System.arraycopy(node, copiedTo, newNode, written, run);
    System.arraycopy(edge, copiedTo, newEdge, written, run);
    return new Rows(newStart, newNode, newEdge);
  }

  private static int number(String id, Map<String, Integer> shared, Map<String, Integer> added) {
    Integer n = shared.get(id);
    if (n == null) {
      n = added.get(id);
    }
    if (n == null) {
      throw new IllegalArgumentException("no node with id " + id);
    }
    return n;
  }

  private static void fillRows(
      int[] from, int[] to, int[] start, int[] node, int[] edge, int n, int m) {
    int[] ids = new int[m];
    for (int e = 0; e < m; e++) {
      ids[e] = e;
    }
    fillRows(from, to, ids, start, node, edge, n);
  }

  private static void fillRows(
      int[] from, int[] to, int[] edges, int[] start, int[] node, int[] edge, int n) {
    for (int f : from) {
      start[f + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] next = java.util.Arrays.copyOf(start, n);
    for (int k = 0; k < from.length; k++) {
      int slot = next[from[k]]++;
      node[slot] = to[k];
      edge[slot] = edges[k];
    }
  }

  private SimpleRows simpleView(int n) {
    int[] start = new int[n + 1];
    int[] seenBy = new int[n];
    java.util.Arrays.fill(seenBy, -1);
    int[] buffer = new int[Math.max(16, outNode.length + (directed ? inNode.length : 0))];
    double[] weights = new double[buffer.length];
    int[] position = new int[n];
    int size = 0;
    for (int u = 0; u < n; u++) {
      start[u] = size;
      size = addSimple(u, outStart, outNode, outEdge, seenBy, position, buffer, weights, size);
      if (directed) {
        size = addSimple(u, inStart, inNode, inEdge, seenBy, position, buffer, weights, size);
      }
    }
    start[n] = size;
    return new SimpleRows(
        start, java.util.Arrays.copyOf(buffer, size), java.util.Arrays.copyOf(weights, size));
  }

  private int addSimple(
      int u,
      int[] start,
      int[] node,
      int[] edge,
      int[] seenBy,
      int[] position,
      int[] buffer,
      double[] weights,
      int size) {
    for (int k = start[u]; k < start[u + 1]; k++) {
      int v = node[k];
      if (v == u) {
        continue;
      }
      if (seenBy[v] != u) {
        seenBy[v] = u;
        position[v] = size;
        buffer[size] = v;
        weights[size++] = edgeWeight[edge[k]];
      } else {
        weights[position[v]] += edgeWeight[edge[k]];
      }
    }
    return size;
  }

  public boolean directed() {
    return directed;
  }

  public int nodeCount() {
    return nodeIds.length;
  }

  public int edgeCount() {
    return edgeIds.length;
  }

  public String nodeId(int node) {
    return nodeIds[node];
  }

  public OptionalInt indexOf(String nodeId) {
    Integer index = lookUp(nodeId);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** The node's number; throws {@link IllegalArgumentException} naming an unknown id. */
  public int expectIndex(String nodeId) {
    Integer index = lookUp(nodeId);
    if (index == null) {
      throw new IllegalArgumentException("no node with id " + nodeId);
    }
    return index;
  }

  public boolean contains(String nodeId) {
    return lookUp(nodeId) != null;
  }

  private Integer lookUp(String nodeId) {
    Integer index = nodeIndex.get(nodeId);
    // a map shared with a larger graph made by plus may know nodes this one does not have
    if (index != null && index < nodeIds.length) {
      return index;
    }
    index = addedIndex.get(nodeId);
    return index != null && index < nodeIds.length ? index : null;
  }

  public String edgeId(int edge) {
    return edgeIds[edge];
  }

  public int edgeSource(int edge) {
    return edgeSource[edge];
  }

  public int edgeTarget(int edge) {
    return edgeTarget[edge];
  }

  public String edgeSchema(int edge) {
    return schemaNames[edgeSchema[edge]];
  }

  public double edgeWeight(int edge) {
    return edgeWeight[edge];
  }

  public Optional<LocalDate> edgeDate(int edge) {
    return edgeDay[edge] == NO_DATE
        ? Optional.empty()
        : Optional.of(LocalDate.ofEpochDay(edgeDay[edge]));
  }

  public OptionalDouble edgeConfidence(int edge) {
    return Double.isNaN(edgeConfidence[edge])
        ? OptionalDouble.empty()
        : OptionalDouble.of(edgeConfidence[edge]);
  }

  /** The edge as it was given to the builder. */
  public EdgeData edge(int edge) {
    return new EdgeData(
        edgeIds[edge],
        nodeIds[edgeSource[edge]],
        nodeIds[edgeTarget[edge]],
        edgeSchema(edge),
        edgeWeight[edge],
        edgeDate(edge),
        edgeConfidence(edge));
  }

  /** Edges leaving the node (all incident edges when undirected). */
  public int outDegree(int node) {
    return outStart[node + 1] - outStart[node];
  }

  /** Edges entering the node (all incident edges when undirected). */
  public int inDegree(int node) {
    return inStart[node + 1] - inStart[node];
  }

  /** Distinct neighbours, either direction, self excluded. */
  public int simpleDegree(int node) {
    int[] start = simpleStart();
    return start[node + 1] - start[node];
  }

  long edgeEpochDay(int edge) {
    return edgeDay[edge];
  }

  double edgeConfidenceOrOne(int edge) {
    return Double.isNaN(edgeConfidence[edge]) ? 1.0 : edgeConfidence[edge];
  }
}
