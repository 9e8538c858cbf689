/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What happened to an entity, oldest first: the events that involve it and its dated statements
 * (its own dates, the dates of its links and sanctions), only those the reader may see.
 */
public record TimelineView(String entity, List<Item> items, boolean truncated) {
  public TimelineView {
    requireNonNull(entity, "entity");
    items = List.copyOf(items);
  }

  /** The kinds of item. */
  public enum Kind {
    EVENT,
    STATEMENT
  }

  /**
   * One dated item: its date ("2021", "2021-08" or "2021-08-29"), kind, the schema of the entity
   * that states it, a label ("Employment: minister", "birthDate"), that entity's id, and evidence.
   */
  public record Item(
      String date,
      Kind kind,
      String schema,
      String label,
      Optional<String> entityId,
      List<Evidence> evidence) {
    public Item {
      requireNonNull(date, "date");
      requireNonNull(kind, "kind");
      requireNonNull(schema, "schema");
      requireNonNull(label, "label");
      requireNonNull(entityId, "entityId");
      evidence = List.copyOf(evidence);
    }
  }
}
