/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.background.BackgroundWork;
import org.vigil.jobs.JobRequest;
import org.vigil.model.InvalidValueException;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoading;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ListUpdater;
import org.vigil.watchlists.LoadOutcome;

/**
 * Continuous screening in the server: when the lists in force change, the stored entities from
 * reporting are screened again in the background, and what changed becomes alerts (new
 * designations, and designations removed from a list; see {@link CrossReferencing}).
 *
 * <p>Lists change in two ways the server sees: its own scheduled {@code lists update} (every {@code
 * updateEvery}, daily by default; a source that fails becomes a list failure alert and its previous
 * release stays in force), and a {@code vigil lists load} or {@code update} run by another process
 * on the same store, noticed within {@link #CHECK_EVERY} by the library's fingerprint.
 *
 * <p>Both run as jobs on the store's queue ({@link BackgroundWork}): the update as a job of kind
 * {@value #UPDATE_KIND} once per period on each node (each node's list library is files of its
 * own), the screening again as a job of kind {@value #RESCREEN_KIND} keyed by the library's
 * fingerprint, so that nodes that see the same change screen once, and a node that dies mid-way
 * leaves the job to another.
 *
 * <p>Thread-safe: the watching runs on one background thread; {@link #updateNow} and {@link
 * #checkNow} run there too. {@link #close} stops it, waiting for a task in progress, so that the
 * store can be closed after it.
 */
public final class ContinuousScreening implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContinuousScreening.class);

  /** How often the library is looked at for a release loaded by another process. */
  public static final Duration CHECK_EVERY = Duration.ofMinutes(1);

  /** The organisation that owns the statements of lists the server updates itself. */
  public static final String LIST_OWNER = "public";

  /** The kind of the jobs that update the lists from their sources. */
  public static final String UPDATE_KIND = "lists-update";

  /** The kind of the jobs that screen the stored entities again after the lists changed. */
  public static final String RESCREEN_KIND = "rescreen";

  private static final long CLOSE_WAIT_SECONDS = 60;
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

  private final ListScreening screening;
  private final ListLibrary library;
  private final ResolutionRun run;
  private final Clock clock;
  private final Duration updateEvery;
  private final BackgroundWork work;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-continuous-screening");
            t.setDaemon(true);
            return t;
          });
  private volatile Optional<Store> store = Optional.empty();
  private volatile String screenedFingerprint = "";

  /**
   * @param screening the server's screening, over a library (not {@link ListScreening#none()})
   * @param updateEvery how often to update the lists from their sources; zero for never
   * @param work where its jobs are registered (before the work starts) and enqueued
   */
  public ContinuousScreening(
      ListScreening screening, Duration updateEvery, Clock clock, BackgroundWork work) {
    this.screening = requireNonNull(screening, "screening");
    this.library =
        screening
            .library()
            .orElseThrow(
                () -> new IllegalArgumentException("continuous screening needs a list library"));
    this.updateEvery = requireNonNull(updateEvery, "updateEvery");
    if (updateEvery.isNegative()) {
      throw new IllegalArgumentException("updateEvery must not be negative: " + updateEvery);
    }
    this.clock = requireNonNull(clock, "clock");
    this.run = new ResolutionRun(screening, CrossReferencing.DEFAULT_THRESHOLD, clock);
    this.work = requireNonNull(work, "work");
    work.register(RESCREEN_KIND, job -> LOG.info(run.screenAgain(work.store()).summary()));
    if (!updateEvery.isZero()) {
      work.every(UPDATE_KIND, updateEvery, BackgroundWork.Reach.EACH_NODE, job -> awaitUpdate());
    }
  }

  /**
   * Starts watching, once the store is open: the lists in force now count as screened (whoever
   * loaded them screened the store), later changes are screened when seen.
   */
  public void start(Store opened) {
    requireNonNull(opened, "opened");
    thread.execute(
        () -> {
          store = Optional.of(opened);
          screenedFingerprint = fingerprint().orElse("");
        });
    long check = CHECK_EVERY.toSeconds();
    thread.scheduleWithFixedDelay(this::enqueueQuietly, check, check, TimeUnit.SECONDS);
  }

  /** The update job: on the watching thread, so that it never runs beside a check. */
  private void awaitUpdate() {
    if (store.isPresent()) {
      updateNow();
    }
  }

  /**
   * Updates every configured list source now, as the schedule does, and waits for it: a source that
   * fails raises a list failure alert and keeps its release in force; if any list changed, the
   * search index is rebuilt and the stored entities are screened again.
   *
   * @return each source's outcome
   */
  public List<LoadOutcome> updateNow() {
    return await(thread.submit(this::update));
  }

  /**
   * Screens the stored entities again now if the lists in force changed since they were last
   * screened, and waits for it.
   *
   * @return what the screening found; empty when nothing changed
   */
  public Optional<CrossReferencing.Outcome> checkNow() {
    return await(thread.submit(this::check));
  }

  /**
   * When the lists in force changed since they were last screened, enqueues the screening again,
   * keyed by the new fingerprint: every node that sees the change asks, one job runs.
   */
  private void enqueueQuietly() {
    try {
      Optional<Store> open = store;
      Optional<String> now = fingerprint();
      if (open.isEmpty() || now.isEmpty() || now.get().equals(screenedFingerprint)) {
        return;
      }
      String seen = screening.current().fingerprint();
      open.get().jobs().enqueue(new JobRequest(RESCREEN_KIND, seen, "{}"));
      screenedFingerprint = seen;
      work.wake();
    } catch (RuntimeException e) {
      LOG.warn("screening again after a list change cannot be enqueued: {}", e.toString());
    }
  }

  private Optional<CrossReferencing.Outcome> check() {
    Optional<Store> open = store;
    Optional<String> now = fingerprint();
    if (open.isEmpty() || now.isEmpty() || now.get().equals(screenedFingerprint)) {
      return Optional.empty();
    }
    String seen = screening.current().fingerprint();
    CrossReferencing.Outcome outcome = run.screenAgain(open.get());
    screenedFingerprint = seen;
    LOG.info(outcome.summary());
    return Optional.of(outcome);
  }

  private List<LoadOutcome> update() {
    Store open = store.orElseThrow(() -> new IllegalStateException("the store is not open yet"));
    List<ListUpdater.ListSource> sources;
    try {
      sources = ListUpdater.configured(library);
    } catch (IOException | InvalidValueException e) {
      open.resolution()
          .raiseListFailure(
              "sources.json",
              "the list sources cannot be read: " + e.getMessage(),
              clock.instant());
      return List.of();
    }
    // Screening again is check()'s, so that the fingerprint screened is recorded with it.
    ListLoading.Outcome outcome =
        new ListLoading(library, open, clock, Optional.empty())
            .load(
                new ListLoading.Request(
                    new ListLoading.Sources(sources, DOWNLOAD_TIMEOUT),
                    LIST_OWNER,
                    "vigil-server",
                    "server"),
                line -> LOG.info(line));
    if (outcome.changed()) {
      check();
    }
    return outcome.lists();
  }

  private Optional<String> fingerprint() {
    try {
      return Optional.of(library.fingerprint());
    } catch (IOException e) {
      LOG.warn("the list library cannot be read: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static <T> T await(java.util.concurrent.Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for continuous screening", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("continuous screening was still working after {} s", CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
