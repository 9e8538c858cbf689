/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
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
    if (limit < 1 || limit > NeighbourhoodRequest.MAX_LIMIT) {
      throw new InvalidValueException(
          "limit " + limit + " is outside 1.." + NeighbourhoodRequest.MAX_LIMIT);
    }
    NetworkIndex current = indexes.current(viewer);
    String canonical = StoreNetwork.expectVisible(entityId, current.visibility(viewer));
    Set<String> members = clusters.view(viewer).members(canonical);
    List<String> referrers = new ArrayList<>();
    boolean truncated =
        db.read(
            c -> {
              for (List<String> chunk : JdbcStatementRepository.chunks(members)) {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT DISTINCT entity_id FROM statement_refs WHERE ref_id IN ("
                            + JdbcStatementRepository.placeholders(chunk.size())
                            + ") ORDER BY entity_id")) {
                  JdbcStatementRepository.bindAll(ps, chunk);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      if (referrers.size() == MAX_TIMELINE_RECORDS) {
                        return true;
                      }
                      referrers.add(rs.getString(1));
                    }
                  }
                }
              }
              return false;
            });
    List<StatementRow> all = new ArrayList<>();
    for (StatementRow s : rows.rows(concat(members, referrers))) {
      if (MarkingPolicy.canSee(viewer, s.marking())) {
        all.add(s);
      }
    }
    Map<String, List<StatementRow>> byRecord = new LinkedHashMap<>();
    for (StatementRow s : all) {
      byRecord.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
    }
    Set<String> otherEnds = new LinkedHashSet<>();
    for (String record : referrers) {
      for (StatementRow s : byRecord.getOrDefault(record, List.of())) {
        if (s.isReference() && !members.contains(s.value())) {
          otherEnds.add(clusters.view(viewer).canonicalId(s.value()));
        }
      }
    }
    Map<String, NodeCaptions.NodeInfo> captions = nodeCaptions.of(otherEnds, viewer);
    EvidenceReader evidence = new EvidenceReader(db, viewer, all);
    List<TimelineView.Item> items = new ArrayList<>();
    for (String member : members) {
      for (StatementRow s : byRecord.getOrDefault(member, List.of())) {
        if (s.isDate()) {
          items.add(
              new TimelineView.Item(
                  s.value(),
                  TimelineView.Kind.STATEMENT,
                  s.schema().ftmName(),
                  s.property(),
                  Optional.of(canonical),
                  List.of(evidence.single(s))));
        }
      }
    }
    for (String record : referrers) {
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
                describe(s, sameSource, members, captions, viewer),
                Optional.of(clusters.view(viewer).canonicalId(record)),
                evidence.of(sameSource, StatementRow::isReference)));
      }
    }
    items.sort(
        (a, b) -> {
          int byDate = a.date().compareTo(b.date());
          return byDate != 0 ? byDate : a.label().compareTo(b.label());
        });
    boolean cut = truncated || items.size() > limit;
    return new TimelineView(canonical, items.subList(0, Math.min(limit, items.size())), cut);
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

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
