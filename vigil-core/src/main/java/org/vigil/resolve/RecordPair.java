/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

/** An unordered pair of record ids, kept with the smaller id first. */
public record RecordPair(String left, String right) {
  public RecordPair {
    requireNonNull(left, "left");
    requireNonNull(right, "right");
    if (left.compareTo(right) > 0) {
      String swap = left;
      left = right;
      right = swap;
    }
  }

  public static RecordPair of(String a, String b) {
    return new RecordPair(a, b);
  }
}
