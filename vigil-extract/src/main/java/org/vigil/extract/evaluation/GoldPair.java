/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * A relation between two spans of one text, gold or predicted: its label, and the char spans of its
 * head and tail.
 */
public record GoldPair(String label, int headStart, int headEnd, int tailStart, int tailEnd) {
  public GoldPair {
    requireNonNull(label, "label");
    if (headStart < 0 || headEnd <= headStart || tailStart < 0 || tailEnd <= tailStart) {
      throw new IllegalArgumentException(
          label + " [" + headStart + "," + headEnd + ") [" + tailStart + "," + tailEnd + ")");
    }
  }

  /** Whether both ends overlap {@code gold}'s and the labels are the same. */
  boolean finds(GoldPair gold) {
    return label.equals(gold.label)
        && headStart < gold.headEnd
        && gold.headStart < headEnd
        && tailStart < gold.tailEnd
        && gold.tailStart < tailEnd;
  }
}
