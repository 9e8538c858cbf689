/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The document contract on a real PostgreSQL server (embedded binaries from Maven Central, started
 * once for the class; see {@link RootlessPostgres}), a fresh database per test.
 */
class PostgresDocumentContractIT extends DocumentContract {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = RootlessPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected StoreConfig freshConfig(Path dataDir) throws SQLException {
    String name = "vigil_doc_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new StoreConfig(
        postgres.getJdbcUrl("postgres", name),
        Optional.of("postgres"),
        Optional.empty(),
        dataDir.resolve("index"));
  }
}
