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

  /** Makes {@code change} and writes its audit record in one transaction. */
  static void audited(
      Store store, VigilCommand root, String target, String detail, Runnable change) {
    store.audited(
        change,
        new AuditEvent("cli", AuditAction.ADMIN, target, detail, "cli", root.clock().instant()));
  }
}
