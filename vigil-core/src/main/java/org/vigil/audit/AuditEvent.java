/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something a user did, before it is written: who, what, on which object, and a short detail.
 *
 * @param actor the user's id, or "anonymous" for a failed login of an unknown name
 * @param action what was done
 * @param target the object acted on: an entity id, a source id, a username
 * @param detail free text for the reader of the log (a search string, the count of statements)
 * @param remoteAddress the client's address, or "cli" for the command line
 * @param at when
 */
public record AuditEvent(
    String actor,
    AuditAction action,
    String target,
    String detail,
    String remoteAddress,
    Instant at) {
  public AuditEvent {
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(detail, "detail");
    requireNonNull(remoteAddress, "remoteAddress");
    requireNonNull(at, "at");
  }
}
