/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import org.vigil.model.InvalidValueException;

/**
 * The entities within {@code depth} links of {@code entity} (an id, canonical or a member's), over
 * the links {@code filter} admits, at most {@code limit} of them (the start included); a larger
 * neighbourhood is cut off and the answer says it is truncated.
 */
public record NeighbourhoodRequest(String entity, int depth, LinkFilter filter, int limit) {
  public static final int MAX_DEPTH = 3;
  public static final int DEFAULT_LIMIT = 500;

  /** The most nodes one answer may hold, whatever the caller asks. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * @throws InvalidValueException naming a depth or limit out of range
   */
  public NeighbourhoodRequest {
    requireNonNull(entity, "entity");
    requireNonNull(filter, "filter");
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new InvalidValueException("depth " + depth + " is outside 1.." + MAX_DEPTH);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }
  }

  public static NeighbourhoodRequest of(String entity, int depth) {
    return new NeighbourhoodRequest(entity, depth, LinkFilter.ALL, DEFAULT_LIMIT);
  }
}
