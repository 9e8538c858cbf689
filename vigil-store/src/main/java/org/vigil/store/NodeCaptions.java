/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.Schema;
import org.vigil.model.Tlp;

/** How the network's nodes show: caption, schema and strictest TLP level, as a reader sees them. */
final class NodeCaptions {
  private final Clusters clusters;
  private final JdbcNetwork rows;

  NodeCaptions(Clusters clusters, JdbcNetwork rows) {
    this.clusters = requireNonNull(clusters, "clusters");
    this.rows = requireNonNull(rows, "rows");
  }

  /** What a node shows: caption, schema and strictest TLP level, from its visible statements. */
  record NodeInfo(String caption, Schema schema, Tlp tlp) {}

  /**
   * The nodes with these canonical ids as the viewer sees them (all members' visible statements);
   * those with nothing visible are left out. The caption is the first name, else title, else a
   * description (an unnamed "this network" mention), else the id; the schema is the one that
   * specialises all others given, else the most frequent.
   */
  Map<String, NodeInfo> of(Collection<String> canonicalIds, Viewer viewer) {
    Map<String, String> canonicalOf = new HashMap<>();
    for (String id : canonicalIds) {
      for (String member : clusters.view(viewer).members(id)) {
        canonicalOf.put(member, id);
      }
    }
    Map<String, List<StatementRow>> visible = new HashMap<>();
    for (StatementRow row : rows.captionRows(canonicalOf.keySet())) {
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

  static Tlp strictest(Collection<StatementRow> statements) {
    Tlp strictest = Tlp.CLEAR;
    for (StatementRow s : statements) {
      if (s.marking().tlp().ordinal() > strictest.ordinal()) {
        strictest = s.marking().tlp();
      }
    }
    return strictest;
  }

  /** The first value of {@code property} among {@code said}. */
  static Optional<String> first(List<StatementRow> said, String property) {
    return said.stream()
        .filter(s -> s.property().equals(property))
        .map(StatementRow::value)
        .findFirst();
  }
}
