/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.access.Viewer;
import org.vigil.graph.Broker;
import org.vigil.graph.Communities;
import org.vigil.graph.Direction;
import org.vigil.graph.EdgeData;
import org.vigil.graph.EdgeFilter;
import org.vigil.graph.Graph;
import org.vigil.graph.GraphAnalysis;
import org.vigil.graph.GraphBuilder;
import org.vigil.graph.GraphPath;
import org.vigil.graph.LouvainQuery;
import org.vigil.graph.Neighbourhood;
import org.vigil.graph.NeighbourhoodQuery;
import org.vigil.graph.NodeAtDepth;
import org.vigil.graph.NodeScores;
import org.vigil.graph.PageRankQuery;
import org.vigil.graph.PathQuery;
import org.vigil.graph.SubgraphQuery;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;
import org.vigil.network.LinkFilter;
import org.vigil.network.Measure;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.network.TimelineView;
import org.vigil.network.UnknownEntityException;

/**
 * {@link Network} over the store: walks run on the in-memory {@link NetworkIndex} with the reader's
 * visibility as an edge filter, then the answer's nodes and links are read back from the statements
 * (visible ones only) with their evidence by {@link NetworkAnswers}. This class only dispatches the
 * queries: the indexes are {@link NetworkIndexes}', the rows {@link JdbcNetwork}'s, timelines
 * {@link Timelines}'; how a link reads is its schema's ({@code Schema#linkLabel}).
 */
final class StoreNetwork implements Network {
  /** Louvain's seed: one answer for one neighbourhood, every time. */
  private static final long SEED = 42;

  /** Most entities a subgraph request may name. */
  static final int MAX_SUBGRAPH = 1_000;

  private static final int BROKERS = 20;

  private final Clusters clusters;
  private final NetworkIndexes indexes;
  private final NetworkAnswers answers;
  private final Timelines timelines;

  /**
   * @param written the entities written since, by this process or another ({@link StoreChanges})
   */
  StoreNetwork(Database db, Clusters clusters, WrittenEntities written) {
    this.clusters = clusters;
    this.indexes = new NetworkIndexes(db, clusters, written);
    JdbcNetwork rows = new JdbcNetwork(db);
    NodeCaptions captions = new NodeCaptions(clusters, rows);
    this.answers = new NetworkAnswers(db, clusters, rows, captions);
    this.timelines = new Timelines(db, clusters, indexes, rows, captions);
  }

  /** How many times a link index was built in full from the statements. */
  long fullBuilds() {
    return indexes.fullBuilds();
  }

  private NetworkIndex current(Viewer viewer) {
    return indexes.current(viewer);
  }

  @Override
  public IndexSize refresh() {
    NetworkIndex current = current(Viewer.system());
    return new IndexSize(current.graph.nodeCount(), current.liveLinks(), current.buildMillis);
  }

  @Override
  public Optional<String> find(String entityId, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (entityId == null || !PropertyType.isEntityId(entityId)) {
      return Optional.empty();
    }
    String canonical = clusters.view(viewer).canonicalId(entityId);
    NetworkIndex current = current(viewer);
    return current.visibility(viewer).node(canonical) ? Optional.of(canonical) : Optional.empty();
  }

  @Override
  public NetworkView neighbours(NeighbourhoodRequest request, Viewer viewer) {
    Walk walk = walk(request, viewer);
    NetworkAnswers.Answer answer = answers.assemble(walk.index, walk.depths, walk.edges, viewer);
    return new NetworkView(answer.nodes(), answer.edges(), walk.truncated, List.of());
  }

  @Override
  public PathsView paths(PathRequest request, Viewer viewer) {
    requireNonNull(request, "request");
    NetworkIndex current = current(viewer);
    NetworkIndex.Visibility visibility = current.visibility(requireNonNull(viewer, "viewer"));
    String from = expectVisible(request.from(), visibility);
    String to = expectVisible(request.to(), visibility);
    // Parallel links (one per source) make paths that differ only in the report they cite; for
    // more than one path, ask for more and keep the distinct ones.
    int asked = request.k() == 1 ? 1 : Math.min(PathQuery.MAX_K, request.k() * 4);
    List<GraphPath> found =
        new GraphAnalysis(current.graph)
            .paths(
                new PathQuery(
                    from,
                    to,
                    asked,
                    filter(request.filter(), current, visibility),
                    Direction.BOTH,
                    false));
    Map<String, OptionalInt> nodes = new LinkedHashMap<>();
    List<Integer> edges = new ArrayList<>();
    for (GraphPath p : found) {
      p.nodeIds().forEach(n -> nodes.putIfAbsent(n, OptionalInt.empty()));
      p.edgeIds().forEach(e -> edges.add(Integer.parseInt(e)));
    }
    NetworkAnswers.Answer answer = answers.assemble(current, nodes, edges, viewer);
    List<PathsView.Path> paths = new ArrayList<>();
    Set<List<String>> seen = new LinkedHashSet<>();
    for (GraphPath p : found) {
      List<String> edgeIds = new ArrayList<>();
      for (String e : p.edgeIds()) {
        edgeIds.add(answer.edgeIdOf().get(Integer.parseInt(e)));
      }
      List<String> key = new ArrayList<>(p.nodeIds());
      key.addAll(edgeIds);
      if (paths.size() < request.k() && seen.add(key)) {
        paths.add(new PathsView.Path(p.nodeIds(), edgeIds));
      }
    }
    // Keep only the nodes and links the kept paths use.
    Set<String> usedNodes = new LinkedHashSet<>();
    Set<String> usedEdges = new LinkedHashSet<>();
    for (PathsView.Path p : paths) {
      usedNodes.addAll(p.nodes());
      usedEdges.addAll(p.edges());
    }
    return new PathsView(
        paths,
        answer.nodes().stream().filter(n -> usedNodes.contains(n.id())).toList(),
        answer.edges().stream().filter(e -> usedEdges.contains(e.id())).toList(),
        false);
  }

  @Override
  public NetworkView subgraph(List<String> entityIds, LinkFilter filter, Viewer viewer) {
    requireNonNull(entityIds, "entityIds");
    if (entityIds.size() > MAX_SUBGRAPH) {
      throw new InvalidValueException(
          entityIds.size() + " entities asked; a subgraph takes at most " + MAX_SUBGRAPH);
    }
    NetworkIndex current = current(viewer);
    NetworkIndex.Visibility visibility = current.visibility(requireNonNull(viewer, "viewer"));
    List<String> visible = new ArrayList<>();
    for (String id : entityIds) {
      if (PropertyType.isEntityId(id)) {
        String canonical = clusters.view(viewer).canonicalId(id);
        if (visibility.node(canonical) && !visible.contains(canonical)) {
          visible.add(canonical);
        }
      }
    }
    List<Integer> edges = new ArrayList<>();
    for (String e :
        new GraphAnalysis(current.graph)
            .subgraph(new SubgraphQuery(visible, filter(filter, current, visibility)))
            .edgeIds()) {
      edges.add(Integer.parseInt(e));
    }
    Map<String, OptionalInt> nodes = new LinkedHashMap<>();
    visible.forEach(n -> nodes.put(n, OptionalInt.empty()));
    NetworkAnswers.Answer answer = answers.assemble(current, nodes, edges, viewer);
    return new NetworkView(answer.nodes(), answer.edges(), false, List.of());
  }

  @Override
  public NetworkView communities(NeighbourhoodRequest request, Viewer viewer) {
    Walk walk = walk(request, viewer);
    NetworkAnswers.Answer answer = answers.assemble(walk.index, walk.depths, walk.edges, viewer);
    GraphAnalysis local = new GraphAnalysis(localGraph(walk));
    Communities found = local.louvain(LouvainQuery.seeded(SEED));
    Map<String, Integer> numberOf = new HashMap<>();
    List<List<String>> groups = found.groups();
    for (int g = 0; g < groups.size(); g++) {
      for (String node : groups.get(g)) {
        numberOf.put(node, g);
      }
    }
    List<NetworkNode> nodes = new ArrayList<>();
    for (NetworkNode n : answer.nodes()) {
      nodes.add(numberOf.containsKey(n.id()) ? n.withCommunity(numberOf.get(n.id())) : n);
    }
    List<NetworkView.BrokerView> brokers = new ArrayList<>();
    for (Broker b : local.brokers(found, BROKERS)) {
      Set<String> crossing = new LinkedHashSet<>();
      for (String e : b.crossingEdgeIds()) {
        crossing.add(answer.edgeIdOf().get(Integer.parseInt(e)));
      }
      brokers.add(
          new NetworkView.BrokerView(
              b.nodeId(), b.participation(), b.communitiesReached(), List.copyOf(crossing)));
    }
    return new NetworkView(nodes, answer.edges(), walk.truncated, brokers);
  }

  @Override
  public NetworkView centrality(
      NeighbourhoodRequest request, Set<Measure> measures, Viewer viewer) {
    requireNonNull(measures, "measures");
    Walk walk = walk(request, viewer);
    NetworkAnswers.Answer answer = answers.assemble(walk.index, walk.depths, walk.edges, viewer);
    GraphAnalysis local = new GraphAnalysis(localGraph(walk));
    Map<Measure, NodeScores> scores = new LinkedHashMap<>();
    for (Measure m : new TreeSet<>(measures)) {
      scores.put(
          m,
          switch (m) {
            case PAGERANK -> local.pageRank(PageRankQuery.of(0.85, 50));
            case BETWEENNESS -> local.betweenness();
            case DEGREE -> local.degree();
          });
    }
    List<NetworkNode> nodes = new ArrayList<>();
    for (NetworkNode n : answer.nodes()) {
      SortedMap<String, Double> values = new TreeMap<>();
      for (Map.Entry<Measure, NodeScores> e : scores.entrySet()) {
        values.put(e.getKey().key(), e.getValue().value(n.id()));
      }
      nodes.add(n.withCentrality(values));
    }
    return new NetworkView(nodes, answer.edges(), walk.truncated, List.of());
  }

  @Override
  public TimelineView timeline(String entityId, int limit, Viewer viewer) {
    return timelines.timeline(entityId, limit, viewer);
  }

  @Override
  public Map<String, TimelineView> timelines(
      Collection<String> entityIds, int limit, Viewer viewer) {
    return timelines.timelines(entityIds, limit, viewer);
  }

  private record Walk(
      NetworkIndex index,
      Map<String, OptionalInt> depths,
      List<Integer> edges,
      boolean truncated) {}

  private Walk walk(NeighbourhoodRequest request, Viewer viewer) {
    requireNonNull(request, "request");
    NetworkIndex current = current(viewer);
    NetworkIndex.Visibility visibility = current.visibility(requireNonNull(viewer, "viewer"));
    String start = expectVisible(request.entity(), visibility);
    Neighbourhood found =
        new GraphAnalysis(current.graph)
            .neighbours(
                new NeighbourhoodQuery(
                    start,
                    request.depth(),
                    filter(request.filter(), current, visibility),
                    Direction.BOTH,
                    request.limit()));
    Map<String, OptionalInt> depths = new LinkedHashMap<>();
    for (NodeAtDepth n : found.nodes()) {
      depths.put(n.nodeId(), OptionalInt.of(n.depth()));
    }
    List<Integer> edges = new ArrayList<>();
    for (String e : found.edgeIds()) {
      edges.add(Integer.parseInt(e));
    }
    return new Walk(current, depths, edges, found.truncated());
  }

  /** The walk's nodes and links as a small undirected graph, for the analyses. */
  private static Graph localGraph(Walk walk) {
    GraphBuilder builder = GraphBuilder.undirected();
    walk.depths.keySet().forEach(builder::addNode);
    Graph all = walk.index.graph;
    for (int e : walk.edges) {
      builder.addEdge(
          EdgeData.of(
              Integer.toString(e), all.nodeId(all.edgeSource(e)), all.nodeId(all.edgeTarget(e))));
    }
    return builder.build();
  }

  static String expectVisible(String entityId, NetworkIndex.Visibility visibility) {
    if (entityId == null || !PropertyType.isEntityId(entityId)) {
      throw new UnknownEntityException(String.valueOf(entityId));
    }
    String canonical = visibility.canonicalId(entityId);
    if (!visibility.node(canonical)) {
      throw new UnknownEntityException(entityId);
    }
    return canonical;
  }

  private static EdgeFilter filter(
      LinkFilter filter, NetworkIndex current, NetworkIndex.Visibility visibility) {
    requireNonNull(filter, "filter");
    EdgeFilter base =
        new EdgeFilter(filter.schemas(), filter.from(), filter.to(), filter.minConfidence());
    Set<String> without = filter.without();
    return base.onlyEdges(
        e ->
            visibility.link(e, filter.minGrade())
                && (without.isEmpty() || !without.contains(current.record(e))));
  }
}
