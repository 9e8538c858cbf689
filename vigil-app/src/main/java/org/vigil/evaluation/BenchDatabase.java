/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.nio.file.Path;
import java.util.Optional;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL database a store benchmark also measures ({@code --postgres}, {@code
 * --postgres-user}; the password from {@code $VIGIL_DB_PASSWORD}), beside the fresh embedded H2
 * store it always measures.
 */
final class BenchDatabase {
  @Option(
      names = "--postgres",
      paramLabel = "URL",
      description =
          "Also measure this PostgreSQL database (jdbc:postgresql://host/db); the benchmark writes"
              + " to it.")
  Optional<String> url = Optional.empty();

  @Option(
      names = "--postgres-user",
      description = "User for --postgres; the password is read from $VIGIL_DB_PASSWORD.")
  Optional<String> user = Optional.empty();

  boolean given() {
    return url.isPresent();
  }

  Optional<String> password() {
    return Optional.ofNullable(System.getenv("VIGIL_DB_PASSWORD"));
  }

  /**
   * A store on {@code jdbcUrl} (the database given, or a schema of it), indexed in {@code index}.
   */
  StoreConfig config(String jdbcUrl, Path index) {
    return new StoreConfig(jdbcUrl, user, password(), index);
  }

  /** A store on the database given, indexed in {@code index}. */
  StoreConfig config(Path index) {
    return config(url.orElseThrow(), index);
  }
}
