/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persistent queue of jobs, shared by every node on one database. Every time it compares or
 * sets (due times, leases) is the database's clock. Thread-safe; the {@link JobRunner} is its usual
 * caller.
 */
public interface JobQueue {

  /**
   * Adds the job, due now; returns false, changing nothing, when a job of this kind and key exists
   * (in any state): enqueueing is idempotent.
   */
  boolean enqueue(JobRequest request);

  /**
   * Adds the job, due now, unless a job of its kind is queued and has not started (a run that will
   * cover this request too, such as resolution over the whole store); returns whether it added one.
   * Two nodes asking at the same moment may both add one: the handlers are idempotent.
   */
  boolean enqueueUnlessWaiting(JobRequest request);

  /**
   * Takes up to {@code max} jobs for {@code node}: those queued and due, and those running whose
   * lease ran out (their node died), oldest due first, skipping rows another node is claiming at
   * the same moment. Each is marked running under a lease of {@code lease} and its attempts
   * counted.
   */
  List<Job> claim(String node, int max, Duration lease);

  /** Renews the lease of a job {@code node} holds; false when it no longer holds it. */
  boolean renew(long id, String node, Duration lease);

  /** Marks a job {@code node} holds as done; false when it no longer held it. */
  boolean complete(long id, String node);

  /**
   * Records a failed attempt of a job {@code node} holds: queued again after {@code retryAfter}, or
   * parked with {@code error} when empty. False when {@code node} no longer held it.
   */
  boolean fail(long id, String node, String error, Optional<Duration> retryAfter);

  /** The job of this kind and key. */
  Optional<Job> find(String kind, String key);

  /** Parked jobs, oldest first, at most {@code limit}: what an operator must look at. */
  List<Job> parked(int limit);

  /** How many jobs are in each state. */
  Map<JobState, Long> counts();

  /** Jobs in {@code state}, newest first, at most {@code limit}. */
  List<Job> list(JobState state, int limit);

  /**
   * Queues a parked job again, due now, with its attempts counted from zero (an operator fixed its
   * cause); false when no parked job has this id.
   */
  boolean retry(long id);

  /**
   * Deletes the done jobs of {@code kind} whose key starts with {@code keyPrefix} and that finished
   * more than {@code age} ago by the database's clock; returns how many. Once deleted, a job of the
   * same kind and key can be enqueued again, so callers forget only jobs whose keys never come back
   * (a periodic job's key is its period's number).
   */
  int forgetDone(String kind, String keyPrefix, Duration age);

  /**
   * How long the oldest job that is queued and due has waited (zero when none waits): the queue's
   * lag, by the database's clock.
   */
  Duration lag();

  /** The database's clock, which every node's due times and leases are read against. */
  Instant now();
}
