/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import java.util.Locale;

/**
 * How one source or party derives from another. Every kind joins both ends into one origin; only
 * copying and citing have a direction, so only they can form a circle.
 */
public enum LinkKind {
  /** An exact or near copy of the other (syndication, a re-post). */
  COPIED_FROM,
  /** Cites or rewrites the other. */
  DERIVED_FROM,
  /** Written by the same author or publisher. */
  SAME_AUTHOR,
  /** Came through the same feed or partner channel. */
  SAME_FEED,
  /** Repeats what the other party said (the claimant of an attributed claim). */
  QUOTES;

  /** The link's code: "copied_from". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the link points from a later text to an earlier one. */
  public boolean directed() {
    return this == COPIED_FROM || this == DERIVED_FROM;
  }

  /**
   * Reads a code such as "derived_from".
   *
   * @throws IllegalArgumentException naming the text
   */
  public static LinkKind parse(String text) {
    for (LinkKind k : values()) {
      if (k.code().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a link kind; use copied_from, derived_from, same_author, same_feed or"
            + " quotes");
  }
}
