/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.graph.EdgeData;
import org.vigil.graph.Graph;
import org.vigil.graph.GraphBuilder;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PartialDate;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.network.LinkFilter;

/**
 * The links of the stored statements held in memory as one {@link Graph}, with what it takes to
 * decide per reader which nodes and links they may see, so that walks need no query per hop.
 *
 * <p>Nodes are canonical entity ids with at least one statement. A link is what one source says of
 * one edge entity (a Membership, ...) between two ends, or of an event and one entity it involves:
 * its edge number in the graph indexes the arrays here. Each node and each end of a link keeps the
 * set of markings of the statements behind it; a reader sees a node when one of its node's markings
 * is visible, and a link when a marking of each end is visible and both end nodes are visible.
 *
 * <p>Built from three scans of the statements (node markings, reference statements, dates) and one
 * of the sources; immutable once built. Derived data, kept up to date by {@link NetworkIndexes}:
 * after a write, {@link #updated} re-reads the written entities' statements only and returns a new
 * index that shares this one's graph arrays (the graph plus the new nodes and links, {@link
 * Graph#plus}); the written records' old links stay in the graph, hidden from every reader. Links
 * are numbered by record and source up to {@link #baseLinks}, so a record's links are found by a
 * binary search there, and through {@link #addedLinksOf} after it.
 */
final class NetworkIndex {
  private static final String EDGE_SCHEMATA = edgeSchemaList();

  /** Links added or hidden by updates at most, beside a tenth of the base's, before a rebuild. */
  private static final int MAX_PATCHED = 50_000;

  final Clusters.View clusters;
  final Graph graph;
  final long buildMillis;

  private final Marking[] markings;
  private final int[][] markingSets;
  private final int[] nodeSet;
  private final String[] linkRecord;
  private final String[] linkSource;
  private final int[] sourceSet;
  private final int[] targetSet;
  private final byte[] linkGrade;

  // What updates need, changed only by updated() under NetworkIndexes' lock; readers never use it.
  private final Interner interner;
  private final Map<String, Reliability> grades;
  private final int emptySet;
  private final int baseLinks;
  private final Map<String, int[]> addedLinksOf;
  private final int hiddenLinks;

  private NetworkIndex(
      Clusters.View clusters,
      Graph graph,
      long buildMillis,
      int[] nodeSet,
      String[] linkRecord,
      String[] linkSource,
      int[] sourceSet,
      int[] targetSet,
      byte[] linkGrade,
      Interner interner,
      Map<String, Reliability> grades,
      int baseLinks,
      Map<String, int[]> addedLinksOf,
      int hiddenLinks) {
    this.clusters = clusters;
    this.graph = graph;
    this.buildMillis = buildMillis;
    this.emptySet = interner.set(new int[0]);
    this.markings = interner.markings.toArray(Marking[]::new);
    this.markingSets = interner.sets.toArray(int[][]::new);
    this.nodeSet = nodeSet;
    this.linkRecord = linkRecord;
    this.linkSource = linkSource;
    this.sourceSet = sourceSet;
    this.targetSet = targetSet;
    this.linkGrade = linkGrade;
    this.interner = interner;
    this.grades = grades;
    this.baseLinks = baseLinks;
    this.addedLinksOf = addedLinksOf;
    this.hiddenLinks = hiddenLinks;
  }

  /** Links a reader may see at most: those of the graph less the ones updates hid. */
  int liveLinks() {
    return graph.edgeCount() - hiddenLinks;
  }

  /** Whether updates have added or hidden so many links that a rebuild is due. */
  boolean worthRebuilding() {
    return graph.edgeCount() - baseLinks + hiddenLinks > MAX_PATCHED + baseLinks / 10;
  }

  /** The id of the entity (edge or event) that states link {@code edge}. */
  String record(int edge) {
    return linkRecord[edge];
  }

  /** The id of the source that states link {@code edge}. */
  String source(int edge) {
    return linkSource[edge];
  }

  /** What one reader may see, decided once per marking and per marking set. */
  Visibility visibility(Viewer viewer) {
    boolean[] markingVisible = new boolean[markings.length];
    for (int m = 0; m < markings.length; m++) {
      markingVisible[m] = MarkingPolicy.canSee(viewer, markings[m]);
    }
    boolean[] setVisible = new boolean[markingSets.length];
    for (int s = 0; s < markingSets.length; s++) {
      for (int m : markingSets[s]) {
        if (markingVisible[m]) {
          setVisible[s] = true;
          break;
        }
      }
    }
    return new Visibility(setVisible);
  }

  /** One reader's view of the index. */
  final class Visibility {
    private final boolean[] setVisible;

    private Visibility(boolean[] setVisible) {
      this.setVisible = setVisible;
    }

    boolean node(int node) {
      return setVisible[nodeSet[node]];
    }

    /** The canonical id of {@code recordId} in this index's clusters (the reader's). */
    String canonicalId(String recordId) {
      return clusters.canonicalId(recordId);
    }

    boolean node(String id) {
      return graph.indexOf(id).stream().anyMatch(this::node);
    }

    boolean link(int edge) {
      return setVisible[sourceSet[edge]]
          && setVisible[targetSet[edge]]
          && node(graph.edgeSource(edge))
          && node(graph.edgeTarget(edge));
    }

    /** Whether the reader may see the link and its source is graded at least {@code minGrade}. */
    boolean link(int edge, Optional<Reliability> minGrade) {
      return (minGrade.isEmpty() || linkGrade[edge] <= minGrade.get().ordinal()) && link(edge);
    }
  }

  static NetworkIndex build(Database db, Clusters.View clusters) {
    long started = System.nanoTime();
    return db.read(
        c -> {
          Interner interner = new Interner();
          Map<String, int[]> nodeMarkings = new HashMap<>();
          readNodeMarkings(c, null, clusters, interner, nodeMarkings);
          Map<String, Reliability> grades = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id, reliability FROM sources");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              grades.put(rs.getString(1), Reliability.valueOf(rs.getString(2)));
            }
          }
          Map<String, LocalDate> dates = new HashMap<>();
          readDates(c, null, dates);
          Map<String, LinkParts> parts = new HashMap<>();
          readParts(c, null, clusters, interner, parts);
          return assemble(interner, nodeMarkings, grades, dates, parts, clusters, started);
        });
  }

  /**
   * This index with the statements of {@code written} (entity ids) as they are stored now: their
   * nodes' markings, their links (each written record's old ones hidden, its current ones added),
   * and the links of records naming a node that came to be or ceased to be. Reads those entities'
   * statements only; this index is unchanged and may still be read.
   */
  NetworkIndex updated(Database db, Set<String> written) {
    return db.read(
        c -> {
          Set<String> nodes = new TreeSet<>();
          Set<String> members = new TreeSet<>();
          for (String id : written) {
            nodes.add(clusters.canonicalId(id));
            members.addAll(clusters.members(id));
          }
          Map<String, int[]> nodeMarkings = new HashMap<>();
          readNodeMarkings(c, members, clusters, interner, nodeMarkings);
          Set<String> records = new TreeSet<>(written);
          Set<String> flipped = new TreeSet<>();
          for (String node : nodes) {
            if (isNode(node) != nodeMarkings.containsKey(node)) {
              flipped.addAll(clusters.members(node));
            }
          }
          if (!flipped.isEmpty()) {
            records.addAll(referring(c, flipped));
          }
          Map<String, LocalDate> dates = new HashMap<>();
          readDates(c, records, dates);
          Map<String, LinkParts> parts = new HashMap<>();
          readParts(c, records, clusters, interner, parts);
          Set<String> sources = new TreeSet<>();
          parts.values().forEach(p -> sources.add(p.source));
          // a write may re-grade its source: read the grade of every source of what was written
          scan(
              c,
              "SELECT DISTINCT source_id FROM statements WHERE source_id IS NOT NULL",
              written,
              rs -> sources.add(rs.getString(1)));
          Map<String, Reliability> fresh = readGrades(c, sources);
          return patch(nodes, nodeMarkings, records, dates, parts, fresh);
        });
  }

  /** Whether {@code node} is a node with statements of its own now. */
  private boolean isNode(String node) {
    OptionalInt n = graph.indexOf(node);
    return n.isPresent() && nodeSet[n.getAsInt()] != emptySet;
  }

  private static Map<String, Reliability> readGrades(Connection c, Set<String> sources)
      throws SQLException {
    Map<String, Reliability> out = new HashMap<>();
    List<String> ids = new ArrayList<>(sources);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, reliability FROM sources WHERE id IN (" + marks(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), Reliability.valueOf(rs.getString(2)));
          }
        }
      }
    }
    return out;
  }

  /** The links of {@code record} in the graph, hidden or not. */
  private List<Integer> linksOf(String record) {
    List<Integer> out = new ArrayList<>();
    int low = 0;
    int high = baseLinks;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (linkRecord[mid].compareTo(record) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (int e = low; e < baseLinks && linkRecord[e].equals(record); e++) {
      out.add(e);
    }
    for (int e : addedLinksOf.getOrDefault(record, new int[0])) {
      out.add(e);
    }
    return out;
  }

  private NetworkIndex patch(
      Set<String> nodes,
      Map<String, int[]> nodeMarkings,
      Set<String> records,
      Map<String, LocalDate> dates,
      Map<String, LinkParts> parts,
      Map<String, Reliability> fresh) {
    int m = graph.edgeCount();
    byte[] gradeOf = linkGrade.clone();
    for (Map.Entry<String, Reliability> g : fresh.entrySet()) {
      Reliability before = grades.put(g.getKey(), g.getValue());
      if (before != null && before != g.getValue()) {
        // a write re-graded its source: every link of that source reads the new grade
        for (int e = 0; e < m; e++) {
          if (linkSource[e].equals(g.getKey())) {
            gradeOf[e] = (byte) g.getValue().ordinal();
          }
        }
      }
    }
    int[] sources = sourceSet.clone();
    int hidden = hiddenLinks;
    for (String record : records) {
      for (int e : linksOf(record)) {
        if (sources[e] != emptySet) {
          sources[e] = emptySet;
          hidden++;
        }
      }
      addedLinksOf.remove(record);
    }
    List<String> newNodes = new ArrayList<>();
    for (String node : nodes) {
      if (nodeMarkings.containsKey(node) && !graph.contains(node)) {
        newNodes.add(node);
      }
    }
    List<LinkParts> ordered = new ArrayList<>(parts.values());
    ordered.sort(LinkParts.BY_RECORD_THEN_SOURCE);
    List<EdgeData> edges = new ArrayList<>();
    List<String> records2 = new ArrayList<>();
    List<String> sources2 = new ArrayList<>();
    List<int[]> ends = new ArrayList<>();
    List<Byte> grades2 = new ArrayList<>();
    for (LinkParts link : ordered) {
      Reliability grade = grades.getOrDefault(link.source, Reliability.F);
      Optional<LocalDate> date =
          Optional.ofNullable(dates.get(link.record + '\u001f' + link.source));
      for (Pair pair : link.pairs()) {
        if (!isNodeAfter(pair.source, nodes, nodeMarkings)
            || !isNodeAfter(pair.target, nodes, nodeMarkings)) {
          continue;
        }
        int number = m + edges.size();
        edges.add(
            new EdgeData(
                Integer.toString(number),
                pair.source,
                pair.target,
                link.event ? LinkFilter.EVENT : link.schema,
                1.0,
                date,
                OptionalDouble.of(pair.confidence)));
        records2.add(link.record);
        sources2.add(link.source);
        ends.add(new int[] {interner.set(pair.sourceMarkings), interner.set(pair.targetMarkings)});
        grades2.add((byte) grade.ordinal());
        addedLinksOf.merge(link.record, new int[] {number}, NetworkIndex::concat);
      }
    }
    Graph next = graph.plus(newNodes, edges);
    int total = m + edges.size();
    String[] recordOf = Arrays.copyOf(linkRecord, total);
    String[] sourceOf = Arrays.copyOf(linkSource, total);
    int[] sourceSets = Arrays.copyOf(sources, total);
    int[] targetSets = Arrays.copyOf(targetSet, total);
    byte[] gradesOf = Arrays.copyOf(gradeOf, total);
    for (int k = 0; k < edges.size(); k++) {
      recordOf[m + k] = records2.get(k);
      sourceOf[m + k] = sources2.get(k);
      sourceSets[m + k] = ends.get(k)[0];
      targetSets[m + k] = ends.get(k)[1];
      gradesOf[m + k] = grades2.get(k);
    }
    int[] nodeSets = Arrays.copyOf(nodeSet, next.nodeCount());
    for (String node : nodes) {
      OptionalInt n = next.indexOf(node);
      if (n.isPresent()) {
        int[] marks = nodeMarkings.get(node);
        nodeSets[n.getAsInt()] = marks == null ? emptySet : interner.set(marks);
      }
    }
    return new NetworkIndex(
        clusters,
        next,
        buildMillis,
        nodeSets,
        recordOf,
        sourceOf,
        sourceSets,
        targetSets,
        gradesOf,
        interner,
        grades,
        baseLinks,
        addedLinksOf,
        hidden);
  }

  private boolean isNodeAfter(String node, Set<String> nodes, Map<String, int[]> nodeMarkings) {
    return nodes.contains(node) ? nodeMarkings.containsKey(node) : isNode(node);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * Node markings: the distinct markings of each node's statements, merged per cluster; of every
   * entity, or of {@code entityIds} only.
   */
  private static void readNodeMarkings(
      Connection c,
      Collection<String> entityIds,
      Clusters.View clusters,
      Interner interner,
      Map<String, int[]> into)
      throws SQLException {
    scan(
        c,
        "SELECT DISTINCT entity_id, tlp, owner_org, named_users, restricted_orgs"
            + " FROM statements WHERE schema_name NOT IN ("
            + EDGE_SCHEMATA
            + ", 'Sanction')",
        entityIds,
        rs -> {
          int marking = interner.marking(rs, 2);
          into.merge(
              clusters.canonicalId(rs.getString(1)), new int[] {marking}, NetworkIndex::union);
        });
  }

  /** The earliest start (or date) each source gives each edge or event. */
  private static void readDates(
      Connection c, Collection<String> entityIds, Map<String, LocalDate> into) throws SQLException {
    scan(
        c,
        "SELECT entity_id, source_id, value_text FROM statements"
            + " WHERE property IN ('startDate', 'date') AND schema_name IN ("
            + EDGE_SCHEMATA
            + ", 'Event')",
        entityIds,
        rs -> {
          Optional<LocalDate> day = firstDay(rs.getString(3));
          if (day.isPresent()) {
            into.merge(
                rs.getString(1) + '\u001f' + rs.getString(2),
                day.get(),
                (a, b) -> a.isBefore(b) ? a : b);
          }
        });
  }

  /** The ends of each link, per edge entity (or event) and source. */
  private static void readParts(
      Connection c,
      Collection<String> entityIds,
      Clusters.View clusters,
      Interner interner,
      Map<String, LinkParts> into)
      throws SQLException {
    scan(
        c,
        "SELECT entity_id, schema_name, property, ref_id, source_id, confidence,"
            + " tlp, owner_org, named_users, restricted_orgs FROM statements"
            + " WHERE ref_id IS NOT NULL AND schema_name IN ("
            + EDGE_SCHEMATA
            + ", 'Event')",
        entityIds,
        rs -> {
          String record = rs.getString(1);
          Schema schema = Schema.expect(rs.getString(2));
          String property = rs.getString(3);
          String end = clusters.canonicalId(rs.getString(4));
          String source = rs.getString(5);
          double confidence = rs.getDouble(6);
          int marking = interner.marking(rs, 7);
          LinkParts link =
              into.computeIfAbsent(
                  record + '\u001f' + source, k -> new LinkParts(record, source, schema.ftmName()));
          if (schema == Schema.EVENT) {
            if (property.equals("involved") || property.equals("organizer")) {
              link.sources.add(new End(clusters.canonicalId(record), marking, confidence));
              link.targets.add(new End(end, marking, confidence));
              link.event = true;
            }
          } else if (property.equals(schema.sourceProperty().orElseThrow())) {
            link.sources.add(new End(end, marking, confidence));
          } else if (property.equals(schema.targetProperty().orElseThrow())) {
            link.targets.add(new End(end, marking, confidence));
          }
        });
  }

  private interface RowAction {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Entity ids bound per query at most. */
  private static final int IDS_PER_QUERY = 500;

  /** Runs {@code sql} over all statements, or over those of {@code entityIds}, in chunks. */
  private static void scan(Connection c, String sql, Collection<String> entityIds, RowAction action)
      throws SQLException {
    if (entityIds == null) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(rs);
          }
        }
      }
      return;
    }
    List<String> ids = new ArrayList<>(entityIds);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      try (PreparedStatement ps =
          c.prepareStatement(sql + " AND entity_id IN (" + marks(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(rs);
          }
        }
      }
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** Entities (edges, events) with a statement naming one of {@code entityIds}. */
  private static Set<String> referring(Connection c, Collection<String> entityIds)
      throws SQLException {
    Set<String> out = new TreeSet<>();
    List<String> ids = new ArrayList<>(entityIds);
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT entity_id FROM statement_refs WHERE ref_id IN ("
                  + marks(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  private static NetworkIndex assemble(
      Interner interner,
      Map<String, int[]> nodeMarkings,
      Map<String, Reliability> grades,
      Map<String, LocalDate> dates,
      Map<String, LinkParts> parts,
      Clusters.View clusters,
      long started) {
    GraphBuilder builder = GraphBuilder.directed();
    String[] nodes = nodeMarkings.keySet().toArray(String[]::new);
    Arrays.sort(nodes);
    for (String node : nodes) {
      builder.addNode(node);
    }
    List<LinkParts> ordered = new ArrayList<>(parts.values());
    ordered.sort(LinkParts.BY_RECORD_THEN_SOURCE);
    List<String> records = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<int[]> sourceMarkings = new ArrayList<>();
    List<int[]> targetMarkings = new ArrayList<>();
    List<Byte> linkGrades = new ArrayList<>();
    for (LinkParts link : ordered) {
      Reliability grade = grades.getOrDefault(link.source, Reliability.F);
      Optional<LocalDate> date =
          Optional.ofNullable(dates.get(link.record + '\u001f' + link.source));
      for (Pair pair : link.pairs()) {
        if (!nodeMarkings.containsKey(pair.source) || !nodeMarkings.containsKey(pair.target)) {
          // An end with no statement of its own is no node: no reader could see it.
          continue;
        }
        int number = records.size();
        builder.addEdge(
            new EdgeData(
                Integer.toString(number),
                pair.source,
                pair.target,
                link.event ? LinkFilter.EVENT : link.schema,
                1.0,
                date,
                OptionalDouble.of(pair.confidence)));
        records.add(link.record);
        sources.add(link.source);
        sourceMarkings.add(pair.sourceMarkings);
        targetMarkings.add(pair.targetMarkings);
        linkGrades.add((byte) grade.ordinal());
      }
    }
    Graph graph = builder.build();
    int[] nodeSet = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      nodeSet[graph.expectIndex(nodes[i])] = interner.set(nodeMarkings.get(nodes[i]));
    }
    int m = records.size();
    int[] sourceSet = new int[m];
    int[] targetSet = new int[m];
    byte[] gradeOf = new byte[m];
    for (int e = 0; e < m; e++) {
      sourceSet[e] = interner.set(sourceMarkings.get(e));
      targetSet[e] = interner.set(targetMarkings.get(e));
      gradeOf[e] = linkGrades.get(e);
    }
    return new NetworkIndex(
        clusters,
        graph,
        (System.nanoTime() - started) / 1_000_000,
        nodeSet,
        records.toArray(String[]::new),
        sources.toArray(String[]::new),
        sourceSet,
        targetSet,
        gradeOf,
        interner,
        grades,
        m,
        new HashMap<>(),
        0);
  }

  /** The first day a partial date can mean; empty for a value that is not a date. */
  static Optional<LocalDate> firstDay(String text) {
    try {
      PartialDate date = PartialDate.parse(text);
      return Optional.of(LocalDate.of(date.year(), date.month().orElse(1), date.day().orElse(1)));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static int[] union(int[] a, int[] b) {
    int[] out = a;
    for (int x : b) {
      boolean present = false;
      for (int y : out) {
        if (x == y) {
          present = true;
          break;
        }
      }
      if (!present) {
        out = Arrays.copyOf(out, out.length + 1);
        out[out.length - 1] = x;
      }
    }
    return out;
  }

  private static String edgeSchemaList() {
    StringJoiner list = new StringJoiner(", ");
    for (Schema s : Schema.values()) {
      if (s.isEdge()) {
        list.add("'" + s.ftmName() + "'");
      }
    }
    return list.toString();
  }

  /** Markings and marking sets, each stored once and numbered. */
  private static final class Interner {
    final List<Marking> markings = new ArrayList<>();
    final List<int[]> sets = new ArrayList<>();
    private final Map<String, Integer> markingNumbers = new HashMap<>();
    private final Map<String, Integer> setNumbers = new HashMap<>();

    int marking(ResultSet rs, int first) throws java.sql.SQLException {
      String key =
          rs.getString(first)
              + '\u001f'
              + rs.getString(first + 1)
              + '\u001f'
              + rs.getString(first + 2)
              + '\u001f'
              + rs.getString(first + 3);
      Integer number = markingNumbers.get(key);
      if (number == null) {
        number = markings.size();
        markings.add(Rows.marking(rs, first));
        markingNumbers.put(key, number);
      }
      return number;
    }

    int set(int[] members) {
      int[] sorted = members.clone();
      Arrays.sort(sorted);
      return setNumbers.computeIfAbsent(
          Arrays.toString(sorted),
          k -> {
            sets.add(sorted);
            return sets.size() - 1;
          });
    }
  }

  private record End(String node, int marking, double confidence) {}

  private record Pair(
      String source,
      String target,
      int[] sourceMarkings,
      int[] targetMarkings,
      double confidence) {}

  /** What one source says of one edge entity or event: the statements naming each end. */
  private static final class LinkParts {
    /**
     * The order of the index's links, by record and then source: the full build and a patch lay
     * their links out in it, and a patch finds a record's base links by binary search on the
     * record.
     */
    static final Comparator<LinkParts> BY_RECORD_THEN_SOURCE =
        Comparator.<LinkParts, String>comparing(l -> l.record).thenComparing(l -> l.source);

    final String record;
    final String source;
    final String schema;
    final List<End> sources = new ArrayList<>(2);
    final List<End> targets = new ArrayList<>(2);
    boolean event;

    LinkParts(String record, String source, String schema) {
      this.record = record;
      this.source = source;
      this.schema = schema;
    }

    /**
     * One link per distinct pair of ends; each end's markings are those of every statement naming
     * it, and the confidence is the weaker of the two ends' best.
     */
    List<Pair> pairs() {
      if (event) {
        // An event links to each entity it involves, through that one statement.
        Map<String, End> byTarget = new TreeMap<>();
        Map<String, int[]> markingsOf = new HashMap<>();
        for (End t : targets) {
          byTarget.merge(t.node, t, (a, b) -> a.confidence >= b.confidence ? a : b);
          markingsOf.merge(t.node, new int[] {t.marking}, NetworkIndex::union);
        }
        List<Pair> out = new ArrayList<>();
        String eventNode = sources.get(0).node;
        for (End t : byTarget.values()) {
          int[] marks = markingsOf.get(t.node);
          out.add(new Pair(eventNode, t.node, marks, marks, t.confidence));
        }
        return out;
      }
      Map<String, int[]> sourceMarks = new TreeMap<>();
      Map<String, Double> sourceConfidence = new HashMap<>();
      for (End s : sources) {
        sourceMarks.merge(s.node, new int[] {s.marking}, NetworkIndex::union);
        sourceConfidence.merge(s.node, s.confidence, Math::max);
      }
      Map<String, int[]> targetMarks = new TreeMap<>();
      Map<String, Double> targetConfidence = new HashMap<>();
      for (End t : targets) {
        targetMarks.merge(t.node, new int[] {t.marking}, NetworkIndex::union);
        targetConfidence.merge(t.node, t.confidence, Math::max);
      }
      List<Pair> out = new ArrayList<>();
      for (Map.Entry<String, int[]> s : sourceMarks.entrySet()) {
        for (Map.Entry<String, int[]> t : targetMarks.entrySet()) {
          out.add(
              new Pair(
                  s.getKey(),
                  t.getKey(),
                  s.getValue(),
                  t.getValue(),
                  Math.min(sourceConfidence.get(s.getKey()), targetConfidence.get(t.getKey()))));
        }
      }
      return out;
    }
  }
}
