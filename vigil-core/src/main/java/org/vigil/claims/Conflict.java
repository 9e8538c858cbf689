/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

/**
 * A proposition that cannot hold together with another, and why, in plain words: "one subject has
 * one birthDate", "only one person holds the post of head of one body at a time, and both are said
 * to hold it in 2023-01 to 2024".
 */
public record Conflict(Proposition with, String reason) {
  public Conflict {
    requireNonNull(with, "with");
    requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a conflict with " + with.caption() + " needs a reason");
    }
  }
}
