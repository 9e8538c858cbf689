/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import org.vigil.access.Viewer;
import org.vigil.store.StatementRepository;

/**
 * Each organisation writes sources in an id space of its own. The id a write names is taken as it
 * is when the writer's organisation owns that source and the writer may see it; any other id is
 * stored as {@code <organisation>:<id>} (an id that already begins with the writer's organisation
 * and a colon is kept as it is).
 *
 * <p>Why not refuse a write that names another organisation's source? A refusal would answer
 * differently for an id that is taken and one that is free, and document ids can be computed from a
 * guessed text: the refusal would confirm the guess. Here the answer depends only on the writer's
 * own organisation's sources (a write naming a foreign id and one naming an unused id both land in
 * the writer's space, under the same rule), so nothing is learnt about anyone else's, and another
 * organisation's source, its title, reliability, marking and statements are never touched. The
 * store refuses any write to a source of another owner all the same ({@link
 * org.vigil.store.SourceConflictException}), as a second line.
 */
final class SourceIds {
  private final StatementRepository statements;
  private final Viewer writer;

  SourceIds(StatementRepository statements, Viewer writer) {
    this.statements = requireNonNull(statements, "statements");
    this.writer = requireNonNull(writer, "writer");
  }

  /** The id a source named {@code named} in a write is stored under. */
  String resolve(String named) {
    requireNonNull(named, "named");
    String prefix = writer.orgId() + ":";
    if (named.startsWith(prefix) || isOwnVisibleSource(named)) {
      return named;
    }
    return prefix + named;
  }

  /**
   * Whether this source is stored, owned by the writer's organisation and visible to the writer.
   */
  boolean isOwnVisibleSource(String id) {
    return statements
        .source(id, writer)
        .filter(s -> s.marking().ownerOrg().equals(writer.orgId()))
        .isPresent();
  }
}
