/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-03-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  final ManualClock clock = new ManualClock();
  private LoginThrottle throttle;

  /** A throttle under test: in memory here; in the store in {@link StoredLoginThrottleTest}. */
  LoginThrottle throttle(LoginThrottle.Policy policy) {
    return new LoginThrottle(policy, clock);
  }

  @BeforeEach
  void makeThrottle() {
    throttle = throttle(LoginThrottle.Policy.ACCOUNT_AT_ADDRESS);
  }

  @Test
  void anAttemptIsCountedBeforeItsPasswordIsCheckedSoParallelOnesCannotAllPass() {
    // Thirty attempts arrive before any password is checked: only the free ones may go on.
    int admitted = 0;
    for (int i = 0; i < 30; i++) {
      if (throttle.attempt("alice@192.0.2.1").isEmpty()) {
        admitted++;
      }
    }
    assertThat(admitted).isEqualTo(5);
  }

  @Test
  void aRightAttemptIsForgivenAndLeavesTheEarlierFailuresCounted() {
    for (int i = 0; i < 4; i++) {
      throttle.attempt("192.0.2.1");
    }
    throttle.attempt("192.0.2.1");
    throttle.forgive("192.0.2.1");

    assertThat(throttle.attempt("192.0.2.1")).isEmpty();
    assertThat(throttle.waitFor("192.0.2.1")).hasValue(Duration.ofSeconds(30));
  }

  @Test
  void afterFiveFailuresTheNextAttemptWaits() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.waitFor("alice")).isEmpty();
      throttle.failed("alice");
    }
    assertThat(throttle.waitFor("alice")).hasValue(Duration.ofSeconds(30));
    assertThat(throttle.waitFor("bob")).isEmpty();
  }

  @Test
  void delayDoublesWithEachFurtherFailure() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("alice");
    }
    assertThat(throttle.waitFor("alice")).hasValue(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(throttle.waitFor("alice")).isEmpty();
    throttle.failed("alice");
    assertThat(throttle.waitFor("alice")).hasValue(Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(60));
    throttle.failed("alice");
    assertThat(throttle.waitFor("alice")).hasValue(Duration.ofSeconds(120));
  }

  @Test
  void delayStopsGrowingAtTheCap() {
    LoginThrottle capped =
        throttle(
            new LoginThrottle.Policy(
                1, Duration.ofDays(1), Duration.ofSeconds(30), Duration.ofMinutes(5)));
    for (int i = 0; i < 40; i++) {
      capped.failed("alice");
    }
    assertThat(capped.waitFor("alice")).hasValue(Duration.ofMinutes(5));
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("alice");
    }
    clock.advance(Duration.ofMinutes(16));
    assertThat(throttle.waitFor("alice")).isEmpty();
    throttle.failed("alice");
    assertThat(throttle.waitFor("alice")).isEmpty();
  }

  @Test
  void successClearsTheRecord() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("alice");
    }
    clock.advance(Duration.ofSeconds(31));
    throttle.clear("alice");
    throttle.failed("alice");
    assertThat(throttle.waitFor("alice")).isEmpty();
  }
}
