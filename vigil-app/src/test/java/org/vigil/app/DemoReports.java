/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.vigil.access.Role;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.ApiServer;
import org.vigil.http.ServerSettings;
import org.vigil.http.TestServer;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * The set-up of the tests that serve the demo's statements and bundled reports: the store (in
 * {@code dir}, its search index built), users who sign in with {@link TestServer#PASSWORD}, and a
 * server with the lists' screening of the same folder.
 */
final class DemoReports {
  private DemoReports() {}

  /** A store in {@code dir} holding the demo's statements and reports, reindexed. */
  static Store store(Path dir) {
    Store store = Store.open(StoreConfig.embedded(dir));
    PrintWriter quiet = new PrintWriter(new StringWriter());
    DemoData.load(
        store,
        new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
        Clock.systemUTC(),
        quiet);
    DemoData.loadDocuments(store, Clock.systemUTC(), quiet);
    store.reindex();
    return store;
  }

  /** A user of {@code org} in {@code role} who signs in with the tests' password. */
  static void user(Store store, String username, String org, Role role) {
    store
        .accounts()
        .createUser(username, org, role, PasswordHasher.standard().hash(TestServer.PASSWORD));
  }

  /** The store served on a free port of the loopback address, with the lists of {@code dir}. */
  static ApiServer serve(Store store, Path dir, ServerSettings settings) {
    return ApiServer.start(
        store, settings, Clock.systemUTC(), ListScreening.over(ListLibrary.in(dir)));
  }
}
