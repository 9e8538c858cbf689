/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vigil.app.DemoCase;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.ApiServer;
import org.vigil.http.ServerSettings;
import org.vigil.resolution.CrossReferencing;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * The demo's data served as {@code vigil demo} serves it, for the browser tests that walk it: a
 * store of its own in a temporary folder, and a server that signs in a request from this machine
 * that names {@code localhost} as the demo analyst. Closing it stops the server, closes the store
 * and deletes the folder.
 */
final class DemoServer implements AutoCloseable {
  private final Path dir;
  private final Store store;
  private ApiServer server;

  private DemoServer(String name) throws IOException {
    this.dir = Files.createTempDirectory("vigil-" + name);
    this.store = Store.open(StoreConfig.embedded(dir));
  }

  /** The demo's statements and its sample case, as the demo opens it. */
  static DemoServer withSampleCase(String name) throws IOException {
    DemoServer demo = new DemoServer(name);
    try {
      Clock clock = Clock.systemUTC();
      PrintWriter log = quiet();
      DemoData.load(demo.store, PasswordHasher.standard(), clock, log);
      DemoCase.open(demo.store, clock, log).orElseThrow();
      demo.server = ApiServer.start(demo.store, settings(name), clock);
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  /**
   * The demo's statements, lists and reports, resolved and cross-referenced as {@code vigil demo}
   * does before its corpus, served with the lists' screening.
   */
  static DemoServer withListsAndReports(String name) throws IOException {
    DemoServer demo = new DemoServer(name);
    try {
      Clock clock = Clock.systemUTC();
      PrintWriter log = quiet();
      DemoData.load(demo.store, PasswordHasher.standard(), clock, log);
      DemoData.loadLists(demo.store, demo.dir, clock, log);
      DemoData.loadDocuments(demo.store, clock, log);
      ListScreening screening = ListScreening.over(ListLibrary.in(demo.dir));
      new ResolutionRun(screening, CrossReferencing.DEFAULT_THRESHOLD, clock).run(demo.store);
      demo.server = ApiServer.start(demo.store, settings(name), clock, screening);
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  /** A browser on the server, 1400 by 1000, its screenshots named after {@code prefix}. */
  Browser browser(String prefix) {
    // localhost: the demo signs in requests from this machine that name it.
    Browser browser =
        Browser.open(
            "http://localhost:" + server.port(),
            Path.of(System.getProperty("vigil.screenshots", "target/screenshots")),
            prefix);
    browser.resize(1400, 1000);
    return browser;
  }

  Store store() {
    return store;
  }

  private static ServerSettings settings(String name) {
    return ServerSettings.of("127.0.0.1", 0, name).withLoopbackUser(DemoData.ANALYST);
  }

  private static PrintWriter quiet() {
    return new PrintWriter(new StringWriter(), true);
  }

  @Override
  public void close() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      store.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
