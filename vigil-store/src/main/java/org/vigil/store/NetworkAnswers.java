/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.graph.Graph;
import org.vigil.model.Schema;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;

/**
 * The evidence assembly of network answers: a walk's nodes and links read back from the statements
 * the reader may see, links grouped per stating record and pair of ends, each with its wording (its
 * schema's), dates, marking and evidence sentences.
 */
final class NetworkAnswers {
  private final Database db;
  private final Clusters clusters;
  private final JdbcNetwork rows;
  private final NodeCaptions captions;

  NetworkAnswers(Database db, Clusters clusters, JdbcNetwork rows, NodeCaptions captions) {
    this.db = requireNonNull(db, "db");
    this.clusters = requireNonNull(clusters, "clusters");
    this.rows = requireNonNull(rows, "rows");
    this.captions = requireNonNull(captions, "captions");
  }

  /** Nodes and links read back for one answer; {@code edgeIdOf} maps link numbers to edge ids. */
  record Answer(List<NetworkNode> nodes, List<NetworkEdge> edges, Map<Integer, String> edgeIdOf) {}

  /**
   * Reads the nodes (captions, schemata, levels) and the links (grouped per stating entity and pair
   * of ends, with their visible evidence from the sources whose links were walked).
   */
  Answer assemble(
      NetworkIndex current, Map<String, OptionalInt> nodeIds, List<Integer> edges, Viewer viewer) {
    Graph graph = current.graph;
    Map<String, NodeCaptions.NodeInfo> entities = captions.of(nodeIds.keySet(), viewer);
    List<NetworkNode> nodes = new ArrayList<>();
    for (Map.Entry<String, OptionalInt> n : nodeIds.entrySet()) {
      NodeCaptions.NodeInfo entity = entities.get(n.getKey());
      if (entity != null) {
        nodes.add(
            new NetworkNode(
                n.getKey(),
                entity.caption(),
                entity.schema().ftmName(),
                entity.tlp().code(),
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
    for (StatementRow s : rows.rows(records)) {
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
                              || clusters.view(viewer).canonicalId(s.value()).equals(target)
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
              NodeCaptions.first(said, "role"),
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
              said.isEmpty() ? Tlp.CLEAR.code() : NodeCaptions.strictest(said).code(),
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
}
