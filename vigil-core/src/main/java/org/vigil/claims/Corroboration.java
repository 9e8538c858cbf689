/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

/**
 * How many independent origins assert (or allege) a proposition, how many deny it and how many only
 * speculate, and how many claims have no known origin (never counted as an origin). Kept apart from
 * any grade: it is a count, not a score.
 */
public record Corroboration(int asserting, int denying, int speculating, int unknownOrigin) {

  public Corroboration {
    if (asserting < 0 || denying < 0 || speculating < 0 || unknownOrigin < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /** "1 origin asserts, 1 origin denies"; "no known origin" when nothing counts. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    part(out, asserting, "asserts", "assert");
    part(out, denying, "denies", "deny");
    part(out, speculating, "speculates", "speculate");
    if (out.isEmpty()) {
      out.append("no known origin");
    }
    if (unknownOrigin > 0) {
      out.append(
          unknownOrigin == 1
              ? " (1 claim of unknown origin)"
              : " (" + unknownOrigin + " claims of unknown origin)");
    }
    return out.toString();
  }

  private static void part(StringBuilder out, int n, String one, String many) {
    if (n == 0) {
      return;
    }
    if (!out.isEmpty()) {
      out.append(", ");
    }
    out.append(n).append(n == 1 ? " origin " + one : " origins " + many);
  }
}
