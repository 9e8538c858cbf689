/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.TimelineView;
import org.vigil.network.UnknownEntityException;

/**
 * An entity's timeline: its own dated statements and the dated records that refer to it (events,
 * links, designations), each worded from the entity's point of view, with its evidence, and only
 * what the reader may see.
 */
final class Timelines {
  /** Most records a timeline reads about one entity. */
  private static final int MAX_TIMELINE_RECORDS = 5_000;

  private final Database db;
  private final Clusters clusters;
  private final NetworkIndexes indexes;
  private final JdbcNetwork rows;
  private final NodeCaptions nodeCaptions;

  Timelines(
      Database db,
      Clusters clusters,
      NetworkIndexes indexes,
      JdbcNetwork rows,
      NodeCaptions nodeCaptions) {
    this.db = requireNonNull(db, "db");
    this.clusters = requireNonNull(clusters, "clusters");
    this.indexes = requireNonNull(indexes, "indexes");
    this.rows = requireNonNull(rows, "rows");
    this.nodeCaptions = requireNonNull(nodeCaptions, "nodeCaptions");
  }

  TimelineView timeline(String entityId, int limit, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    checkLimit(limit);
    NetworkIndex current = indexes.current(viewer);
    String canonical = StoreNetwork.expectVisible(entityId, current.visibility(viewer));
    return read(List.of(canonical), limit, viewer).get(canonical);
  }

  /**
   * The timelines of several entities, each as {@link #timeline} answers it, read together: a few
   * queries for them all rather than a few per entity. Keyed by the ids asked for; an id that is
   * unknown or that the reader may not see is left out.
   */
  Map<String, TimelineView> timelines(Collection<String> entityIds, int limit, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    checkLimit(limit);
    NetworkIndex current = indexes.current(viewer);
    Map<String, String> canonicalOf = new LinkedHashMap<>();
    for (String id : entityIds) {
      try {
        canonicalOf.put(id, StoreNetwork.expectVisible(id, current.visibility(viewer)));
      } catch (UnknownEntityException e) {
        // left out, as the reader's own timeline of it would be refused
      }
    }
    Map<String, TimelineView> read =
        read(List.copyOf(new LinkedHashSet<>(canonicalOf.values())), limit, viewer);
    Map<String, TimelineView> out = new LinkedHashMap<>();
    canonicalOf.forEach((id, canonical) -> out.put(id, read.get(canonical)));
    return out;
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > NeighbourhoodRequest.MAX_LIMIT) {
      throw new InvalidValueException(
          "limit " + limit + " is outside 1.." + NeighbourhoodRequest.MAX_LIMIT);
    }
  }

  /** What one entity's timeline is read from: its cluster's members and the records citing them. */
  private static final class Reach {
    final String canonical;
    final Set<String> members;
    final List<String> referrers = new ArrayList<>();
    boolean truncated;

    Reach(String canonical, Set<String> members) {
      this.canonical = canonical;
      this.members = members;
    }
  }

  /** The timelines of visible canonical entities, by canonical id. */
  private Map<String, TimelineView> read(List<String> canonicals, int limit, Viewer viewer) {
    Map<String, Reach> reaches = new LinkedHashMap<>();
    for (String canonical : canonicals) {
      reaches.put(canonical, new Reach(canonical, clusters.view(viewer).members(canonical)));
    }
    db.read(
        c -> {
          for (List<Reach> batch : batches(reaches.values())) {
            referrers(c, batch);
          }
          return null;
        });
    Set<String> records = new LinkedHashSet<>();
    for (Reach r : reaches.values()) {
      records.addAll(r.members);
      records.addAll(r.referrers);
    }
    List<StatementRow> all = new ArrayList<>();
    for (StatementRow s : rows.rows(records)) {
      if (MarkingPolicy.canSee(viewer, s.marking())) {
        all.add(s);
      }
    }
    // One order however the rows were asked for (alone or with other entities' rows).
    all.sort(Comparator.comparing(StatementRow::entityId).thenComparing(StatementRow::id));
    Map<String, List<StatementRow>> byRecord = new LinkedHashMap<>();
    for (StatementRow s : all) {
      byRecord.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
    }
    Set<String> otherEnds = new LinkedHashSet<>();
    for (Reach r : reaches.values()) {
      for (String record : r.referrers) {
        for (StatementRow s : byRecord.getOrDefault(record, List.of())) {
          if (s.isReference() && !r.members.contains(s.value())) {
            otherEnds.add(clusters.view(viewer).canonicalId(s.value()));
          }
        }
      }
    }
    Map<String, NodeCaptions.NodeInfo> captions = nodeCaptions.of(otherEnds, viewer);
    EvidenceReader evidence = new EvidenceReader(db, viewer, all);
    Map<String, TimelineView> out = new LinkedHashMap<>();
    for (Reach r : reaches.values()) {
      out.put(r.canonical, timeline(r, byRecord, captions, evidence, limit, viewer));
    }
    return out;
  }

  /**
   * The entities in groups whose members together fit one query (an entity of more members than
   * that, alone), so that no entity's members are split between two queries unless they must be.
   */
  private static List<List<Reach>> batches(Collection<Reach> reaches) {
    List<List<Reach>> out = new ArrayList<>();
    List<Reach> batch = new ArrayList<>();
    int size = 0;
    for (Reach r : reaches) {
      if (!batch.isEmpty() && size + r.members.size() > JdbcStatementRepository.CHUNK) {
        out.add(batch);
        batch = new ArrayList<>();
        size = 0;
      }
      batch.add(r);
      size += r.members.size();
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }

  /**
   * Fills in the records citing each entity's members, in the order of their ids, at most {@link
   * #MAX_TIMELINE_RECORDS} each.
   */
  private static void referrers(Connection c, List<Reach> batch) throws SQLException {
    Map<String, Reach> reachOf = new HashMap<>();
    Set<String> members = new LinkedHashSet<>();
    for (Reach r : batch) {
      r.members.forEach(m -> reachOf.put(m, r));
      members.addAll(r.members);
    }
    for (List<String> chunk : JdbcStatementRepository.chunks(members)) {
      Map<Reach, Set<String>> inChunk = new HashMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT entity_id, ref_id FROM statement_refs WHERE ref_id IN ("
                  + JdbcStatementRepository.placeholders(chunk.size())
                  + ") ORDER BY entity_id")) {
        JdbcStatementRepository.bindAll(ps, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Reach r = reachOf.get(rs.getString(2));
            String record = rs.getString(1);
            if (!inChunk.computeIfAbsent(r, k -> new HashSet<>()).add(record)) {
              continue;
            }
            if (r.referrers.size() == MAX_TIMELINE_RECORDS) {
              r.truncated = true;
            } else if (!r.truncated) {
              r.referrers.add(record);
            }
          }
        }
      }
    }
  }

  private TimelineView timeline(
      Reach r,
      Map<String, List<StatementRow>> byRecord,
      Map<String, NodeCaptions.NodeInfo> captions,
      EvidenceReader evidence,
      int limit,
      Viewer viewer) {
    List<TimelineView.Item> items = new ArrayList<>();
    for (String member : r.members) {
      for (StatementRow s : byRecord.getOrDefault(member, List.of())) {
        if (s.isDate()) {
          items.add(
              new TimelineView.Item(
                  s.value(),
                  TimelineView.Kind.STATEMENT,
                  s.schema().ftmName(),
                  s.property(),
                  Optional.of(r.canonical),
                  List.of(evidence.single(s))));
        }
      }
    }
    for (String record : r.referrers) {
      List<StatementRow> said = byRecord.getOrDefault(record, List.of());
      for (StatementRow s : said) {
        if (!s.isDate()) {
          continue;
        }
        List<StatementRow> sameSource =
            said.stream().filter(o -> o.sourceId().equals(s.sourceId())).toList();
        items.add(
            new TimelineView.Item(
                s.value(),
                s.schema() == Schema.EVENT ? TimelineView.Kind.EVENT : TimelineView.Kind.STATEMENT,
                s.schema().ftmName(),
                describe(s, sameSource, r.members, captions, viewer),
                Optional.of(clusters.view(viewer).canonicalId(record)),
                evidence.of(sameSource, StatementRow::isReference)));
      }
    }
    items.sort(
        (a, b) -> {
          int byDate = a.date().compareTo(b.date());
          return byDate != 0 ? byDate : a.label().compareTo(b.label());
        });
    boolean cut = r.truncated || items.size() > limit;
    return new TimelineView(r.canonical, items.subList(0, Math.min(limit, items.size())), cut);
  }

  /** A timeline label: what the record says, from the entity's point of view, and which date. */
  private String describe(
      StatementRow date,
      List<StatementRow> said,
      Set<String> members,
      Map<String, NodeCaptions.NodeInfo> captions,
      Viewer viewer) {
    Schema schema = date.schema();
    StringBuilder label = new StringBuilder();
    if (schema == Schema.EVENT) {
      label.append(NodeCaptions.first(said, "name").orElse("event"));
      NodeCaptions.first(said, "location").ifPresent(l -> label.append(" (").append(l).append(')'));
    } else if (schema == Schema.SANCTION) {
      label.append("sanctioned");
      NodeCaptions.first(said, "authority").ifPresent(a -> label.append(" by ").append(a));
      NodeCaptions.first(said, "program").ifPresent(p -> label.append(", ").append(p));
    } else {
      String sourceProperty = schema.sourceProperty().orElse("");
      boolean atSource =
          said.stream()
              .anyMatch(s -> s.property().equals(sourceProperty) && members.contains(s.value()));
      label.append(atSource ? schema.linkLabel() : schema.inverseLabel());
      NodeCaptions.first(said, "role").ifPresent(r -> label.append(" (").append(r).append(')'));
      for (StatementRow s : said) {
        if (s.isReference() && !members.contains(s.value())) {
          NodeCaptions.NodeInfo other = captions.get(clusters.view(viewer).canonicalId(s.value()));
          label.append(' ').append(other == null ? s.value() : other.caption());
          break;
        }
      }
    }
    if (!date.property().equals("date")) {
      label.append(" [").append(date.property()).append(']');
    }
    return label.toString();
  }
}
