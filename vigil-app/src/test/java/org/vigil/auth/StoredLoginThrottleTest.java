/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The throttle's rules with its failures counted in the store (embedded H2), as the server counts
 * them; and two throttles on one store, as two nodes have, count the same failures.
 */
class StoredLoginThrottleTest extends LoginThrottleTest {
  @TempDir static Path dir;
  private static int stores;
  private Store store;

  @Override
  LoginThrottle throttle(LoginThrottle.Policy policy) {
    if (store == null) {
      store = Store.open(StoreConfig.embedded(dir.resolve("store-" + ++stores)));
    }
    return new LoginThrottle(policy, clock, LoginThrottle.stored(store.loginFailures(), "pair"));
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Test
  void twoNodesOnOneStoreCountTheSameFailures() {
    LoginThrottle nodeA = throttle(LoginThrottle.Policy.ACCOUNT_AT_ADDRESS);
    LoginThrottle nodeB = throttle(LoginThrottle.Policy.ACCOUNT_AT_ADDRESS);
    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      LoginThrottle node = i % 2 == 0 ? nodeA : nodeB;
      if (node.attempt("alice\n192.0.2.1").isEmpty()) {
        admitted++;
      }
    }
    assertThat(admitted).as("five free attempts in all, not five per node").isEqualTo(5);
    assertThat(nodeB.waitFor("alice\n192.0.2.1")).hasValue(Duration.ofSeconds(30));
    assertThat(nodeA.waitFor("bob\n192.0.2.1")).isEmpty();
  }
}
