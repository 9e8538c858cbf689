/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

/** One node's value under one measure. */
public record NodeScore(String nodeId, double value) {
  public NodeScore {
    requireNonNull(nodeId, "nodeId");
  }
}
