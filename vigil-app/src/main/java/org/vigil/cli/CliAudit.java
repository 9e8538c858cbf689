/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.Store;

/** The audit record of an administrative change made on the command line. */
final class CliAudit {
  private CliAudit() {}

  static void admin(Store store, VigilCommand root, String target, String detail) {
    store
        .audit()
        .append(
            new AuditEvent(
                "cli", AuditAction.ADMIN, target, detail, "cli", root.clock().instant()));
  }
}
