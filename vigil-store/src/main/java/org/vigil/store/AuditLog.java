/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.List;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditRecord;
import org.vigil.audit.ChainVerification;

/**
 * The append-only audit log. Rows are chained by hash; appends are serialised so that the chain has
 * no forks, even with several writers on one PostgreSQL.
 */
public interface AuditLog {

  AuditRecord append(AuditEvent event);

  /**
   * Appends {@code events} in order, in one transaction: all of them or none. A read that released
   * many ids writes its rows so, one commit instead of one per row.
   *
   * @return the records, in order
   */
  List<AuditRecord> appendAll(List<AuditEvent> events);

  /** Re-reads every row and checks the chain. */
  default ChainVerification verify() {
    return verify(new ChainVerification());
  }

  /**
   * Re-reads every row into {@code verification} (which may carry an anchor kept outside the
   * database) and returns it, finished.
   */
  ChainVerification verify(ChainVerification verification);

  /** The newest rows, newest first. */
  List<AuditRecord> recent(int limit);
}
