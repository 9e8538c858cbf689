/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

import org.vigil.model.Marking;

/**
 * The one place that decides whether a viewer may see marked information (TLP 2.0 as Vigil applies
 * it):
 *
 * <ul>
 *   <li>CLEAR and GREEN: every signed-in user;
 *   <li>AMBER: the owning organisation and its partners;
 *   <li>AMBER+STRICT: the owning organisation only;
 *   <li>RED: the users it names only;
 * </ul>
 *
 * and, on top of the level, a marking restricted to named organisations reaches no one outside
 * them. Roles grant no exception: an administrator sees what their organisation may see.
 */
public final class MarkingPolicy {
  private MarkingPolicy() {}

  public static boolean canSee(Viewer viewer, Marking marking) {
    if (viewer.isSystem()) {
      return true;
    }
    if (!marking.restrictedToOrgs().isEmpty()
        && !marking.restrictedToOrgs().contains(viewer.orgId())) {
      return false;
    }
    return switch (marking.tlp()) {
      case CLEAR, GREEN -> true;
      case AMBER ->
          viewer.orgId().equals(marking.ownerOrg())
              || viewer.partnerOrgs().contains(marking.ownerOrg());
      case AMBER_STRICT -> viewer.orgId().equals(marking.ownerOrg());
      case RED -> marking.namedUsers().contains(viewer.userId());
    };
  }
}
