/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The database's clock between readings, on a database time and a monotonic clock set by hand. */
class DatabaseClockTest {
  private static final Instant DATABASE = Instant.parse("2026-12-08T01:00:00Z");

  private final AtomicReference<Instant> database = new AtomicReference<>(DATABASE);
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final AtomicInteger readings = new AtomicInteger();
  private volatile boolean down;

  private DatabaseClock clock() {
    return new DatabaseClock(
        () -> {
          readings.incrementAndGet();
          if (down) {
            throw new StoreUnavailableException("the database is down", null);
          }
          return database.get();
        },
        nanos::get);
  }

  @Test
  void tellsTheDatabasesTimeCarriedForwardByTheMonotonicClock() {
    DatabaseClock clock = clock();
    assertThat(clock.instant()).isEqualTo(DATABASE);
    nanos.addAndGet(Duration.ofMillis(1500).toNanos());
    assertThat(clock.instant()).isEqualTo(DATABASE.plusMillis(1500));
    assertThat(readings).hasValue(1);
  }

  @Test
  void readsAgainWhenItsReadingIsOldAndNeverGoesBack() {
    DatabaseClock clock = clock();
    nanos.addAndGet(DatabaseClock.REFRESH.plusSeconds(1).toNanos());
    // the database's clock ran 200 ms slower than this process's monotonic clock
    database.set(DATABASE.plus(DatabaseClock.REFRESH).plusMillis(800));
    Instant carried = clock.instant();
    assertThat(carried).isEqualTo(DATABASE.plus(DatabaseClock.REFRESH).plusSeconds(1));
    clock.refresh();
    assertThat(readings).hasValueGreaterThanOrEqualTo(2);
    assertThat(clock.instant()).as("not back to the new reading").isEqualTo(carried);
    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    assertThat(clock.instant())
        .as("the new reading, once it passes what was told")
        .isEqualTo(DATABASE.plus(DatabaseClock.REFRESH).plusMillis(1300));
  }

  @Test
  void aFailedReadingKeepsTheLastOne() {
    DatabaseClock clock = clock();
    down = true;
    nanos.addAndGet(DatabaseClock.REFRESH.plusSeconds(5).toNanos());
    clock.refresh();
    assertThat(clock.instant()).isEqualTo(DATABASE.plus(DatabaseClock.REFRESH).plusSeconds(5));
  }

  @Test
  void anOldReadingIsReadAgainOnAThreadOfItsOwn() throws InterruptedException {
    DatabaseClock clock = clock();
    nanos.addAndGet(DatabaseClock.REFRESH.plusSeconds(1).toNanos());
    database.set(DATABASE.plus(Duration.ofHours(1)));
    clock.instant();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (clock.instant().isBefore(DATABASE.plus(Duration.ofHours(1)))
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(clock.instant()).isEqualTo(DATABASE.plus(Duration.ofHours(1)));
    assertThat(readings).hasValue(2);
  }
}
