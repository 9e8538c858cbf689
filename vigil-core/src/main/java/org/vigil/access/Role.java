/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.vigil.model.InvalidValueException;

/** A user's role in their organisation, and the permissions it grants. */
public enum Role {
  // Tips are read by tip handlers only: an administrator makes a handler's account, and does not
  // read tips by being one.
  ADMIN(EnumSet.complementOf(EnumSet.of(Permission.TIPS))),
  ANALYST(
      EnumSet.of(
          Permission.ANONYMOUS,
          Permission.READ,
          Permission.SCREEN,
          Permission.WRITE,
          Permission.JUDGE,
          Permission.EXPORT)),
  VIEWER(EnumSet.of(Permission.ANONYMOUS, Permission.READ, Permission.SCREEN)),
  /** Handles the public tip line's queue; sees no tip's content outside it. */
  TIP_HANDLER(EnumSet.of(Permission.ANONYMOUS, Permission.READ, Permission.TIPS));

  private final Set<Permission> permissions;

  Role(EnumSet<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean grants(Permission permission) {
    return permissions.contains(permission);
  }

  /** The role's name as users type it: "admin", "analyst", "viewer", "tip_handler". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads "admin", "analyst", "viewer" or "tip_handler", in any case.
   *
   * @throws InvalidValueException naming the text
   */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.code().equalsIgnoreCase(text.strip())) {
        return role;
      }
    }
    throw new InvalidValueException(
        "unknown role '" + text + "'; use admin, analyst, viewer or tip_handler");
  }
}
