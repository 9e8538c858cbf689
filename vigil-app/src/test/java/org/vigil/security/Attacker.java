/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import java.util.Set;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Role;
import org.vigil.access.Viewer;

/**
 * The organisation an attacking analyst (with write access) belongs to: a stranger to the victim,
 * or a partner of it (who may read the victim's AMBER, and nothing stricter).
 */
enum Attacker {
  STRANGER("org-b", "b1", Set.of()),
  PARTNER("org-p", "p1", Set.of(MatrixWorld.VICTIM_ORG));

  private final String org;
  private final String username;
  private final Set<String> partners;

  Attacker(String org, String username, Set<String> partners) {
    this.org = org;
    this.username = username;
    this.partners = partners;
  }

  String org() {
    return org;
  }

  String username() {
    return username;
  }

  Set<String> partners() {
    return partners;
  }

  String label() {
    return this == STRANGER ? "stranger " + org : "partner " + org;
  }

  /**
   * Whether this attacker may see the victim's items under {@code marking}: MarkingPolicy's rules
   * decide what the matrix expects.
   */
  boolean maySee(VictimMarking marking, String victimUserId) {
    Viewer viewer = Viewer.of("user-of-" + username, username, org, partners, Role.ANALYST);
    return MarkingPolicy.canSee(viewer, marking.marking(victimUserId));
  }
}
