/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import java.util.Locale;

/** Where a job stands. */
public enum JobState {
  /** Waiting to run (again), from its due time on. */
  QUEUED,
  /**
   * Held by a node under a lease it renews; taken again by another node when the lease runs out.
   */
  RUNNING,
  /** Finished; never run again. */
  DONE,
  /** Failed too often: kept with its last error for an operator, never run again by itself. */
  PARKED;

  /** The name stored in the database, such as "queued". */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobState ofColumn(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
