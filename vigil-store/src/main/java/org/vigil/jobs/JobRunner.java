/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes jobs from a {@link JobQueue} and runs them on this node: up to {@code threads} at once,
 * each under a lease renewed every third of its length while it runs, so that another node takes it
 * only if this one dies. A job that throws is queued again after a back-off that doubles with each
 * attempt; after {@code maxAttempts} attempts (a node that died while running it counts as one) it
 * is parked with its error. A job of a kind with no handler here is parked at once.
 *
 * <p>{@link #close} stops taking jobs and waits for the running ones to finish. Thread-safe.
 */
public final class JobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  /**
   * How a runner works.
   *
   * @param threads jobs run at once on this node
   * @param lease how long a job stays this node's without a renewal: how soon another node takes
   *     the jobs of a node that died
   * @param pollInterval how long an idle runner waits before asking the queue again
   * @param maxAttempts attempts before a failing job is parked
   * @param firstBackoff the wait after the first failure; doubled after each further one
   * @param maxBackoff the longest wait
   */
  public record Settings(
      int threads,
      Duration lease,
      Duration pollInterval,
      int maxAttempts,
      Duration firstBackoff,
      Duration maxBackoff) {
    public Settings {
      requireNonNull(lease, "lease");
      requireNonNull(pollInterval, "pollInterval");
      requireNonNull(firstBackoff, "firstBackoff");
      requireNonNull(maxBackoff, "maxBackoff");
      if (threads < 1 || maxAttempts < 1) {
        throw new IllegalArgumentException(threads + " threads, " + maxAttempts + " attempts");
      }
      if (lease.toMillis() < 300) {
        throw new IllegalArgumentException("a lease of " + lease + " is too short to renew");
      }
    }

    /** Two threads, a 30 s lease, 1 s polls, 5 attempts, back-off from 5 s to 10 min. */
    public static Settings defaults() {
      return new Settings(
          2,
          Duration.ofSeconds(30),
          Duration.ofSeconds(1),
          5,
          Duration.ofSeconds(5),
          Duration.ofMinutes(10));
    }
  }

  private final JobQueue queue;
  private final String node;
  private final Map<String, JobHandler> handlers;
  private final Settings settings;
  private final ExecutorService workers;
  private final ScheduledExecutorService leases;
  private final Thread poller;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();

  /** The running jobs whose leases to renew: a job leaves it before its outcome is recorded. */
  private final Set<Long> leased = ConcurrentHashMap.newKeySet();

  private final Object wake = new Object();
  private volatile boolean stopping;

  private JobRunner(
      JobQueue queue, String node, Map<String, JobHandler> handlers, Settings settings) {
    this.queue = queue;
    this.node = node;
    this.handlers = Map.copyOf(handlers);
    this.settings = settings;
    this.workers =
        Executors.newFixedThreadPool(settings.threads(), r -> new Thread(r, "vigil-job-" + node));
    this.leases =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigil-job-lease-" + node));
    this.poller = new Thread(this::poll, "vigil-job-poller-" + node);
  }

  /**
   * Starts a runner for {@code node} (a name unique among the nodes, such as host and process id).
   * The caller closes it.
   */
  public static JobRunner start(
      JobQueue queue, String node, Map<String, JobHandler> handlers, Settings settings) {
    requireNonNull(queue, "queue");
    requireNonNull(node, "node");
    requireNonNull(handlers, "handlers");
    requireNonNull(settings, "settings");
    JobRunner runner = new JobRunner(queue, node, handlers, settings);
    long renewEvery = Math.max(100, settings.lease().toMillis() / 3);
    runner.leases.scheduleWithFixedDelay(
        runner::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    runner.poller.setDaemon(true);
    runner.poller.start();
    return runner;
  }

  /** The node this runner runs jobs for. */
  public String node() {
    return node;
  }

  /** Asks the queue now rather than at the next poll, e.g. after enqueueing. */
  public void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void poll() {
    while (!stopping) {
      int free = settings.threads() - running.size();
      int claimed = 0;
      if (free > 0) {
        try {
          for (Job job : queue.claim(node, free, settings.lease())) {
            running.add(job.id());
            leased.add(job.id());
            claimed++;
            workers.execute(() -> run(job));
          }
        } catch (RuntimeException e) {
          // the database restarting or unreachable: keep polling, the jobs wait in the queue
          LOG.warn("node {} cannot claim jobs: {}", node, e.getMessage());
        }
      }
      if (claimed == 0 || running.size() >= settings.threads()) {
        synchronized (wake) {
          try {
            wake.wait(settings.pollInterval().toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  private void run(Job job) {
    try {
      if (job.attempts() > settings.maxAttempts()) {
        leased.remove(job.id());
        queue.fail(
            job.id(),
            node,
            "its node stopped while running it; " + job.lastError().orElse("no error was recorded"),
            Optional.empty());
        return;
      }
      JobHandler handler = handlers.get(job.kind());
      if (handler == null) {
        leased.remove(job.id());
        queue.fail(job.id(), node, "no handler for jobs of kind " + job.kind(), Optional.empty());
        return;
      }
      try {
        handler.run(job);
      } catch (Exception | LinkageError e) {
        leased.remove(job.id());
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("job {} ({} {}) failed on {}: {}", job.id(), job.kind(), job.key(), node, error);
        queue.fail(
            job.id(),
            node,
            error,
            job.attempts() >= settings.maxAttempts()
                ? Optional.empty()
                : Optional.of(backoff(job.attempts())));
        return;
      }
      leased.remove(job.id());
      if (!queue.complete(job.id(), node)) {
        LOG.warn(
            "job {} finished on {} after its lease had passed to another node", job.id(), node);
      }
    } catch (RuntimeException e) {
      // the queue could not record the outcome: the lease runs out and another node runs it again
      LOG.warn("node {} cannot record the outcome of job {}: {}", node, job.id(), e.getMessage());
    } finally {
      leased.remove(job.id());
      running.remove(job.id());
      wake();
    }
  }

  /** The wait after {@code attempts} failed attempts: doubled each time, at most the maximum. */
  Duration backoff(int attempts) {
    long millis = settings.firstBackoff().toMillis();
    for (int i = 1; i < attempts && millis < settings.maxBackoff().toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
  }

  private void renewLeases() {
    for (long id : leased) {
      try {
        if (!queue.renew(id, node, settings.lease()) && leased.contains(id)) {
          LOG.warn("node {} lost the lease of job {}", node, id);
        }
      } catch (RuntimeException e) {
        LOG.warn("node {} cannot renew the lease of job {}: {}", node, id, e.getMessage());
      }
    }
  }

  /** Stops taking jobs, waits for the running ones to finish, and stops the threads. */
  @Override
  public void close() {
    stopping = true;
    wake();
    try {
      poller.join(settings.pollInterval().toMillis() + 60_000);
      workers.shutdown();
      if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    } finally {
      leases.shutdownNow();
    }
  }
}
