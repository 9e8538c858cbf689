/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database migrated by a build that had V31 but not V21, V22, V24 and V25 (numbers reserved per
 * branch and merged later) takes them when the store next opens, instead of refusing to start.
 */
class OutOfOrderMigrationTest {
  @TempDir Path dir;

  @Test
  void aStoreAtAHigherVersionTakesTheLowerMigrationsItLacks() throws Exception {
    StoreConfig config = StoreConfig.embedded(dir.resolve("data"));
    Store.open(config).close();
    try (Connection c = DriverManager.getConnection(config.jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE login_failures");
      s.execute("DROP TABLE store_changes");
      s.execute("ALTER TABLE unindexed_entities DROP COLUMN journaled_at");
      s.execute(
          "DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('21', '22', '24', '25')");
    }

    Store.open(config).close();

    try (Connection c = DriverManager.getConnection(config.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IN ('21', '22', '24', '25')"
                    + " AND \"success\"")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(4);
    }
  }
}
