/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.Store;

/**
 * The audit rows of the intake: written in batches, one row per day received and up to {@value
 * #IDS_PER_ROW} tips, actor "intake", time the start of that day, no address. Writing a row at each
 * submission would date it to the second by its place in the hash chain, between analysts' rows of
 * known time; a batch written later (at start, then hourly) only says on which day.
 */
public final class IntakeAudit {
  static final int IDS_PER_ROW = 40;

  private IntakeAudit() {}

  /**
   * Writes the rows for the tips no row counts yet, each with the marking of its tips as counted,
   * in one transaction per row.
   *
   * @return how many tips the new rows count
   */
  public static int flush(Store store) {
    requireNonNull(store, "store");
    int counted = 0;
    for (Map.Entry<LocalDate, List<String>> day : store.tips().unaudited().entrySet()) {
      List<String> ids = day.getValue();
      for (int from = 0; from < ids.size(); from += IDS_PER_ROW) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_ROW));
        store.audited(
            () -> store.tips().markAudited(new LinkedHashSet<>(chunk)),
            new AuditEvent(
                "intake",
                AuditAction.INTAKE,
                "tips",
                chunk.size() + " received on " + day.getKey() + ": " + String.join(" ", chunk),
                "",
                day.getKey().atStartOfDay(ZoneOffset.UTC).toInstant()));
        counted += chunk.size();
      }
    }
    return counted;
  }
}
