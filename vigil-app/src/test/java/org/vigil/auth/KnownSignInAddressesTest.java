/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The addresses an account signed in from are kept in the store (embedded H2 here, PostgreSQL in
 * {@link PostgresKnownSignInAddressesIT}): two nodes' authenticators on one store both know them,
 * so the owner at such an address passes the throttle on new addresses on either node.
 */
class KnownSignInAddressesTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String HOME = "192.0.2.7";

  @TempDir Path dir;
  Store store;

  /** The store both nodes use. */
  Store open(Path dir) throws Exception {
    return Store.open(StoreConfig.embedded(dir));
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open(dir);
    store.accounts().createOrganization("ctic", "Counter-terrorism intelligence cell");
    store
        .accounts()
        .createUser("alice", "ctic", Role.ANALYST, PasswordHasher.standard().hash(PASSWORD));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Authenticator node() {
    return new Authenticator(
        store,
        PasswordHasher.standard(),
        Clock.systemUTC(),
        Duration.ofHours(8),
        Duration.ofHours(1));
  }

  @Test
  void anAddressKnownThroughOneNodeIsKnownToTheOther() {
    Authenticator nodeA = node();
    Authenticator nodeB = node();
    assertThat(nodeA.login("alice", PASSWORD, HOME)).isInstanceOf(LoginOutcome.SignedIn.class);
    // guesses spread over ten new addresses, through both nodes, engage the account throttle
    for (int i = 1; i <= 10; i++) {
      Authenticator node = i % 2 == 0 ? nodeA : nodeB;
      assertThat(node.login("alice", "guess " + i, "198.51.100." + i))
          .isInstanceOf(LoginOutcome.Refused.class);
    }
    assertThat(nodeB.login("alice", PASSWORD, "203.0.113.9"))
        .as("the owner's password from a new address waits with the guessers")
        .isInstanceOf(LoginOutcome.Throttled.class);
    assertThat(nodeB.login("alice", PASSWORD, HOME))
        .as("from the address node A saw alice sign in from, on node B")
        .isInstanceOf(LoginOutcome.SignedIn.class);
  }

  @Test
  void eachAccountKeepsItsMostRecentAddresses() throws InterruptedException {
    for (int i = 1; i <= 17; i++) {
      store.loginFailures().rememberAddress("alice", "192.0.2." + i, 16);
      Thread.sleep(5); // distinct sign-in times, which order the addresses
    }
    store.loginFailures().rememberAddress("bob", "192.0.2.1", 16);
    assertThat(store.loginFailures().isKnownAddress("alice", "192.0.2.1"))
        .as("the oldest of seventeen")
        .isFalse();
    assertThat(store.loginFailures().isKnownAddress("alice", "192.0.2.2")).isTrue();
    assertThat(store.loginFailures().isKnownAddress("alice", "192.0.2.17")).isTrue();
    assertThat(store.loginFailures().isKnownAddress("bob", "192.0.2.1")).isTrue();
    assertThat(store.loginFailures().isKnownAddress("bob", "192.0.2.2")).isFalse();
    // signing in again from a known address makes it the most recent, not a second row
    store.loginFailures().rememberAddress("alice", "192.0.2.2", 16);
    Thread.sleep(5);
    store.loginFailures().rememberAddress("alice", "192.0.2.18", 16);
    assertThat(store.loginFailures().isKnownAddress("alice", "192.0.2.2")).isTrue();
    assertThat(store.loginFailures().isKnownAddress("alice", "192.0.2.3")).isFalse();
  }
}
