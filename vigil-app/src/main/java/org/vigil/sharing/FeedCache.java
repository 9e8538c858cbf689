/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.vigil.access.Viewer;
import org.vigil.store.Store;

/**
 * The feeds a partner's system pulls (the MISP feed, the FtM entities), kept per organisation and
 * marking view: the key is the reading organisation and the partners it has, which is everything
 * {@link org.vigil.access.MarkingPolicy} looks at for an organisation as a reader, so one
 * organisation's view is never served to another. An entry is used only while the store's change
 * mark ({@link Store#changeMark}: statements written or retired, judgements made or undone) is the
 * one it was built at, and for at most {@code maxAge} (writes of other nodes on the same database
 * move no mark here). At most {@code maxBuilds} feeds are built at once, and one key is built once
 * however many ask for it together; a request that waits longer than {@code maxWait} for a build is
 * refused as {@link Busy}. Callers still audit every answer, cached or not. Thread-safe.
 */
public final class FeedCache {
  private final Store store;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration maxWait;
  private final Semaphore builds;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final Map<Key, Object> locks = new ConcurrentHashMap<>();
  private final AtomicLong built = new AtomicLong();

  /** Too many feeds are being built at once: try again later. */
  public static final class Busy extends RuntimeException {
    Busy(String message) {
      super(message, null, false, false);
    }
  }

  private record Key(String kind, String org, SortedSet<String> partners) {}

  private record Entry(String mark, Instant builtAt, Object value) {}

  public FeedCache(Store store, Clock clock, Duration maxAge, int maxBuilds, Duration maxWait) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.maxAge = requireNonNull(maxAge, "maxAge");
    this.maxWait = requireNonNull(maxWait, "maxWait");
    if (maxBuilds < 1) {
      throw new IllegalArgumentException("maxBuilds " + maxBuilds);
    }
    this.builds = new Semaphore(maxBuilds, true);
  }

  /** A cache of one minute's age, two builds at once and a 30 s wait. */
  public static FeedCache standard(Store store, Clock clock) {
    return new FeedCache(store, clock, Duration.ofMinutes(1), 2, Duration.ofSeconds(30));
  }

  /** How many feeds this cache has built (not served from memory). */
  public long builds() {
    return built.get();
  }

  /** The feed of {@code kind} for {@code reader}'s organisation view, built when not current. */
  @SuppressWarnings("unchecked")
  <T> T get(String kind, Viewer reader, Supplier<T> build) {
    Key key = new Key(kind, reader.orgId(), new TreeSet<>(reader.partnerOrgs()));
    Optional<T> fresh = current(key);
    if (fresh.isPresent()) {
      return fresh.get();
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      fresh = current(key);
      if (fresh.isPresent()) {
        return fresh.get();
      }
      String mark = store.changeMark();
      Instant at = clock.instant();
      T value = bounded(build);
      entries.put(key, new Entry(mark, at, value));
      return value;
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> current(Key key) {
    Entry e = entries.get(key);
    if (e == null
        || !e.mark().equals(store.changeMark())
        || e.builtAt().plus(maxAge).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of((T) e.value());
  }

  private <T> T bounded(Supplier<T> build) {
    try {
      if (!builds.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Busy("too many feeds are being built; try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("interrupted while waiting to build the feed");
    }
    try {
      built.incrementAndGet();
      return build.get();
    } finally {
      builds.release();
    }
  }
}
