/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a store keeps its data: a JDBC URL (H2 or PostgreSQL) with optional credentials, and the
 * folder of the derived search index.
 */
public record StoreConfig(
    String jdbcUrl, Optional<String> user, Optional<String> password, Path indexDir) {
  public StoreConfig {
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    requireNonNull(indexDir, "indexDir");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported database URL '" + jdbcUrl + "'; use jdbc:h2:... or jdbc:postgresql://...");
    }
  }

  /** The embedded default: an H2 file database and the index under {@code dataDir}. */
  public static StoreConfig embedded(Path dataDir) {
    Path db = dataDir.toAbsolutePath().resolve("vigil");
    return new StoreConfig(
        "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE",
        Optional.empty(),
        Optional.empty(),
        dataDir.resolve("index"));
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }
}
