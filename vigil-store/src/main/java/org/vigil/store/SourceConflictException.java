/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

/**
 * A write named a stored source it may not change: one owned by another organisation, or one whose
 * marking differs from the write's. A source's owner and marking are fixed when it is first stored,
 * so that no statement upload can take over another organisation's document or change who may read
 * it. Nothing of the write was stored.
 *
 * <p>The message names the source for logs; it is not meant for a user who may not see the source
 * (callers answering users choose their own words).
 */
public final class SourceConflictException extends RuntimeException {
  /** Why the write was refused. */
  public enum Kind {
    /** The source belongs to another organisation. */
    OWNED_ELSEWHERE,
    /** The source is the writer's organisation's, stored under another marking. */
    MARKING_FIXED
  }

  private final Kind kind;

  public SourceConflictException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
