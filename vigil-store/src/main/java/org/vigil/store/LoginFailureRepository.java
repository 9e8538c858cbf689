/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Failed sign-in attempts as the login throttles count them, and the addresses each account signed
 * in from, shared by every node on the database. Keys are what the throttle counts by (an account,
 * an address); they are stored hashed, as are accounts and addresses. Failures' times are the
 * caller's (its throttle's clock); known addresses are dated by the database's clock. Thread-safe.
 */
public interface LoginFailureRepository {

  /** One counted failure: its row and when it happened. */
  record Failure(long id, Instant at) {
    public Failure {
      requireNonNull(at, "at");
    }
  }

  /** Counts a failure of {@code key} for {@code throttle} at {@code at}; returns its row's id. */
  long add(String throttle, String key, Instant at);

  /** The failures of {@code key} for {@code throttle} at or after {@code since}, oldest first. */
  List<Failure> since(String throttle, String key, Instant since);

  /** Takes back one counted failure. */
  void remove(long id);

  /** Takes back the newest failure of {@code key} for {@code throttle}, if any. */
  void removeNewest(String throttle, String key);

  /** Forgets every failure of {@code key} for {@code throttle}. */
  void clear(String throttle, String key);

  /** Deletes the failures before {@code before}; returns how many. */
  int prune(Instant before);

  /** Whether {@code account} signed in from {@code address} (among its most recent addresses). */
  boolean isKnownAddress(String account, String address);

  /**
   * Remembers that {@code account} signed in from {@code address} now, keeping the account's {@code
   * keep} most recent addresses and forgetting older ones.
   */
  void rememberAddress(String account, String address, int keep);
}
