/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

/** Which way a walk may cross a directed edge; on an undirected graph both are the same. */
public enum Direction {
  /** From source to target only. */
  OUTGOING,
  /** Either way: the usual question "how are these two connected?". */
  BOTH
}
