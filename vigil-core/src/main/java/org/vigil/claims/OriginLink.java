/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

/**
 * One link of derivation: {@code from} copied, cites, shares an author or feed with, or quotes
 * {@code to}. The ends are source or party ids.
 */
public record OriginLink(String from, LinkKind kind, String to) {
  static final int MAX_ID = 256;

  public OriginLink {
    requireId(from);
    requireNonNull(kind, "kind");
    requireId(to);
    if (from.equals(to)) {
      throw new IllegalArgumentException("a link joins two parties; '" + from + "' twice is none");
    }
  }

  private static void requireId(String id) {
    requireNonNull(id, "id");
    if (id.isBlank() || id.length() > MAX_ID) {
      throw new IllegalArgumentException("'" + id + "' is not a source or party id");
    }
  }
}
