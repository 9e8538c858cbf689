/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.app.DataLocation;
import org.vigil.extract.relations.learned.RelationModelFile;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
          "Data directory: embedded database and search index (default: ./vigil-data, or"
              + " ./vigil-demo-data when only the demo's data are here; for vigil demo:"
              + " ./vigil-demo-data).")
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

  // The command (or the options) this mixin is part of, for saying which data it chose.
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * The location, with {@code defaultDataDir} when {@code --data} was not given; but where the
   * default is ./vigil-data, there is none, and ./vigil-demo-data is there, the demo's data (and a
   * note on stderr says so), so that commands tried beside a demo read its data rather than make an
   * empty ./vigil-data.
   */
  DataLocation location(Path defaultDataDir, Function<String, Optional<String>> env) {
    Optional<String> url = Optional.ofNullable(dbUrl).or(() -> env.apply("VIGIL_DB_URL"));
    Path chosen = Optional.ofNullable(dataDir).orElse(defaultDataDir);
    if (dataDir == null
        && url.filter(u -> !u.isBlank()).isEmpty()
        && defaultDataDir.equals(DataLocation.DEFAULT_DATA_DIR)
        && !Files.exists(defaultDataDir)
        && Files.isDirectory(DemoCommand.DEFAULT_DATA_DIR)) {
      chosen = DemoCommand.DEFAULT_DATA_DIR;
      note(
          "Reading the demo's data in ./"
              + DemoCommand.DEFAULT_DATA_DIR
              + " (there is no ./"
              + DataLocation.DEFAULT_DATA_DIR
              + "; --data DIR names other data).");
    }
    // The extractor's relation model is the data directory's (models/relations.model).
    RelationModelFile.useDataDirectory(chosen);
    return new DataLocation(
        chosen,
        url.filter(u -> !u.isBlank()),
        Optional.ofNullable(dbUser).or(() -> env.apply("VIGIL_DB_USER")),
        env.apply("VIGIL_DB_PASSWORD"));
  }

  /** The store at the location, with ./vigil-data as the default data directory. */
  Store open(VigilCommand root) {
    return root.openStore(location(DataLocation.DEFAULT_DATA_DIR, root.env()));
  }

  /** The list library in the data directory. */
  ListLibrary library(VigilCommand root) {
    return ListLibrary.in(location(DataLocation.DEFAULT_DATA_DIR, root.env()).dataDir());
  }

  private void note(String line) {
    CommandSpec spec = mixee;
    while (spec != null && spec.commandLine() == null) {
      spec = spec.parent();
    }
    if (spec != null) {
      spec.commandLine().getErr().println(line);
      spec.commandLine().getErr().flush();
    }
  }

  boolean databaseGiven(Function<String, Optional<String>> env) {
    return dbUrl != null || env.apply("VIGIL_DB_URL").filter(u -> !u.isBlank()).isPresent();
  }
}
