/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.vigil.search.OpenSearchCluster;
import org.vigil.search.SearchIndex;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The API suite on a node pair (issue 19): with the system property {@value #PROPERTY} set to
 * {@code 2} (the {@code node-pair} Maven profile), every {@link TestServer} is two servers, each
 * over a store of its own, on one fresh PostgreSQL database and one OpenSearch index, and its
 * clients send their requests to the two nodes in turn, with no load balancer between. Sessions,
 * tokens and CSRF tokens opened on one node are used on the other.
 *
 * <p>One PostgreSQL (the embedded binaries) and one single-node OpenSearch cluster (the
 * distribution that {@code -Popensearch} unpacks) are started for the whole test JVM on first use
 * and stopped by their PIDs when it exits. Each test server gets a database and an index alias of
 * its own, dropped when it closes.
 */
final class NodePair {
  static final String PROPERTY = "vigil.test.nodes";

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static OpenSearchCluster search;

  private NodePair() {}

  /** Whether this JVM runs the API suite on node pairs. */
  static boolean enabled() {
    String nodes = System.getProperty(PROPERTY, "1");
    if (!nodes.equals("1") && !nodes.equals("2")) {
      throw new IllegalArgumentException(PROPERTY + " is 1 or 2, not '" + nodes + "'");
    }
    return nodes.equals("2");
  }

  /** Where the pair's stores live: their database, and the search index both nodes use. */
  record Place(StoreConfig a, StoreConfig b, URI search, String alias, String database) {
    Store open(StoreConfig config) {
      return Store.open(config, resolver -> SearchIndex.openSearch(search, alias, 1, 0, resolver));
    }
  }

  /**
   * A fresh place for a pair under {@code dir}: the PostgreSQL database {@code given} names, or a
   * new one of this JVM's PostgreSQL when {@code given} is the embedded H2 store.
   */
  static synchronized Place place(StoreConfig given, Path dir) {
    try {
      start();
      StoreConfig a = given;
      String database = "";
      if (!given.isPostgres()) {
        a = RootlessPostgres.freshDatabase(postgres, dir.resolve("node-a"));
        database = a.jdbcUrl().replaceAll(".*/([a-z0-9_]+).*", "$1");
      }
      Files.createDirectories(dir.resolve("node-b"));
      // node B's own data folder, with the deployment's audit key beside it
      StoreConfig b =
          new StoreConfig(
              a.jdbcUrl(),
              a.user(),
              a.password(),
              dir.resolve("node-b").resolve("index"),
              a.auditKeyFile());
      String alias = "vigil-pair-" + ALIASES.incrementAndGet();
      return new Place(a, b, search.url(), alias, database);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the pair's database", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Drops what {@link #place} made: the index behind the alias, and the database it created. */
  static synchronized void drop(Place place) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              place.search().resolve("/" + place.alias() + "-*").toURL().openConnection();
      c.setRequestMethod("DELETE");
      c.getResponseCode();
      c.disconnect();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the pair's index " + place.alias(), e);
    }
    if (!place.database().isEmpty()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + place.database());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop the pair's database " + place.database(), e);
      }
    }
  }

  private static void start() throws IOException, InterruptedException {
    if (postgres != null) {
      return;
    }
    if (!OpenSearchCluster.available()) {
      throw new IllegalStateException(
          "the node pair needs OpenSearch: run with -Popensearch -Pnode-pair (as .ci/run does)");
    }
    search = OpenSearchCluster.start(1);
    postgres = RootlessPostgres.start();
    System.out.println(
        "API suite on node pairs: PostgreSQL "
            + postgres.getJdbcUrl("postgres", "postgres")
            + ", OpenSearch "
            + search.url());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println("stopping the pair's PostgreSQL: " + e);
                  } finally {
                    search.close();
                  }
                },
                "node-pair-stop"));
  }
}
