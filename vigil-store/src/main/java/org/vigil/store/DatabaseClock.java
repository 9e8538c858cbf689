/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database's clock, for processes that share one database: every node reads the same time, so
 * that a deadline one node writes (a session's end, a token's expiry, a failure's place in the
 * login throttle's window) means the same on the others, whatever their own clocks say.
 *
 * <p>The time is read from the database ({@code SELECT CURRENT_TIMESTAMP}) and carried forward
 * between readings by this process's monotonic clock ({@link System#nanoTime}), which neither the
 * node's wall clock nor a step of it moves. It is read again, on a thread of its own, when the last
 * reading is older than {@link #REFRESH}; a reading that fails (the database is down) keeps the
 * last one, so that asking the time never waits for the database. The time never goes back: a new
 * reading a little earlier than the carried-forward time is taken from then on without a step back.
 */
final class DatabaseClock extends Clock {
  /** How old a reading may grow before it is read again. */
  static final Duration REFRESH = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(DatabaseClock.class.getName());

  /** A reading: the database's time, and this process's monotonic clock half-way through it. */
  private record Reading(Instant at, long nanos) {}

  private final Supplier<Instant> database;
  private final LongSupplier nanos;
  private final AtomicBoolean reading = new AtomicBoolean();
  private final AtomicReference<Instant> latest = new AtomicReference<>(Instant.MIN);
  private volatile Reading last;

  /**
   * Reads the database's time once now (so a failure here is the caller's).
   *
   * @param database reads the database's time; may throw when the database is down
   * @param nanos this process's monotonic clock, in nanoseconds
   */
  DatabaseClock(Supplier<Instant> database, LongSupplier nanos) {
    this.database = requireNonNull(database, "database");
    this.nanos = requireNonNull(nanos, "nanos");
    this.last = read();
  }

  private Reading read() {
    long before = nanos.getAsLong();
    Instant at = requireNonNull(database.get(), "the database's time");
    long after = nanos.getAsLong();
    return new Reading(at, before + (after - before) / 2);
  }

  @Override
  public Instant instant() {
    long now = nanos.getAsLong();
    Reading r = last;
    if (now - r.nanos() > REFRESH.toNanos() && reading.compareAndSet(false, true)) {
      Thread refresh = new Thread(this::refresh, "vigil-database-clock");
      refresh.setDaemon(true);
      refresh.start();
    }
    Instant carried = r.at().plusNanos(now - r.nanos());
    return latest.accumulateAndGet(carried, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Reads the database's time again now, in the calling thread (for {@link #instant}'s thread). */
  void refresh() {
    try {
      last = read();
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE, "cannot read the database's time; the last reading is carried forward", e);
    } finally {
      reading.set(false);
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
  }

  /** This clock seen in another zone (the instants are the same). */
  private static final class Zoned extends Clock {
    private final DatabaseClock clock;
    private final ZoneId zone;

    Zoned(DatabaseClock clock, ZoneId zone) {
      this.clock = clock;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new Zoned(clock, other);
    }

    @Override
    public Instant instant() {
      return clock.instant();
    }
  }
}
