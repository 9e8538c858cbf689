/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * A stretch of a document's text labelled with an entity type: a gold annotation or a prediction.
 *
 * @param type the entity type
 * @param start the first char, inclusive
 * @param end the last char, exclusive
 */
public record TypedSpan(EntityType type, int start, int end) {
  public TypedSpan {
    requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("[" + start + ", " + end + ") is not a span");
    }
  }

  boolean overlaps(TypedSpan other) {
    return start < other.end && other.start < end;
  }

  boolean sameExtent(TypedSpan other) {
    return start == other.start && end == other.end;
  }
}
