/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A link in a network answer: the id of the entity that states it (a Membership, an Event, ...),
 * its two ends as canonical node ids, its schema and a reading label ("member of"), the role when
 * one is stated, the highest confidence of its visible evidence, its dates, the most restrictive
 * TLP level of its visible statements, whether a source disputes it, and the evidence.
 */
public record NetworkEdge(
    String id,
    String source,
    String target,
    String schema,
    String label,
    Optional<String> role,
    double confidence,
    Optional<String> start,
    Optional<String> end,
    String tlp,
    boolean disputed,
    List<Evidence> evidence) {
  public NetworkEdge {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    requireNonNull(schema, "schema");
    requireNonNull(label, "label");
    requireNonNull(role, "role");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(tlp, "tlp");
    evidence = List.copyOf(evidence);
  }
}
