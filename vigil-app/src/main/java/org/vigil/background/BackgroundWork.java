/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.background;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.jobs.JobHandler;
import org.vigil.jobs.JobQueue;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobRunner;
import org.vigil.store.Store;

/**
 * The server's background work, as jobs on the store's queue: whatever node enqueues a job, any
 * node that knows its kind may run it, and a job whose node dies is run again by another (see
 * docs/scaling.md). On the embedded H2 store the same queue runs the same jobs in this process.
 *
 * <p>How a feature adds a kind of work (resolution after an upload, re-screening after a list
 * change, the scheduled list update and a partner feed pull all do it this way):
 *
 * <pre>{@code
 * work.register("resolve", job -> run.run(store));          // before start
 * work.every("pull-feed", Duration.ofMinutes(15), Reach.ONE_NODE, job -> puller.pull());
 * ...
 * work.start(store);                                          // once the store is open
 * work.submit(new JobRequest("resolve", uploadId, "{}"));     // from any request, on any node
 * }</pre>
 *
 * <p>Handlers must be idempotent: a job whose node was killed mid-way runs again from its start. A
 * handler that throws is retried after a back-off that doubles, then parked with its error for an
 * operator ({@code vigil jobs parked}, {@code vigil jobs retry ID}). A kind is registered on every
 * node (the same code on each): a node that meets a kind it does not know parks the job.
 *
 * <p>Thread-safe. {@link #close} stops taking jobs and waits for the running ones.
 */
public final class BackgroundWork implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

  /**
   * How often each node looks whether a periodic job's next period has begun (more often for a
   * period under two minutes).
   */
  static final Duration PERIOD_CHECK = Duration.ofSeconds(30);

  /**
   * How long a periodic job's done row is kept (at least two of its periods): long enough to show
   * in {@code vigil jobs}, short enough that a job every 15 s does not grow the table without end.
   */
  static final Duration DONE_PERIODS_KEPT = Duration.ofDays(1);

  /** How often each node deletes the periodic jobs' old done rows. */
  static final Duration FORGET_EVERY = Duration.ofHours(1);

  private final String node;
  private final JobRunner.Settings settings;
  private final Map<String, JobHandler> handlers = new LinkedHashMap<>();
  private final Map<String, Duration> periods = new LinkedHashMap<>();
  private final Map<String, Reach> reaches = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-background-timer");
            t.setDaemon(true);
            return t;
          });
  private volatile Optional<Store> store = Optional.empty();
  private volatile Optional<JobRunner> runner = Optional.empty();
  private volatile boolean closed;
  private volatile Optional<Instant> startedAt = Optional.empty();
  private volatile Optional<Instant> forgotAt = Optional.empty();

  /**
   * @param node this node's name, unique among the nodes on one database ({@link #thisNode()})
   */
  public BackgroundWork(String node, JobRunner.Settings settings) {
    this.node = requireNonNull(node, "node");
    this.settings = requireNonNull(settings, "settings");
  }

  /** Work with the runner's defaults (two threads, a 30 s lease), named {@link #thisNode()}. */
  public static BackgroundWork withDefaults() {
    return new BackgroundWork(thisNode(), JobRunner.Settings.defaults());
  }

  /** This process's name among the nodes: its host name and process id. */
  public static String thisNode() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String name = host + ":" + ProcessHandle.current().pid();
    return name.length() > 128 ? name.substring(name.length() - 128) : name;
  }

  /** This node's name, as the queue records it beside the jobs it holds. */
  public String node() {
    return node;
  }

  /**
   * Registers what runs jobs of {@code kind}. Before {@link #start}; a kind is registered once.
   *
   * @throws IllegalStateException if started, or the kind has a handler
   */
  public synchronized void register(String kind, JobHandler handler) {
    requireNonNull(kind, "kind");
    requireNonNull(handler, "handler");
    if (kind.isBlank() || kind.length() > JobRequest.MAX_KIND) {
      throw new IllegalArgumentException(
          "a job kind has 1.." + JobRequest.MAX_KIND + " chars: '" + kind + "'");
    }
    if (runner.isPresent() || closed) {
      throw new IllegalStateException("register '" + kind + "' before the work starts");
    }
    if (handlers.putIfAbsent(kind, handler) != null) {
      throw new IllegalStateException("jobs of kind '" + kind + "' already have a handler");
    }
  }

  /** Whether a periodic job is done once per period by one node, or by each node. */
  public enum Reach {
    /** One job per period, run by whichever node takes it (a partner feed pull). */
    ONE_NODE,
    /**
     * One job per period and node, for work on a node's own files (each node's list library); a
     * node that died leaves its job to another.
     */
    EACH_NODE
  }

  /**
   * Registers {@code handler} for {@code kind} and runs it once every {@code period} across all
   * nodes ({@link Reach#ONE_NODE}) or on each ({@link Reach#EACH_NODE}): each node enqueues the job
   * of the current period (its key is the period's number by the database's clock, and this node's
   * name for {@code EACH_NODE}), and the queue keeps one job per key, so however many nodes run,
   * each period's work is done once. A node enqueues the first one a period after it started (so
   * that a start, such as the demo's, does no periodic work at once), then one as each period
   * begins.
   */
  public synchronized void every(String kind, Duration period, Reach reach, JobHandler handler) {
    requireNonNull(period, "period");
    requireNonNull(reach, "reach");
    if (period.toSeconds() < 1) {
      throw new IllegalArgumentException("a period of " + period + " is under a second");
    }
    register(kind, handler);
    periods.put(kind, period);
    reaches.put(kind, reach);
  }

  /** Starts running jobs on {@code opened}'s queue, and the periodic jobs' timer. */
  public synchronized void start(Store opened) {
    requireNonNull(opened, "opened");
    if (closed || runner.isPresent()) {
      throw new IllegalStateException("background work starts once");
    }
    store = Optional.of(opened);
    runner = Optional.of(JobRunner.start(opened.jobs(), node, handlers, settings));
    if (!periods.isEmpty()) {
      long shortest = periods.values().stream().mapToLong(Duration::toMillis).min().orElseThrow();
      long check = Math.max(100, Math.min(PERIOD_CHECK.toMillis(), shortest / 4));
      timer.scheduleWithFixedDelay(this::enqueuePeriods, 0, check, TimeUnit.MILLISECONDS);
    }
    LOG.info("node {} runs background jobs of kinds {}", node, handlers.keySet());
  }

  /**
   * Enqueues {@code request} (a job of this kind and key that exists already is not added again)
   * and wakes this node's runner; returns whether it added a job.
   *
   * @throws IllegalStateException before {@link #start}
   */
  public boolean submit(JobRequest request) {
    boolean added = queue().enqueue(request);
    runner.ifPresent(JobRunner::wake);
    return added;
  }

  /**
   * Enqueues {@code request} unless a job of its kind waits to start (it will cover this request
   * too: a run over the whole store); returns whether it added one.
   */
  public boolean submitUnlessWaiting(JobRequest request) {
    boolean added = queue().enqueueUnlessWaiting(request);
    runner.ifPresent(JobRunner::wake);
    return added;
  }

  /** Asks this node's runner to look at the queue now (after a job was enqueued otherwise). */
  public void wake() {
    runner.ifPresent(JobRunner::wake);
  }

  /** Whether {@link #start} has run and {@link #close} has not. */
  public boolean running() {
    return runner.isPresent() && !closed;
  }

  /**
   * The store the work runs on, for handlers.
   *
   * @throws IllegalStateException before {@link #start}
   */
  public Store store() {
    return store.orElseThrow(() -> new IllegalStateException("background work has not started"));
  }

  private JobQueue queue() {
    return store().jobs();
  }

  private void enqueuePeriods() {
    try {
      Instant now = queue().now();
      if (startedAt.isEmpty()) {
        startedAt = Optional.of(now);
      }
      for (Map.Entry<String, Duration> p : periods.entrySet()) {
        if (now.isBefore(startedAt.get().plus(p.getValue()))) {
          continue;
        }
        long number = now.getEpochSecond() / p.getValue().toSeconds();
        String key =
            reaches.get(p.getKey()) == Reach.EACH_NODE
                ? "period-" + number + "@" + node
                : "period-" + number;
        submit(new JobRequest(p.getKey(), key, "{}"));
      }
      forgetOldPeriods(now);
    } catch (RuntimeException e) {
      // the database unreachable for a moment: the next check enqueues the period's job
      LOG.warn("node {} cannot enqueue the periodic jobs: {}", node, e.getMessage());
    }
  }

  /**
   * Deletes the periodic jobs' done rows older than {@link #DONE_PERIODS_KEPT} (or two periods),
   * once every {@link #FORGET_EVERY}: their keys are period numbers that never come back, so no
   * period's work runs twice for it.
   */
  private void forgetOldPeriods(Instant now) {
    if (forgotAt.isPresent() && now.isBefore(forgotAt.get().plus(FORGET_EVERY))) {
      return;
    }
    forgotAt = Optional.of(now);
    for (Map.Entry<String, Duration> p : periods.entrySet()) {
      Duration twoPeriods = p.getValue().multipliedBy(2);
      Duration kept = twoPeriods.compareTo(DONE_PERIODS_KEPT) > 0 ? twoPeriods : DONE_PERIODS_KEPT;
      int forgotten = queue().forgetDone(p.getKey(), "period-", kept);
      if (forgotten > 0) {
        LOG.info(
            "node {} deleted {} done {} jobs older than {}", node, forgotten, p.getKey(), kept);
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    timer.shutdownNow();
    runner.ifPresent(JobRunner::close);
  }
}
