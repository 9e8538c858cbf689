/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How far a batch ingest running in the background has got, for whoever wants to show it (the
 * console, a banner on the web pages). One thread reports, any number read.
 *
 * <p>Thread-safe: a reader sees a consistent {@link Snapshot}.
 */
public final class IngestProgress {
  /** What a reader sees at one moment. */
  public record Snapshot(
      String label,
      State state,
      int total,
      int done,
      int stored,
      int rejected,
      Optional<String> lastProblem,
      Optional<String> step) {
    public Snapshot {
      requireNonNull(label, "label");
      requireNonNull(state, "state");
      requireNonNull(lastProblem, "lastProblem");
      requireNonNull(step, "step");
    }

    /** Whether the batch is under way. */
    public boolean running() {
      return state == State.RUNNING;
    }
  }

  /** Where a batch stands. */
  public enum State {
    /** Not started (or nothing to do). */
    IDLE,
    RUNNING,
    FINISHED,
    /** Ended before the last document, for instance because the store was closed. */
    STOPPED
  }

  private final String label;
  private Snapshot current;
  private boolean stopRequested;

  public IngestProgress(String label) {
    this.label = requireNonNull(label, "label");
    this.current = new Snapshot(label, State.IDLE, 0, 0, 0, 0, Optional.empty(), Optional.empty());
  }

  /** Progress of a batch that never runs: always idle. */
  public static IngestProgress none() {
    return new IngestProgress("nothing");
  }

  public synchronized Snapshot snapshot() {
    return current;
  }

  /**
   * Asks the batch to end after the document in hand, because the process is stopping; the
   * reporting thread sees it in {@link #stopRequested} and ends with {@link #stop}.
   */
  public synchronized void requestStop() {
    stopRequested = true;
  }

  /** Whether {@link #requestStop} was called. */
  public synchronized boolean stopRequested() {
    return stopRequested;
  }

  /**
   * Waits until the batch is not running (finished, stopped, or never started), at most {@code
   * limit}.
   *
   * @return whether it is not running
   */
  public synchronized boolean awaitEnd(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (current.running()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Work before the first document, such as loading the lists, is under way: readers see the batch
   * running, with {@code step} saying what it does now ("loading the sanctions lists").
   */
  public synchronized void preparing(String step) {
    requireNonNull(step, "step");
    current = new Snapshot(label, State.RUNNING, 0, 0, 0, 0, Optional.empty(), Optional.of(step));
  }

  /** The batch starts with {@code total} documents to offer. */
  public synchronized void start(int total) {
    if (total < 0) {
      throw new IllegalArgumentException("a batch has no negative size: " + total);
    }
    current =
        new Snapshot(label, State.RUNNING, total, 0, 0, 0, Optional.empty(), Optional.empty());
  }

  /** One document was offered; its outcome is counted. */
  public synchronized void offered(IngestOutcome outcome) {
    Snapshot s = current;
    boolean stored =
        outcome.kind() == IngestOutcome.Kind.STORED
            || outcome.kind() == IngestOutcome.Kind.NEAR_DUPLICATE;
    boolean rejected = outcome.kind() == IngestOutcome.Kind.REJECTED;
    current =
        new Snapshot(
            label,
            s.state(),
            s.total(),
            s.done() + 1,
            s.stored() + (stored ? 1 : 0),
            s.rejected() + (rejected ? 1 : 0),
            rejected ? Optional.of(outcome.name() + ": " + outcome.reason()) : s.lastProblem(),
            Optional.empty());
  }

  /** Every document was offered. */
  public synchronized void finish() {
    Snapshot s = current;
    current =
        new Snapshot(
            label,
            State.FINISHED,
            s.total(),
            s.done(),
            s.stored(),
            s.rejected(),
            s.lastProblem(),
            Optional.empty());
    notifyAll();
  }

  /** The batch ended early, for {@code reason}. */
  public synchronized void stop(String reason) {
    Snapshot s = current;
    current =
        new Snapshot(
            label,
            State.STOPPED,
            s.total(),
            s.done(),
            s.stored(),
            s.rejected(),
            Optional.of(requireNonNull(reason, "reason")),
            s.step());
    notifyAll();
  }
}
