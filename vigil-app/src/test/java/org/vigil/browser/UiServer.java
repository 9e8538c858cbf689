/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vigil.access.Role;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.ApiServer;
import org.vigil.http.ServerSettings;
import org.vigil.resolution.ContinuousScreening;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.tips.SealingKey;
import org.vigil.tips.TeamKeys;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * A real Vigil server for the browser tests, one per test JVM: an embedded H2 store in a temporary
 * folder, the bundled OFAC SDN and UN lists loaded as {@code vigil demo} loads them, and two
 * analysts in two organisations that are not partners.
 */
public final class UiServer implements ExtensionContext.Store.CloseableResource {
  /** Every test user's password. */
  public static final String PASSWORD = "correct horse battery staple";

  /** An analyst of {@link #HOME_ORG}. */
  public static final String ANALYST = "alice";

  /** An analyst of {@link #OTHER_ORG}, which is no partner of {@link #HOME_ORG}. */
  public static final String OUTSIDER = "bob";

  /** A tip handler of {@link #HOME_ORG}: reads the tip line's queue. */
  public static final String HANDLER = "handler";

  public static final String HOME_ORG = "ctic";
  public static final String OTHER_ORG = "customs";

  private final Path dir;
  private final Store store;
  private final ApiServer server;
  private final ListScreening screening;

  private UiServer(Path dir, Store store, ApiServer server, ListScreening screening) {
    this.dir = dir;
    this.store = store;
    this.server = server;
    this.screening = screening;
  }

  static UiServer start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("vigil-ui");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Store store = Store.open(StoreConfig.embedded(dir));
    try {
      StringWriter log = new StringWriter();
      DemoData.loadLists(store, dir, Clock.systemUTC(), new PrintWriter(log, true));
      store.accounts().createOrganization(HOME_ORG, "Joint Counter-Threat Intelligence Centre");
      store.accounts().createOrganization(OTHER_ORG, "Customs Investigation Service");
      String hash = PasswordHasher.standard().hash(PASSWORD);
      store.accounts().createUser(ANALYST, HOME_ORG, Role.ANALYST, hash);
      store.accounts().createUser(OUTSIDER, OTHER_ORG, Role.ANALYST, hash);
      store.accounts().createUser(HANDLER, HOME_ORG, Role.TIP_HANDLER, hash);
      TeamKeys.generate(dir.resolve("tips-team.key"), dir);
      ListScreening screening = ListScreening.over(ListLibrary.in(dir));
      screening.prepareInBackground();
      ApiServer server =
          ApiServer.start(
              store,
              ServerSettings.of("127.0.0.1", 0, "browser-test")
                  .withTipKey(dir.resolve("tips-team.key")),
              Clock.systemUTC(),
              screening);
      return new UiServer(dir, store, server, screening);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The server's address, e.g. {@code http://127.0.0.1:40123}, without a trailing slash. */
  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * The server's screener over the bundled lists, for cross-referencing fixtures as ingest does.
   */
  public ListScreening screening() {
    return screening;
  }

  /**
   * The server's continuous screening, to run its scheduled list update now rather than in a day.
   */
  public ContinuousScreening continuousScreening() {
    return server.continuousScreening().orElseThrow();
  }

  /** The tip team's public key, which the intake seals tips to. */
  public SealingKey tipTeam() {
    return TeamKeys.sealingKey(dir).orElseThrow();
  }

  /** The store behind the server, for writing fixtures and checking what was stored. */
  public Store store() {
    return store;
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      store.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
