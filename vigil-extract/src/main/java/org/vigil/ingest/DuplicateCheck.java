/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How a document relates to those seen before it.
 *
 * @param kind new, an exact copy or a near copy
 * @param original the id of the earlier document it copies, for a copy
 * @param similarity the estimated share of text it has in common with {@code original} (1 for an
 *     exact copy), or with nothing (0) for a new document
 */
public record DuplicateCheck(Kind kind, Optional<String> original, double similarity) {

  /** New, an exact copy or a near copy. */
  public enum Kind {
    NEW,
    EXACT_DUPLICATE,
    NEAR_DUPLICATE
  }

  public DuplicateCheck {
    requireNonNull(kind, "kind");
    requireNonNull(original, "original");
    if ((kind == Kind.NEW) == original.isPresent()) {
      throw new IllegalArgumentException("a copy names its original, a new document none");
    }
  }

  /** Whether later corroboration should count this document and its original as one source. */
  public boolean isCopy() {
    return kind != Kind.NEW;
  }
}
