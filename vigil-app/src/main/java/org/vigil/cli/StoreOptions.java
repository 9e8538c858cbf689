/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.app.DataLocation;
import org.vigil.watchlists.ListLibrary;
import picocli.CommandLine.Option;

/**
 * Where the data is, the same way for every command: {@code --data DIR} and {@code --db URL}
 * (PostgreSQL), the URL and user also from VIGIL_DB_URL and VIGIL_DB_USER, the password only from
 * VIGIL_DB_PASSWORD so that it never appears in a process list.
 */
final class StoreOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory: embedded database and search index (default: ./vigil-data;"
              + " for vigil demo: ./vigil-demo-data).")
  Path dataDir;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Database URL, e.g. jdbc:postgresql://host/vigil (default: $VIGIL_DB_URL, else the"
              + " embedded database in the data directory).")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description =
          "Database user (default: $VIGIL_DB_USER). The password is read from"
              + " $VIGIL_DB_PASSWORD.")
  String dbUser;

  /** The location, with {@code defaultDataDir} when {@code --data} was not given. */
  DataLocation location(Path defaultDataDir, Function<String, Optional<String>> env) {
    Optional<String> url = Optional.ofNullable(dbUrl).or(() -> env.apply("VIGIL_DB_URL"));
    return new DataLocation(
        Optional.ofNullable(dataDir).orElse(defaultDataDir),
        url.filter(u -> !u.isBlank()),
        Optional.ofNullable(dbUser).or(() -> env.apply("VIGIL_DB_USER")),
        env.apply("VIGIL_DB_PASSWORD"));
  }

  /** The list library in the data directory. */
  ListLibrary library(VigilCommand root) {
    return ListLibrary.in(location(DataLocation.DEFAULT_DATA_DIR, root.env()).dataDir());
  }

  boolean databaseGiven(Function<String, Optional<String>> env) {
    return dbUrl != null || env.apply("VIGIL_DB_URL").filter(u -> !u.isBlank()).isPresent();
  }
}
