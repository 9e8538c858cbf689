/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobRunner;
import org.vigil.store.Store;

/**
 * Pulls every configured partner on its schedule, as jobs of the store's queue: each partner's
 * interval is cut into slots of its length, and the slot's job ({@code taxii-pull}, key {@code
 * NAME:SLOT}) is enqueued by every node that runs a schedule, which the queue makes one job. One
 * node runs it; a pull that fails is retried with the queue's back-off and resumes where the last
 * stored page left it. The slots are counted on the database's clock ({@code JobQueue.now()}), as
 * every time the queue keeps: nodes whose clocks disagree still enqueue the same slot's job, never
 * one each. Closing stops enqueueing and waits for a running pull. Thread-safe.
 */
public final class TaxiiPullSchedule implements AutoCloseable {
  /** The job kind of a scheduled pull. */
  public static final String KIND = "taxii-pull";

  /** The most pages one scheduled pull reads; the next slot goes on from there. */
  static final int MAX_PAGES_PER_JOB = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(TaxiiPullSchedule.class);

  private final Store store;
  private final Map<String, TaxiiPartner> partners;
  private final ScheduledExecutorService ticks;
  private final JobRunner runner;

  private TaxiiPullSchedule(
      Store store,
      Map<String, TaxiiPartner> partners,
      Function<String, Optional<String>> env,
      Clock clock,
      Duration tick) {
    this.store = store;
    this.partners = Map.copyOf(partners);
    TaxiiPull pull = new TaxiiPull(store, clock);
    this.runner =
        JobRunner.start(
            store.jobs(),
            "taxii-" + ManagementFactory.getRuntimeMXBean().getName(),
            Map.of(KIND, job -> run(job, pull, env)),
            new JobRunner.Settings(
                1,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                5,
                Duration.ofSeconds(30),
                Duration.ofMinutes(30)));
    this.ticks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-taxii-schedule");
              t.setDaemon(true);
              return t;
            });
    ticks.scheduleWithFixedDelay(this::enqueueDue, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts pulling {@code partners} into {@code store}, reading tokens from their files or {@code
   * env}, checking every {@code tick} whether a slot began (by the database's clock); {@code clock}
   * dates what the pulls store. The caller closes it before the store.
   */
  public static TaxiiPullSchedule start(
      Store store,
      Map<String, TaxiiPartner> partners,
      Function<String, Optional<String>> env,
      Clock clock,
      Duration tick) {
    requireNonNull(store, "store");
    requireNonNull(partners, "partners");
    requireNonNull(env, "env");
    requireNonNull(clock, "clock");
    requireNonNull(tick, "tick");
    return new TaxiiPullSchedule(store, partners, env, clock, tick);
  }

  /**
   * The key of the job that pulls {@code partner} in the slot that holds at {@code now} (the
   * database's time).
   */
  static String key(TaxiiPartner partner, Instant now) {
    long slot = now.toEpochMilli() / partner.every().toMillis();
    return partner.name() + ":" + slot;
  }

  private void enqueueDue() {
    try {
      boolean added = false;
      Instant now = store.jobs().now();
      for (TaxiiPartner partner : partners.values()) {
        added |= store.jobs().enqueue(new JobRequest(KIND, key(partner, now), partner.name()));
      }
      if (added) {
        runner.wake();
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot enqueue TAXII pulls: {}", e.getMessage());
    }
  }

  private void run(Job job, TaxiiPull pull, Function<String, Optional<String>> env) {
    TaxiiPartner partner = partners.get(job.payload());
    if (partner == null) {
      LOG.warn("job {} names partner {}, no longer configured here", job.key(), job.payload());
      return;
    }
    TaxiiPull.Outcome outcome =
        pull.pull(
            partner,
            partner.token(env),
            "taxii-pull:" + partner.name(),
            MAX_PAGES_PER_JOB,
            TaxiiPull.PageListener.none());
    LOG.info(
        "pulled {} objects in {} pages from TAXII partner {} ({} refused, {} dangling references)",
        outcome.objects(),
        outcome.pages(),
        partner.name(),
        outcome.refused().size(),
        outcome.dangling().size());
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    runner.close();
  }
}
