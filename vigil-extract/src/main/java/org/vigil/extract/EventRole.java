/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

/**
 * One participant of an event and the part it plays: "perpetrator", "victim", "authority",
 * "subject", "target", "recruiter", "recruit", "defector", "from", "to", "payer", "payee", ...
 */
public record EventRole(String role, Mention mention) {
  public EventRole {
    requireNonNull(role, "role");
    requireNonNull(mention, "mention");
    if (role.isBlank()) {
      throw new IllegalArgumentException("a participant's role is blank");
    }
  }
}
