/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import org.vigil.model.InvalidValueException;

/**
 * Up to {@code k} shortest loopless paths (fewest links first) between two entities over the links
 * {@code filter} admits, each link taken either way.
 */
public record PathRequest(String from, String to, int k, LinkFilter filter) {
  public static final int MAX_K = 10;

  /**
   * @throws InvalidValueException naming a k out of range
   */
  public PathRequest {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(filter, "filter");
    if (k < 1 || k > MAX_K) {
      throw new InvalidValueException("k " + k + " is outside 1.." + MAX_K);
    }
  }

  public static PathRequest shortest(String from, String to) {
    return new PathRequest(from, to, 1, LinkFilter.ALL);
  }
}
