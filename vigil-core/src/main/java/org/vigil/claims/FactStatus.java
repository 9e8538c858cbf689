/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

/**
 * Where a proposition stands: corroborated by several independent origins, said by a single origin,
 * disputed (independent origins on both sides, or a value that cannot hold together with another
 * asserted one), denied (only denials), only speculated, or of no known origin.
 */
public record FactStatus(Kind kind, int origins) {

  /** The kinds of standing. */
  public enum Kind {
    CORROBORATED,
    SINGLE_ORIGIN,
    DISPUTED,
    DENIED,
    SPECULATED,
    UNKNOWN_ORIGIN
  }

  public FactStatus {
    requireNonNull(kind, "kind");
    if (origins < 0) {
      throw new IllegalArgumentException("origins " + origins + " is negative");
    }
  }

  /** The status a reader sees: "corroborated by 2 independent origins". */
  public String label() {
    return switch (kind) {
      case CORROBORATED -> "corroborated by " + origins + " independent origins";
      case SINGLE_ORIGIN -> "single origin";
      case DISPUTED -> "disputed";
      case DENIED -> "denied";
      case SPECULATED -> "only speculated";
      case UNKNOWN_ORIGIN -> "no known origin";
    };
  }

  /** A short lower-case code for markup and JSON: "corroborated". */
  public String code() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
