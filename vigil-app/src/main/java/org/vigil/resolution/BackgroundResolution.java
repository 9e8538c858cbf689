/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.background.BackgroundWork;
import org.vigil.jobs.JobRequest;
import org.vigil.store.Store;
import org.vigil.watchlists.ListScreening;

/**
 * Resolution and cross-referencing in the server, after documents arrive over HTTP, as a job of
 * kind {@value #KIND} on the store's queue: a request enqueues one run unless a run waits to start
 * already (it will see this request's documents too), so a burst of uploads costs one or two runs,
 * an upload's answer never waits for one, and any node may run it (a node that dies mid-run leaves
 * it to another; a run over the whole store is idempotent).
 *
 * <p>Thread-safe.
 */
public final class BackgroundResolution {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundResolution.class);

  /** The kind of the resolution jobs. */
  public static final String KIND = "resolve";

  private final ListScreening screening;
  private final BackgroundWork work;

  /** Registers the resolution jobs on {@code work} (before it starts). */
  public BackgroundResolution(ListScreening screening, Clock clock, BackgroundWork work) {
    this.screening = requireNonNull(screening, "screening");
    this.work = requireNonNull(work, "work");
    ResolutionRun run = new ResolutionRun(screening, CrossReferencing.DEFAULT_THRESHOLD, clock);
    work.register(
        KIND,
        job -> {
          // one run at a time on a node, as before the queue: a second waits, then sees more
          synchronized (run) {
            LOG.info(run.run(work.store()).summary());
          }
        });
  }

  /** The lists its runs cross-reference against. */
  public ListScreening screening() {
    return screening;
  }

  /** Enqueues a run over {@code store}, unless one is already waiting to start. */
  public void request(Store store) {
    requireNonNull(store, "store");
    store.jobs().enqueueUnlessWaiting(new JobRequest(KIND, UUID.randomUUID().toString(), "{}"));
    work.wake();
  }
}
