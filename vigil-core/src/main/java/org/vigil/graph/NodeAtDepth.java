/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

/** A node reached by a walk and the number of edges from the start. */
public record NodeAtDepth(String nodeId, int depth) {
  public NodeAtDepth {
    requireNonNull(nodeId, "nodeId");
  }
}
