/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of a command: the machine's clock until the command opens its store, then the store's
 * ({@link org.vigil.store.Store#clock()}, the database's), so that what a node or a command dates
 * (a session's end, a token's expiry, an audit row, a failure in the login throttle's window) is
 * dated on the one clock that every process on the database shares. A clock a test gives in place
 * of the machine's is kept.
 */
final class StoreClock extends Clock {
  private final Clock given;
  private volatile Clock current;

  StoreClock(Clock given) {
    this.given = requireNonNull(given, "given");
    this.current = given;
  }

  /** From now on tells {@code store}'s time, if this clock was given the machine's clock. */
  void follow(Clock store) {
    requireNonNull(store, "store");
    if (given.equals(Clock.systemUTC())) {
      current = store;
    }
  }

  @Override
  public Instant instant() {
    return current.instant();
  }

  @Override
  public ZoneId getZone() {
    return current.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return current.withZone(zone);
  }
}
