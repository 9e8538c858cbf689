/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.auth.PasswordHasher;
import org.vigil.auth.PasswordRules;
import org.vigil.auth.Secrets;
import org.vigil.store.Store;

/**
 * Makes a new installation usable without a default password: when there is no user at all, it
 * creates an organisation and an administrator whose password is either given (from the
 * environment) or generated and printed once.
 */
public final class FirstStart {
  public static final String ADMIN_USERNAME = "admin";

  private FirstStart() {}

  /**
   * Creates the first administrator if the store has no users; does nothing otherwise.
   *
   * @param orgId the organisation to create the administrator in (created if absent)
   * @param givenPassword a password chosen by the operator; empty to generate one
   * @param out where the generated password is printed, once
   * @return the administrator created, if one was
   * @throws org.vigil.model.InvalidValueException if the given password is too short
   */
  public static Optional<User> ensureAdministrator(
      Store store,
      String orgId,
      Optional<String> givenPassword,
      PasswordHasher hasher,
      Clock clock,
      PrintWriter out) {
    requireNonNull(store, "store");
    requireNonNull(orgId, "orgId");
    if (store.accounts().userCount() > 0) {
      return Optional.empty();
    }
    String password = givenPassword.map(PasswordRules::checkNew).orElseGet(Secrets::newPassword);
    if (store.accounts().organization(orgId).isEmpty()) {
      store.accounts().createOrganization(orgId, orgId);
    }
    User admin =
        store.accounts().createUser(ADMIN_USERNAME, orgId, Role.ADMIN, hasher.hash(password));
    store
        .audit()
        .append(
            new AuditEvent(
                "cli",
                AuditAction.ADMIN,
                ADMIN_USERNAME,
                "first administrator created in organisation " + orgId,
                "cli",
                clock.instant()));
    if (givenPassword.isPresent()) {
      out.println(
          "Created user '"
              + ADMIN_USERNAME
              + "' (organisation "
              + orgId
              + ") with the password "
              + "from VIGIL_ADMIN_PASSWORD.");
    } else {
      out.println(
          "Created user '"
              + ADMIN_USERNAME
              + "' (organisation "
              + orgId
              + "). Its password is shown only this once:");
      out.println("  " + password);
      out.println("Change it with: vigil users passwd " + ADMIN_USERNAME);
    }
    out.flush();
    return Optional.of(admin);
  }
}
