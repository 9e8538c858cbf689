/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.vigil.access.MarkingPolicy;
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
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.model.Span;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.Measure;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.network.TimelineView;
import org.vigil.network.UnknownEntityException;

/**
 * {@link Network} over the store: walks run on the in-memory {@link NetworkIndex} with the reader's
 * visibility as an edge filter, then the answer's nodes and links are read back from the statements
 * (visible ones only) with their evidence. Timelines are {@link Timelines}'; how a link reads is
 * its schema's ({@link Schema#linkLabel}).
 */
final class JdbcNetwork implements Network {
  /** Louvain's seed: one answer for one neighbourhood, every time. */
  private static final long SEED = 42;

  /** Most entities a subgraph request may name. */
  static final int MAX_SUBGRAPH = 1_000;

  private static final int BROKERS = 20;

  private final Database db;
  private final Clusters clusters;
  private final JdbcStatementRepository statements;
  private final Map<String, Marking> markings = new java.util.concurrent.ConcurrentHashMap<>();
  private final Timelines timelines;
  private NetworkIndex index;

  JdbcNetwork(Database db, Clusters clusters, JdbcStatementRepository statements) {
    this.db = db;
    this.clusters = clusters;
    this.statements = statements;
    this.timelines = new Timelines(db, clusters, this);
  }

  /** The network index, rebuilt first when statements or clusters changed since it was built. */
  synchronized NetworkIndex current() {
    long generation = statements.generation();
    long version = clusters.version();
    if (index == null
        || index.statementGeneration != generation
        || index.clusterVersion != version) {
      index = NetworkIndex.build(db, clusters, generation);
    }
    return index;
  }

  @Override
  public IndexSize refresh() {
    NetworkIndex current = current();
    return new IndexSize(current.graph.nodeCount(), current.graph.edgeCount(), current.buildMillis);
  }

  @Override
  public Optional<String> find(String entityId, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (entityId == null || !PropertyType.isEntityId(entityId)) {
      return Optional.empty();
    }
    String canonical = clusters.canonicalId(entityId);
    NetworkIndex current = current();
    return current.visibility(viewer).node(canonical) ? Optional.of(canonical) : Optional.empty();
  }

  @Override
  public NetworkView neighbours(NeighbourhoodRequest request, Viewer viewer) {
    Walk walk = walk(request, viewer);
    Answer answer = assemble(walk.index, walk.depths, walk.edges, viewer);
    return new NetworkView(answer.nodes, answer.edges, walk.truncated, List.of());
  }

  @Override
  public PathsView paths(PathRequest request, Viewer viewer) {
    requireNonNull(request, "request");
    NetworkIndex current = current();
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
                    from, to, asked, filter(request.filter(), visibility), Direction.BOTH, false));
    Map<String, OptionalInt> nodes = new LinkedHashMap<>();
    List<Integer> edges = new ArrayList<>();
    for (GraphPath p : found) {
      p.nodeIds().forEach(n -> nodes.putIfAbsent(n, OptionalInt.empty()));
      p.edgeIds().forEach(e -> edges.add(Integer.parseInt(e)));
    }
    Answer answer = assemble(current, nodes, edges, viewer);
    List<PathsView.Path> paths = new ArrayList<>();
    Set<List<String>> seen = new LinkedHashSet<>();
    for (GraphPath p : found) {
      List<String> edgeIds = new ArrayList<>();
      for (String e : p.edgeIds()) {
        edgeIds.add(answer.edgeIdOf.get(Integer.parseInt(e)));
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
        answer.nodes.stream().filter(n -> usedNodes.contains(n.id())).toList(),
        answer.edges.stream().filter(e -> usedEdges.contains(e.id())).toList(),
        false);
  }

  @Override
  public NetworkView subgraph(List<String> entityIds, LinkFilter filter, Viewer viewer) {
    requireNonNull(entityIds, "entityIds");
    if (entityIds.size() > MAX_SUBGRAPH) {
      throw new InvalidValueException(
          entityIds.size() + " entities asked; a subgraph takes at most " + MAX_SUBGRAPH);
    }
    NetworkIndex current = current();
    NetworkIndex.Visibility visibility = current.visibility(requireNonNull(viewer, "viewer"));
    List<String> visible = new ArrayList<>();
    for (String id : entityIds) {
      if (PropertyType.isEntityId(id)) {
        String canonical = clusters.canonicalId(id);
        if (visibility.node(canonical) && !visible.contains(canonical)) {
          visible.add(canonical);
        }
      }
    }
    List<Integer> edges = new ArrayList<>();
    for (String e :
        new GraphAnalysis(current.graph)
            .subgraph(new SubgraphQuery(visible, filter(filter, visibility)))
            .edgeIds()) {
      edges.add(Integer.parseInt(e));
    }
    Map<String, OptionalInt> nodes = new LinkedHashMap<>();
    visible.forEach(n -> nodes.put(n, OptionalInt.empty()));
    Answer answer = assemble(current, nodes, edges, viewer);
    return new NetworkView(answer.nodes, answer.edges, false, List.of());
  }

  @Override
  public NetworkView communities(NeighbourhoodRequest request, Viewer viewer) {
    Walk walk = walk(request, viewer);
    Answer answer = assemble(walk.index, walk.depths, walk.edges, viewer);
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
    for (NetworkNode n : answer.nodes) {
      nodes.add(numberOf.containsKey(n.id()) ? n.withCommunity(numberOf.get(n.id())) : n);
    }
    List<NetworkView.BrokerView> brokers = new ArrayList<>();
    for (Broker b : local.brokers(found, BROKERS)) {
      Set<String> crossing = new LinkedHashSet<>();
      for (String e : b.crossingEdgeIds()) {
        crossing.add(answer.edgeIdOf.get(Integer.parseInt(e)));
      }
      brokers.add(
          new NetworkView.BrokerView(
              b.nodeId(), b.participation(), b.communitiesReached(), List.copyOf(crossing)));
    }
    return new NetworkView(nodes, answer.edges, walk.truncated, brokers);
  }

  @Override
  public NetworkView centrality(
      NeighbourhoodRequest request, Set<Measure> measures, Viewer viewer) {
    requireNonNull(measures, "measures");
    Walk walk = walk(request, viewer);
    Answer answer = assemble(walk.index, walk.depths, walk.edges, viewer);
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
    for (NetworkNode n : answer.nodes) {
      SortedMap<String, Double> values = new TreeMap<>();
      for (Map.Entry<Measure, NodeScores> e : scores.entrySet()) {
        values.put(e.getKey().key(), e.getValue().value(n.id()));
      }
      nodes.add(n.withCentrality(values));
    }
    return new NetworkView(nodes, answer.edges, walk.truncated, List.of());
  }

  @Override
  public TimelineView timeline(String entityId, int limit, Viewer viewer) {
    return timelines.timeline(entityId, limit, viewer);
  }

  /** The first value of {@code property} among {@code said}. */
  static Optional<String> first(List<StatementRow> said, String property) {
    return said.stream()
        .filter(s -> s.property().equals(property))
        .map(StatementRow::value)
        .findFirst();
  }

  private record Walk(
      NetworkIndex index,
      Map<String, OptionalInt> depths,
      List<Integer> edges,
      boolean truncated) {}

  private Walk walk(NeighbourhoodRequest request, Viewer viewer) {
    requireNonNull(request, "request");
    NetworkIndex current = current();
    NetworkIndex.Visibility visibility = current.visibility(requireNonNull(viewer, "viewer"));
    String start = expectVisible(request.entity(), visibility);
    Neighbourhood found =
        new GraphAnalysis(current.graph)
            .neighbours(
                new NeighbourhoodQuery(
                    start,
                    request.depth(),
                    filter(request.filter(), visibility),
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

  String expectVisible(String entityId, NetworkIndex.Visibility visibility) {
    if (entityId == null || !PropertyType.isEntityId(entityId)) {
      throw new UnknownEntityException(String.valueOf(entityId));
    }
    String canonical = clusters.canonicalId(entityId);
    if (!visibility.node(canonical)) {
      throw new UnknownEntityException(entityId);
    }
    return canonical;
  }

  private static EdgeFilter filter(LinkFilter filter, NetworkIndex.Visibility visibility) {
    requireNonNull(filter, "filter");
    EdgeFilter base =
        new EdgeFilter(filter.schemas(), filter.from(), filter.to(), filter.minConfidence());
    return base.onlyEdges(e -> visibility.link(e, filter.minGrade()));
  }

  /** Nodes and links read back for one answer; {@code edgeIdOf} maps link numbers to edge ids. */
  private record Answer(
      List<NetworkNode> nodes, List<NetworkEdge> edges, Map<Integer, String> edgeIdOf) {}

  /**
   * Reads the nodes (captions, schemata, levels) and the links (grouped per stating entity and pair
   * of ends, with their visible evidence from the sources whose links were walked).
   */
  private Answer assemble(
      NetworkIndex current, Map<String, OptionalInt> nodeIds, List<Integer> edges, Viewer viewer) {
    Graph graph = current.graph;
    Map<String, NodeInfo> entities = nodeInfo(nodeIds.keySet(), viewer);
    List<NetworkNode> nodes = new ArrayList<>();
    for (Map.Entry<String, OptionalInt> n : nodeIds.entrySet()) {
      NodeInfo entity = entities.get(n.getKey());
      if (entity != null) {
        nodes.add(
            new NetworkNode(
                n.getKey(),
                entity.caption,
                entity.schema.ftmName(),
                entity.tlp.code(),
                n.getValue(),
                OptionalInt.empty(),
                new TreeMap<>()));
      }
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int e : new LinkedHashSet<>(edges)) {
      String key =
          current.record(e)
              + '\u001f'
              + graph.nodeId(graph.edgeSource(e))
              + '\u001f'
              + graph.nodeId(graph.edgeTarget(e));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    Set<String> records = new LinkedHashSet<>();
    for (List<Integer> group : groups.values()) {
      records.add(current.record(group.get(0)));
    }
    Map<String, List<StatementRow>> byRecord = new HashMap<>();
    List<StatementRow> visible = new ArrayList<>();
    for (StatementRow s : rows(records)) {
      if (MarkingPolicy.canSee(viewer, s.marking())) {
        byRecord.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
        visible.add(s);
      }
    }
    EvidenceReader evidence = new EvidenceReader(db, viewer, visible);
    List<NetworkEdge> out = new ArrayList<>();
    Map<Integer, String> edgeIdOf = new HashMap<>();
    Map<String, Integer> usedIds = new HashMap<>();
    for (List<Integer> group : groups.values()) {
      int first = group.get(0);
      String record = current.record(first);
      String source = graph.nodeId(graph.edgeSource(first));
      String target = graph.nodeId(graph.edgeTarget(first));
      Set<String> sources = new LinkedHashSet<>();
      double confidence = 0;
      for (int e : group) {
        sources.add(current.source(e));
        confidence = Math.max(confidence, graph.edgeConfidence(e).orElse(1.0));
      }
      List<StatementRow> said =
          byRecord.getOrDefault(record, List.of()).stream()
              .filter(s -> sources.contains(s.sourceId()))
              .toList();
      String schema = graph.edgeSchema(first);
      int repeat = usedIds.merge(record, 1, Integer::sum);
      String id = repeat == 1 ? record : record + "#" + repeat;
      boolean event = schema.equals(LinkFilter.EVENT);
      List<StatementRow> relevant =
          event
              ? said.stream()
                  .filter(
                      s ->
                          !s.isReference()
                              || clusters.canonicalId(s.value()).equals(target)
                              || !s.property().equals("involved")
                                  && !s.property().equals("organizer"))
                  .toList()
              : said;
      out.add(
          new NetworkEdge(
              id,
              source,
              target,
              schema,
              Schema.find(schema).map(Schema::linkLabel).orElse("linked to"),
              first(said, "role"),
              confidence,
              said.stream()
                  .filter(s -> s.property().equals("startDate") || s.property().equals("date"))
                  .map(StatementRow::value)
                  .sorted()
                  .findFirst(),
              said.stream()
                  .filter(s -> s.property().equals("endDate"))
                  .map(StatementRow::value)
                  .max(String::compareTo),
              said.isEmpty() ? Tlp.CLEAR.code() : strictest(said).code(),
              said.stream()
                  .anyMatch(
                      s -> s.property().equals("status") && s.value().equalsIgnoreCase("disputed")),
              evidence.of(relevant, StatementRow::isReference)));
      for (int e : group) {
        edgeIdOf.put(e, id);
      }
    }
    return new Answer(nodes, out, edgeIdOf);
  }

  private static Tlp strictest(Collection<StatementRow> statements) {
    Tlp strictest = Tlp.CLEAR;
    for (StatementRow s : statements) {
      if (s.marking().tlp().ordinal() > strictest.ordinal()) {
        strictest = s.marking().tlp();
      }
    }
    return strictest;
  }

  /** What a node shows: caption, schema and strictest TLP level, from its visible statements. */
  record NodeInfo(String caption, Schema schema, Tlp tlp) {}

  /**
   * The nodes with these canonical ids as the viewer sees them (all members' visible statements);
   * those with nothing visible are left out. The caption is the first name, else title, else a
   * description (an unnamed "this network" mention), else the id; the schema is the one that
   * specialises all others given, else the most frequent.
   */
  Map<String, NodeInfo> nodeInfo(Collection<String> canonicalIds, Viewer viewer) {
    Map<String, String> canonicalOf = new HashMap<>();
    for (String id : canonicalIds) {
      for (String member : clusters.members(id)) {
        canonicalOf.put(member, id);
      }
    }
    Map<String, List<StatementRow>> visible = new HashMap<>();
    for (StatementRow row : select(canonicalOf.keySet(), true)) {
      if (MarkingPolicy.canSee(viewer, row.marking())) {
        visible.computeIfAbsent(canonicalOf.get(row.entityId()), k -> new ArrayList<>()).add(row);
      }
    }
    Map<String, NodeInfo> out = new HashMap<>();
    for (Map.Entry<String, List<StatementRow>> e : visible.entrySet()) {
      Map<Schema, Integer> counts = new LinkedHashMap<>();
      String name = null;
      String title = null;
      String description = null;
      for (StatementRow row : e.getValue()) {
        counts.merge(row.schema(), 1, Integer::sum);
        String value = row.value();
        if (value == null) {
          continue;
        }
        switch (row.property()) {
          case "name" -> name = name == null || value.compareTo(name) < 0 ? value : name;
          case "title" -> title = title == null || value.compareTo(title) < 0 ? value : title;
          case "description" -> description = description == null ? value : description;
          default -> {}
        }
      }
      String caption =
          name != null
              ? name
              : title != null
                  ? title
                  : description != null
                      ? (description.length() > 80
                          ? description.substring(0, 80) + "…"
                          : description)
                      : e.getKey();
      out.put(e.getKey(), new NodeInfo(caption, commonSchema(counts), strictest(e.getValue())));
    }
    return out;
  }

  private static Schema commonSchema(Map<Schema, Integer> counts) {
    for (Schema candidate : counts.keySet()) {
      if (counts.keySet().stream().allMatch(other -> candidate.isA(other.ftmName()))) {
        return candidate;
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The statements of these records, whoever may see them; the caller applies the markings. */
  List<StatementRow> rows(Collection<String> recordIds) {
    return select(recordIds, false);
  }

  /**
   * Reads statement rows by record id; with {@code captionsOnly}, values other than names, titles
   * and descriptions are left null (a list entity has many, and a node shows none of them).
   */
  private List<StatementRow> select(Collection<String> recordIds, boolean captionsOnly) {
    if (recordIds.isEmpty()) {
      return List.of();
    }
    String columns =
        captionsOnly
            ? StatementRow.COLUMNS.replace(
                "value_text",
                "CASE WHEN property IN ('name', 'title', 'description') THEN value_text END")
            : StatementRow.COLUMNS;
    return db.read(
        c -> {
          List<StatementRow> out = new ArrayList<>();
          for (List<String> chunk : JdbcStatementRepository.chunks(recordIds)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT "
                        + columns
                        + " FROM statements WHERE entity_id IN ("
                        + JdbcStatementRepository.placeholders(chunk.size())
                        + ")")) {
              JdbcStatementRepository.bindAll(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(row(rs));
                }
              }
            }
          }
          return out;
        });
  }

  private StatementRow row(ResultSet rs) throws java.sql.SQLException {
    int spanStart = rs.getInt(7);
    Optional<Span> span =
        rs.wasNull() ? Optional.empty() : Optional.of(new Span(spanStart, rs.getInt(8)));
    int grade = rs.getInt(11);
    OptionalInt credibility = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(grade);
    String key =
        rs.getString(12)
            + '\u001f'
            + rs.getString(13)
            + '\u001f'
            + rs.getString(14)
            + '\u001f'
            + rs.getString(15);
    Marking marking = markings.get(key);
    if (marking == null) {
      marking = Rows.marking(rs, 12);
      markings.put(key, marking);
    }
    return new StatementRow(
        rs.getString(1),
        rs.getString(2),
        Schema.expect(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        span,
        rs.getString(9),
        rs.getDouble(10),
        credibility,
        marking);
  }
}
