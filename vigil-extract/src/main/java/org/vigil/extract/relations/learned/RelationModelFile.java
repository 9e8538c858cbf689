/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the standard extractor finds its relation model: the file named by the system property
 * {@value #PROPERTY}, else by the environment variable {@value #ENVIRONMENT}, else {@code
 * models/relations.model} in the data directory the command works on ({@link #useDataDirectory};
 * {@link #DEFAULT} until one is named), which is where {@code vigil train relations} writes. No
 * model is shipped in the jar (the CoNLL04 corpus it learns from states no licence), so without
 * that file extraction reads relations by its rules alone, and says so once in the log.
 */
public final class RelationModelFile {
  public static final String PROPERTY = "vigil.relations.model";
  public static final String ENVIRONMENT = "VIGIL_RELATION_MODEL";
  public static final Path DEFAULT = Path.of("vigil-data", "models", "relations.model");

  private static final Logger LOG = LoggerFactory.getLogger(RelationModelFile.class);

  private static volatile Loaded loaded;
  private static volatile Path dataDirectoryModel = DEFAULT;

  private record Loaded(Path file, Optional<RelationModel> model) {}

  private RelationModelFile() {}

  /**
   * The data directory the process works on ({@code --data}): without the property or the
   * environment variable, the model is read from its {@code models/relations.model}.
   */
  public static void useDataDirectory(Path dataDir) {
    dataDirectoryModel = dataDir.resolve("models").resolve("relations.model");
  }

  /** The model file's location, whether or not it exists. */
  public static Path location() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return dataDirectoryModel;
  }

  /**
   * The model at {@link #location()}, read once per process and location; empty when no file is
   * there.
   *
   * @throws UnreadableRelationModel when the file is there but cannot be used
   */
  public static Optional<RelationModel> standard() {
    Path file = location();
    Loaded l = loaded;
    if (l != null && l.file().equals(file)) {
      return l.model();
    }
    synchronized (RelationModelFile.class) {
      if (loaded != null && loaded.file().equals(file)) {
        return loaded.model();
      }
      Optional<RelationModel> model = Optional.empty();
      if (Files.isRegularFile(file)) {
        try {
          model = Optional.of(RelationModel.read(file));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the relation model " + file, e);
        }
        LOG.info(
            "relation model {} (training data SHA-256 {})",
            file,
            model.get().provenance().trainingDataSha256());
      } else {
        LOG.info(
            "no relation model at {}: relations come from the rules only (make one with `vigil"
                + " train relations --out {}`)",
            file.toAbsolutePath().normalize(),
            file);
      }
      loaded = new Loaded(file, model);
      return model;
    }
  }
}
