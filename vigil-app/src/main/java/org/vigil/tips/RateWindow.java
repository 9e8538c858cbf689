/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/**
 * A budget of so many events in any 60 seconds, for the whole listener: sixty one-second counts and
 * nothing else. It is keyed by nothing, so it holds nothing about who caused an event; it lives in
 * memory only and starts empty at every start.
 *
 * <p>Thread-safe.
 */
final class RateWindow {
  static final int SECONDS = 60;

  /** A place taken in the budget, to give back when what it was taken for did not happen. */
  record Ticket(RateWindow window, long second) {}

  private final int cap;
  private final Clock clock;
  private final int[] counts = new int[SECONDS];
  private final long[] seconds = new long[SECONDS];

  /**
   * @param cap events allowed in any 60 seconds; 0 allows none
   */
  RateWindow(int cap, Clock clock) {
    if (cap < 0) {
      throw new IllegalArgumentException("a rate cap of " + cap + " per minute");
    }
    this.cap = cap;
    this.clock = requireNonNull(clock, "clock");
  }

  int cap() {
    return cap;
  }

  /** A place in the budget, or none when {@code cap} events happened in the last 60 seconds. */
  synchronized java.util.Optional<Ticket> tryTake() {
    long now = now();
    if (used(now) >= cap) {
      return java.util.Optional.empty();
    }
    add(now, 1);
    return java.util.Optional.of(new Ticket(this, now));
  }

  /** Counts an event whatever the budget (for measuring load). */
  synchronized void count() {
    add(now(), 1);
  }

  /** Gives a place back, if its second is still in the window. */
  synchronized void giveBack(Ticket t) {
    int i = (int) Math.floorMod(t.second(), SECONDS);
    if (seconds[i] == t.second() && counts[i] > 0) {
      counts[i]--;
    }
  }

  /** Events in the last 60 seconds. */
  synchronized int used() {
    return used(now());
  }

  private void add(long now, int n) {
    int i = (int) Math.floorMod(now, SECONDS);
    if (seconds[i] != now) {
      seconds[i] = now;
      counts[i] = 0;
    }
    counts[i] += n;
  }

  private int used(long now) {
    int sum = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (now - seconds[i] < SECONDS) {
        sum += counts[i];
      }
    }
    return sum;
  }

  private long now() {
    return Math.floorDiv(clock.millis(), 1000L);
  }
}
