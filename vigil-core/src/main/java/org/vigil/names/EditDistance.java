/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/** Optimal string alignment distance: Levenshtein plus swaps of two adjacent characters. */
final class EditDistance {

  private EditDistance() {}

  /**
   * As {@link #bounded(String, String, int)}, given the letters of each string as sets ({@link
   * WeighedName#letters}): when the sets differ by more than twice the limit, the distance is over
   * it without a table.
   */
  static int bounded(String a, String b, int limit, long lettersOfA, long lettersOfB) {
    if ((Long.bitCount(lettersOfA ^ lettersOfB) + 1) / 2 > limit) {
      return limit + 1;
    }
    return bounded(a, b, limit);
  }

  /**
   * The distance between {@code a} and {@code b}, or {@code limit + 1} as soon as it is known to
   * exceed {@code limit}.
   */
  static int bounded(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    // three rows of one array, taking turns: row r starts at r * width
    int width = m + 1;
    int[] rows = new int[3 * width];
    int before = 0;
    int previous = width;
    int current = 2 * width;
    for (int j = 0; j <= m; j++) {
      rows[previous + j] = j;
    }
    for (int i = 1; i <= n; i++) {
      rows[current] = i;
      int rowMin = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int value =
            Math.min(
                Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1),
                rows[previous + j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          value = Math.min(value, rows[before + j - 2] + 1);
        }
        rows[current + j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(rows[previous + m], limit + 1);
  }
}
