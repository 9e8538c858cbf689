/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.extract.relations.learned.PairFeatures;
import org.vigil.extract.relations.learned.RelationModel;

/**
 * The relation models {@code vigil eval relations} trained for itself, kept in a data directory's
 * {@code models/trained/} and named by their training data's SHA-256 and the feature version, so
 * that a later run on the same data with a Vigil that computes the same features reads the model
 * instead of training it again. A model is written whole or not at all (to a temporary file first,
 * then moved).
 */
final class TrainedRelationModels {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path folder;

  /** The models kept under {@code dataDir}. */
  TrainedRelationModels(Path dataDir) {
    this.folder = dataDir.resolve("models").resolve("trained");
  }

  /** Where the model trained on data of SHA-256 {@code trainingDataSha256} is kept. */
  Path file(String trainingDataSha256) {
    if (!SHA256.matcher(trainingDataSha256).matches()) {
      throw new IllegalArgumentException(
          "not a SHA-256 in lower-case hex: '" + trainingDataSha256 + "'");
    }
    return folder.resolve(
        "relations-" + trainingDataSha256 + "-features" + PairFeatures.VERSION + ".model");
  }

  /**
   * The model kept for {@code trainingDataSha256}; empty when none is.
   *
   * @throws IOException when the file is there but cannot be read as a model trained on that data
   */
  Optional<RelationModel> find(String trainingDataSha256) throws IOException {
    Path file = file(trainingDataSha256);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    RelationModel model = RelationModel.read(file);
    if (!model.provenance().trainingDataSha256().equals(trainingDataSha256)) {
      throw new IOException(
          file
              + " was trained on data of SHA-256 "
              + model.provenance().trainingDataSha256()
              + ", not "
              + trainingDataSha256
              + "; delete it to train again");
    }
    return Optional.of(model);
  }

  /** Keeps {@code model} under its training data's SHA-256 and returns the file. */
  Path keep(RelationModel model) throws IOException {
    Path file = file(model.provenance().trainingDataSha256());
    Files.createDirectories(folder);
    Path partial = Files.createTempFile(folder, "relations-", ".partial");
    try {
      model.write(partial);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return file;
  }
}
