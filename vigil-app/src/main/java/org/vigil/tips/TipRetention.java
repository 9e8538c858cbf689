/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.Store;

/**
 * Deletes the tips not released into a case once they are older than the retention period, with
 * their threads, attachments and triage: on a schedule (hourly on the server) and on demand. Days
 * are counted by the database's own date, so that every server on one database agrees. Each sweep
 * that deleted something writes one audit row (actor {@code retention}) with the number and ids.
 * Thread-safe.
 */
public final class TipRetention implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TipRetention.class);

  /** The retention unless configured: 90 days. */
  public static final int DEFAULT_DAYS = 90;

  private final Store store;
  private final int days;
  private final Clock clock;
  private final ScheduledExecutorService thread;

  public TipRetention(Store store, int days, Clock clock) {
    if (days < 1) {
      throw new IllegalArgumentException("tips are kept at least a day, not " + days);
    }
    this.store = requireNonNull(store, "store");
    this.days = days;
    this.clock = requireNonNull(clock, "clock");
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-tip-retention");
              t.setDaemon(true);
              return t;
            });
  }

  /** Sweeps every {@code every}, the first at once. */
  public TipRetention start(Duration every) {
    thread.scheduleWithFixedDelay(
        () -> {
          try {
            sweep();
          } catch (RuntimeException e) {
            LOG.warn("the tip retention sweep failed: {}", e.getClass().getSimpleName());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  /** Deletes what has expired now; the ids deleted. */
  public synchronized List<String> sweep() {
    List<String> deleted = store.tips().deleteExpired(days);
    if (!deleted.isEmpty()) {
      store
          .audit()
          .append(
              new AuditEvent(
                  "retention",
                  AuditAction.TIP,
                  "retention",
                  "deleted "
                      + deleted.size()
                      + " tips not released within "
                      + days
                      + " days: "
                      + String.join(" ", deleted),
                  "",
                  clock.instant()));
    }
    return deleted;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
