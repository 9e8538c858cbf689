/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

/** A count with its noun in the right number: "1 link", "0 links", "3 links". */
public final class Plural {
  private Plural() {}

  public static String of(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
