/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** A real server on a free port over an H2 store in a temporary folder. */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";

  // One hash reused for every test user: Argon2 is deliberately slow, and the tests are about
  // the API, not the hashing.
  private static final String PASSWORD_HASH = PasswordHasher.standard().hash(PASSWORD);

  final Store store;
  final ApiServer server;
  final String base;

  private TestServer(Store store, ApiServer server) {
    this.store = store;
    this.server = server;
    this.base = "http://127.0.0.1:" + server.port();
  }

  static TestServer start(Path dir) {
    return start(dir, s -> s);
  }

  static TestServer start(Path dir, UnaryOperator<ServerSettings> settings) {
    Store store = Store.open(StoreConfig.embedded(dir));
    ServerSettings base = settings.apply(ServerSettings.of("127.0.0.1", 0, "test"));
    return new TestServer(store, ApiServer.start(store, base, Clock.systemUTC()));
  }

  void org(String id, String... partners) {
    store.accounts().createOrganization(id, "Organisation " + id);
    for (String partner : partners) {
      store.accounts().addPartners(id, partner);
    }
  }

  User user(String username, String orgId, Role role) {
    return store.accounts().createUser(username, orgId, role, PASSWORD_HASH);
  }

  Client client() {
    return new Client(base);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      store.close();
    }
  }
}
