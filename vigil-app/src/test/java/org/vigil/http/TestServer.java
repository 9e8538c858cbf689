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
import org.vigil.watchlists.ListScreening;

/** A real server on a free port over an H2 store in a temporary folder (or a given store). */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery staple";

  // One hash reused for every test user: Argon2 is deliberately slow, and the tests are about
  // the API, not the hashing.
  private static final String PASSWORD_HASH = PasswordHasher.standard().hash(PASSWORD);

  public final Store store;
  private final ServerSettings settings;
  private final ListScreening screening;
  ApiServer server;
  String base;

  private TestServer(Store store, ServerSettings settings, ListScreening screening) {
    this.store = store;
    this.settings = settings;
    this.screening = screening;
    listen();
  }

  static TestServer start(Path dir) {
    return start(dir, s -> s);
  }

  static TestServer start(Path dir, UnaryOperator<ServerSettings> settings) {
    return start(StoreConfig.embedded(dir), settings, ListScreening.none());
  }

  /**
   * A server over the store {@code config} names (H2 or PostgreSQL), screening with {@code
   * screening}.
   */
  public static TestServer start(
      StoreConfig config, UnaryOperator<ServerSettings> settings, ListScreening screening) {
    Store store = Store.open(config);
    return new TestServer(
        store, settings.apply(ServerSettings.of("127.0.0.1", 0, "test")), screening);
  }

  /** A server over a store the caller opened (its search index on OpenSearch, say); closes it. */
  public static TestServer over(Store store) {
    return new TestServer(store, ServerSettings.of("127.0.0.1", 0, "test"), ListScreening.none());
  }

  /**
   * Stops the server, which waits for the resolution runs that uploads started, and starts a new
   * one on the same store and a new port: after it, the store holds everything those runs wrote.
   * Clients made before it talk to the old port; make new ones.
   */
  public void restart() {
    server.close();
    listen();
  }

  private void listen() {
    server = ApiServer.start(store, settings, Clock.systemUTC(), screening);
    base = "http://127.0.0.1:" + server.port();
  }

  public void org(String id, String... partners) {
    store.accounts().createOrganization(id, "Organisation " + id);
    for (String partner : partners) {
      store.accounts().addPartners(id, partner);
    }
  }

  public User user(String username, String orgId, Role role) {
    return store.accounts().createUser(username, orgId, role, PASSWORD_HASH);
  }

  public Client client() {
    return new Client(base);
  }

  /** Every route of the running server, pages included, with the permission each needs. */
  public java.util.List<Routes.Route> routes() {
    return server.routes();
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
