/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.store.LoginFailureRepository;

/**
 * Slows password guessing. Failures are counted per key (an account at an address, an address, an
 * account) in a sliding window; once a key has {@link Policy#freeFailures} failures in the window,
 * each further attempt must wait a delay that doubles with every further failure, up to a cap.
 *
 * <p>An attempt is counted <em>before</em> the password is checked ({@link #attempt}): it is taken
 * for a failure until the caller, having found the password right, {@link #forgive forgives} it. So
 * parallel guesses cannot all pass the check before any of them has been counted. The failures are
 * counted in the store ({@link #stored}, what the server does), so that every node counts the same
 * ones and a guesser gains nothing by spreading attempts over nodes, or in memory ({@link
 * #inMemory}).
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

  /**
   * Where the failures are counted: in this process's memory ({@link #inMemory}), or in the store,
   * so that every node counts the same ones ({@link #stored}).
   */
  public interface Failures {
    /** Counts a failure of {@code key} at {@code at}; returns its id. */
    long add(String key, Instant at);

    /** The failures of {@code key} at or after {@code since}, oldest first. */
    List<LoginFailureRepository.Failure> since(String key, Instant since);

    /** Takes back one counted failure. */
    void remove(long id);

    /** Takes back the newest failure of {@code key}. */
    void removeNewest(String key);

    /** Forgets every failure of {@code key}. */
    void clear(String key);
  }

  private final Policy policy;
  private final Clock clock;
  private final Failures failures;

  /** A throttle that counts in this process's memory. */
  public LoginThrottle(Policy policy, Clock clock) {
    this(policy, clock, inMemory());
  }

  /** A throttle that counts in {@code failures}. */
  public LoginThrottle(Policy policy, Clock clock, Failures failures) {
    this.policy = requireNonNull(policy, "policy");
    this.clock = requireNonNull(clock, "clock");
    this.failures = requireNonNull(failures, "failures");
  }

  /** How long {@code key} must still wait before its next attempt; empty when it may try now. */
  public synchronized Optional<Duration> waitFor(String key) {
    Instant now = clock.instant();
    return waitAfter(failures.since(key, now.minus(policy.window())), now);
  }

  /**
   * Counts an attempt for {@code key} before its password is checked: empty if it may go ahead (and
   * it is now counted as a failure, until {@link #forgive}n), else how long to wait (and nothing is
   * counted). The attempt is written before the earlier ones are read, so that attempts made at
   * once, on this node or on others sharing the store, each see the others.
   */
  public synchronized Optional<Duration> attempt(String key) {
    Instant now = clock.instant();
    long own = failures.add(key, now);
    List<LoginFailureRepository.Failure> before = new ArrayList<>();
    for (LoginFailureRepository.Failure f : failures.since(key, now.minus(policy.window()))) {
      if (f.id() != own) {
        before.add(f);
      }
    }
    Optional<Duration> wait = waitAfter(before, now);
    if (wait.isPresent()) {
      failures.remove(own);
    }
    return wait;
  }

  /** Takes back the newest failure counted for {@code key}: the attempt turned out right. */
  public synchronized void forgive(String key) {
    failures.removeNewest(key);
  }

  public synchronized void failed(String key) {
    failures.add(key, clock.instant());
  }

  /** Forgets every failure of {@code key}: its owner proved themselves from it. */
  public synchronized void clear(String key) {
    failures.clear(key);
  }

  private Optional<Duration> waitAfter(List<LoginFailureRepository.Failure> times, Instant now) {
    int excess = times.size() - policy.freeFailures() + 1;
    if (excess <= 0) {
      return Optional.empty();
    }
    Instant allowedAt = times.get(times.size() - 1).at().plus(delay(excess));
    return now.isBefore(allowedAt)
        ? Optional.of(Duration.between(now, allowedAt))
        : Optional.empty();
  }

  private Duration delay(int excess) {
    // 2^(excess-1) times the first delay, without overflowing for long streaks.
    int shift = Math.min(excess - 1, 20);
    Duration delay = policy.firstDelay().multipliedBy(1L << shift);
    return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
  }

  /**
   * Failures counted in this process's memory: a restart forgives, and each node counts its own. At
   * most {@link #MAX_KEYS} keys are tracked (the oldest dropped), and the newest 64 failures of
   * each, so that a flood cannot exhaust memory.
   */
  public static Failures inMemory() {
    return new InMemoryFailures();
  }

  /**
   * Failures counted in the store's {@code login_failures} table under {@code throttle}'s name,
   * shared by every node on the database; rows older than a day are deleted now and then.
   */
  public static Failures stored(LoginFailureRepository repository, String throttle) {
    requireNonNull(repository, "repository");
    requireNonNull(throttle, "throttle");
    return new Failures() {
      private final AtomicLong added = new AtomicLong();

      @Override
      public long add(String key, Instant at) {
        if (added.incrementAndGet() % PRUNE_EVERY == 0) {
          repository.prune(at.minus(Duration.ofDays(1)));
        }
        return repository.add(throttle, key, at);
      }

      @Override
      public List<LoginFailureRepository.Failure> since(String key, Instant since) {
        return repository.since(throttle, key, since);
      }

      @Override
      public void remove(long id) {
        repository.remove(id);
      }

      @Override
      public void removeNewest(String key) {
        repository.removeNewest(throttle, key);
      }

      @Override
      public void clear(String key) {
        repository.clear(throttle, key);
      }
    };
  }

  /** Keys tracked at most in memory; beyond this the oldest are dropped. */
  private static final int MAX_KEYS = 100_000;

  /** Failures kept per key in memory: only the newest matter for the delay. */
  private static final int MAX_PER_KEY = 64;

  /** Stored failures written between two deletions of old ones. */
  private static final long PRUNE_EVERY = 1000;

  private static final class InMemoryFailures implements Failures {
    private final Map<String, Deque<LoginFailureRepository.Failure>> byKey =
        new LinkedHashMap<>(16, 0.75f, true);
    private long next;

    @Override
    public synchronized long add(String key, Instant at) {
      Deque<LoginFailureRepository.Failure> times =
          byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
      long id = ++next;
      times.addLast(new LoginFailureRepository.Failure(id, at));
      while (times.size() > MAX_PER_KEY) {
        times.removeFirst();
      }
      if (byKey.size() > MAX_KEYS) {
        Iterator<String> eldest = byKey.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
      return id;
    }

    @Override
    public synchronized List<LoginFailureRepository.Failure> since(String key, Instant since) {
      Deque<LoginFailureRepository.Failure> times = byKey.get(key);
      if (times == null) {
        return List.of();
      }
      while (!times.isEmpty() && times.peekFirst().at().isBefore(since)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        byKey.remove(key);
        return List.of();
      }
      return List.copyOf(times);
    }

    @Override
    public synchronized void remove(long id) {
      for (Deque<LoginFailureRepository.Failure> times : byKey.values()) {
        if (times.removeIf(f -> f.id() == id)) {
          return;
        }
      }
    }

    @Override
    public synchronized void removeNewest(String key) {
      Deque<LoginFailureRepository.Failure> times = byKey.get(key);
      if (times != null) {
        times.pollLast();
        if (times.isEmpty()) {
          byKey.remove(key);
        }
      }
    }

    @Override
    public synchronized void clear(String key) {
      byKey.remove(key);
    }
  }
}
