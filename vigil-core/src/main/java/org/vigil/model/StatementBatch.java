/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks that a batch of statements describes whole entities before any of it is stored. */
public final class StatementBatch {
  private StatementBatch() {}

  /**
   * The problems with a batch, in the order of its entities; empty when it may be stored. An edge
   * must carry both its ends, a sanction its entity, and an entity one schema family (a record that
   * says Person in one statement and Vessel in another is a mistake, not a refinement).
   */
  public static List<String> problems(List<Statement> statements) {
    Map<String, List<Statement>> byEntity = new LinkedHashMap<>();
    for (Statement s : statements) {
      byEntity.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Statement>> e : byEntity.entrySet()) {
      List<Statement> group = e.getValue();
      Schema first = group.get(0).schema();
      for (Statement s : group) {
        if (!s.schema().isA(first.ftmName()) && !first.isA(s.schema().ftmName())) {
          problems.add(
              "entity "
                  + e.getKey()
                  + " is both "
                  + first.ftmName()
                  + " and "
                  + s.schema().ftmName());
          break;
        }
      }
      Map<Schema, Integer> counts = new LinkedHashMap<>();
      for (Statement s : group) {
        counts.merge(s.schema(), 1, Integer::sum);
      }
      Schema schema = Entity.mostSpecific(counts);
      for (String required : schema.required()) {
        boolean present = group.stream().anyMatch(s -> s.property().equals(required));
        if (!present) {
          problems.add(
              schema.ftmName()
                  + " "
                  + e.getKey()
                  + " has no '"
                  + required
                  + "'; a "
                  + schema.ftmName()
                  + " needs "
                  + String.join(" and ", schema.required()));
        }
      }
    }
    return problems;
  }
}
