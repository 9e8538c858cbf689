/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.Store;
import org.vigil.watchlists.ListScreening;

/**
 * Resolution and cross-referencing in the server, after documents arrive over HTTP: a request
 * schedules one run on a background thread; requests that come while a run waits to start join it,
 * so a burst of uploads costs one or two runs, and an upload's answer never waits for one.
 *
 * <p>Thread-safe. {@link #close} stops the thread, waiting for a run in progress to finish so that
 * the store can be closed after it.
 */
public final class BackgroundResolution implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundResolution.class);

  private static final long CLOSE_WAIT_SECONDS = 60;

  private final ResolutionRun run;
  private final ListScreening screening;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-resolution");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean pending = new AtomicBoolean();

  public BackgroundResolution(ListScreening screening, Clock clock) {
    this.screening = screening;
    this.run =
        new ResolutionRun(
            requireNonNull(screening, "screening"), CrossReferencing.DEFAULT_THRESHOLD, clock);
  }

  /** The lists its runs cross-reference against. */
  public ListScreening screening() {
    return screening;
  }

  /** Schedules a run over {@code store}, unless one is already waiting to start. */
  public void request(Store store) {
    requireNonNull(store, "store");
    if (!pending.compareAndSet(false, true)) {
      return;
    }
    thread.execute(
        () -> {
          pending.set(false);
          try {
            LOG.info(run.run(store).summary());
          } catch (RuntimeException e) {
            // The next upload schedules another run; the documents are stored either way.
            LOG.warn("resolution after an upload failed: {}", e.toString());
          }
        });
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("a resolution run was still going after {} s", CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
