/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.vigil.model.Statement;

/**
 * What importing a STIX bundle will write, decided before anything is written: the valid objects
 * (kept whole, unknown properties and custom objects included), the statements made of those Vigil
 * has a schema for, and every object refused with the reason.
 *
 * @param kept every valid object, as read
 * @param statements the statements of the mapped objects, newest version of each, revoked left out
 * @param mapped how many objects became entities or links
 * @param revoked how many objects were revoked (kept, not mapped)
 * @param rejected the refused objects
 */
public record StixImportPlan(
    List<ObjectNode> kept,
    List<Statement> statements,
    int mapped,
    int revoked,
    List<Rejected> rejected) {
  public StixImportPlan {
    kept = List.copyOf(kept);
    statements = List.copyOf(statements);
    rejected = List.copyOf(rejected);
  }

  /** An object that was not imported: its id (or position) and why. */
  public record Rejected(String object, String reason) {
    public Rejected {
      requireNonNull(object, "object");
      requireNonNull(reason, "reason");
    }
  }
}
