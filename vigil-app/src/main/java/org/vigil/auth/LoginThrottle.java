/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing. Failures are counted per key (an account at an address, an address, an
 * account) in a sliding window; once a key has {@link Policy#freeFailures} failures in the window,
 * each further attempt must wait a delay that doubles with every further failure, up to a cap.
 *
 * <p>An attempt is counted <em>before</em> the password is checked ({@link #attempt}): it is taken
 * for a failure until the caller, having found the password right, {@link #forgive forgives} it. So
 * parallel guesses cannot all pass the check before any of them has been counted. State is in
 * memory: a restart forgives, which is acceptable for throttling (the audit log keeps the record).
 */
public final class LoginThrottle {

  /**
   * @param freeFailures failures allowed in the window; the attempt after the last free one waits
   * @param window how long a failure counts
   * @param firstDelay the wait after the last free failure
   * @param maxDelay the longest delay
   */
  public record Policy(int freeFailures, Duration window, Duration firstDelay, Duration maxDelay) {
    public Policy {
      if (freeFailures < 1) {
        throw new IllegalArgumentException("freeFailures must be positive: " + freeFailures);
      }
      requireNonNull(window, "window");
      requireNonNull(firstDelay, "firstDelay");
      requireNonNull(maxDelay, "maxDelay");
    }

    /**
     * Per account at one address: five failures in fifteen minutes, then waits of 30 s, 60 s, ...
     * up to an hour. This is what stops one client guessing one password.
     */
    public static final Policy ACCOUNT_AT_ADDRESS =
        new Policy(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1));

    /**
     * Per address: more generous, because many honest users can share one address (a NAT), but it
     * stops one client from spraying guesses across many accounts. Capped at fifteen minutes, since
     * an office behind one address waits with it.
     */
    public static final Policy ADDRESS =
        new Policy(20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));

    /**
     * Per account, from addresses the account has never signed in from: against guesses spread over
     * many addresses. It slows, never locks: the account's owner at an address they signed in from
     * before is not subject to it, so no one can lock an account out by failing on it.
     */
    public static final Policy ACCOUNT =
        new Policy(10, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
  }

  /** Keys tracked at most; beyond this the oldest are dropped, so a flood cannot exhaust memory. */
  private static final int MAX_KEYS = 100_000;

  private final Policy policy;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

  public LoginThrottle(Policy policy, Clock clock) {
    this.policy = requireNonNull(policy, "policy");
    this.clock = requireNonNull(clock, "clock");
  }

  /** How long {@code key} must still wait before its next attempt; empty when it may try now. */
  public synchronized Optional<Duration> waitFor(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    prune(times, now);
    if (times.isEmpty()) {
      failures.remove(key);
      return Optional.empty();
    }
    int excess = times.size() - policy.freeFailures() + 1;
    if (excess <= 0) {
      return Optional.empty();
    }
    Instant allowedAt = times.peekLast().plus(delay(excess));
    return now.isBefore(allowedAt)
        ? Optional.of(Duration.between(now, allowedAt))
        : Optional.empty();
  }

  /**
   * Counts an attempt for {@code key} before its password is checked: empty if it may go ahead (and
   * it is now counted as a failure, until {@link #forgive}n), else how long to wait (and nothing is
   * counted).
   */
  public synchronized Optional<Duration> attempt(String key) {
    Optional<Duration> wait = waitFor(key);
    if (wait.isEmpty()) {
      failed(key);
    }
    return wait;
  }

  /** Takes back the newest failure counted for {@code key}: the attempt turned out right. */
  public synchronized void forgive(String key) {
    Deque<Instant> times = failures.get(key);
    if (times != null) {
      times.pollLast();
      if (times.isEmpty()) {
        failures.remove(key);
      }
    }
  }

  public synchronized void failed(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    prune(times, now);
    times.addLast(now);
    // Only the newest failures matter for the delay; keep the deque bounded.
    while (times.size() > policy.freeFailures() + 32) {
      times.removeFirst();
    }
    if (failures.size() > MAX_KEYS) {
      Iterator<String> eldest = failures.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** Forgets every failure of {@code key}: its owner proved themselves from it. */
  public synchronized void clear(String key) {
    failures.remove(key);
  }

  private Duration delay(int excess) {
    // 2^(excess-1) times the first delay, without overflowing for long streaks.
    int shift = Math.min(excess - 1, 20);
    Duration delay = policy.firstDelay().multipliedBy(1L << shift);
    return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(policy.window());
    while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
      times.removeFirst();
    }
  }
}
