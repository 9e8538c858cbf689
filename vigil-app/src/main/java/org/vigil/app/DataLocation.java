/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.vigil.store.StoreConfig;

/**
 * Where Vigil keeps its data: a data directory (the embedded H2 database and the search index), or
 * a PostgreSQL URL with the index still under the data directory.
 */
public record DataLocation(
    Path dataDir, Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword) {

  public static final Path DEFAULT_DATA_DIR = Path.of("vigil-data");

  public DataLocation {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(dbUrl, "dbUrl");
    requireNonNull(dbUser, "dbUser");
    requireNonNull(dbPassword, "dbPassword");
  }

  public static DataLocation embedded(Path dataDir) {
    return new DataLocation(dataDir, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The store configuration.
   *
   * @throws org.vigil.model.InvalidValueException when the database URL is neither H2 nor
   *     PostgreSQL
   */
  public StoreConfig storeConfig() {
    if (dbUrl.isEmpty()) {
      return StoreConfig.embedded(dataDir);
    }
    try {
      return new StoreConfig(dbUrl.get(), dbUser, dbPassword, dataDir.resolve("index"));
    } catch (IllegalArgumentException e) {
      throw new org.vigil.model.InvalidValueException(e.getMessage());
    }
  }

  /** Where the data is, for messages; never shows a password. */
  public String describe() {
    return dbUrl
        .map(url -> url.replaceAll("(?i)password=[^;&]*", "password=***"))
        .orElse(dataDir.toAbsolutePath().normalize().toString());
  }
}
