/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a store keeps its data: a JDBC URL (H2 or PostgreSQL) with optional credentials, the folder
 * of the derived search index, and the file of the key that seals the audit log.
 *
 * @param auditKeyFile the audit log's HMAC key, kept outside the database so that someone who can
 *     rewrite the database cannot reseal a rewritten row; created on first open
 */
public record StoreConfig(
    String jdbcUrl,
    Optional<String> user,
    Optional<String> password,
    Path indexDir,
    Path auditKeyFile) {
  public StoreConfig {
    requireNonNull(jdbcUrl, "jdbcUrl");
    requireNonNull(user, "user");
    requireNonNull(password, "password");
    requireNonNull(indexDir, "indexDir");
    requireNonNull(auditKeyFile, "auditKeyFile");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported database URL '" + jdbcUrl + "'; use jdbc:h2:... or jdbc:postgresql://...");
    }
  }

  /** A configuration with the audit key beside the index folder, as {@code audit.key}. */
  public StoreConfig(
      String jdbcUrl, Optional<String> user, Optional<String> password, Path indexDir) {
    this(jdbcUrl, user, password, indexDir, indexDir.resolveSibling("audit.key"));
  }

  /** The same, with the audit key in {@code file}. */
  public StoreConfig withAuditKeyFile(Path file) {
    return new StoreConfig(jdbcUrl, user, password, indexDir, file);
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
