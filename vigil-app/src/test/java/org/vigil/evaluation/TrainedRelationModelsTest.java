/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.relations.learned.PairFeatures;
import org.vigil.extract.relations.learned.RelationModel;

class TrainedRelationModelsTest {
  private static final String DATA_A = "a".repeat(64);
  private static final String DATA_B = "b".repeat(64);

  @TempDir Path dataDir;

  @Test
  void aKeptModelIsFoundAgainUnderItsTrainingDataDigest() throws IOException {
    TrainedRelationModels models = new TrainedRelationModels(dataDir);

    Path file = models.keep(model(DATA_A));

    assertThat(file).isEqualTo(models.file(DATA_A)).isRegularFile();
    assertThat(file.getParent()).isEqualTo(dataDir.resolve("models/trained"));
    assertThat(file.getFileName().toString()).contains(DATA_A);
    assertThat(models.find(DATA_A))
        .hasValueSatisfying(m -> assertThat(m.provenance().trainingDataSha256()).isEqualTo(DATA_A));
    assertThat(models.find(DATA_B)).isEmpty();
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aModelOfOtherDataUnderADigestsNameIsRefused() throws IOException {
    TrainedRelationModels models = new TrainedRelationModels(dataDir);
    Path other = models.keep(model(DATA_B));
    Files.copy(other, models.file(DATA_A));

    assertThatThrownBy(() -> models.find(DATA_A))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("trained on data of SHA-256 " + DATA_B)
        .hasMessageContaining("delete it");
  }

  @Test
  void aNameThatIsNoDigestIsRefused() {
    TrainedRelationModels models = new TrainedRelationModels(dataDir);

    assertThatThrownBy(() -> models.file("../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../escape'");
  }

  @Test
  void theFileNamesTheFeatureVersion() {
    assertThat(new TrainedRelationModels(dataDir).file(DATA_A).getFileName().toString())
        .endsWith("-features" + PairFeatures.VERSION + ".model");
  }

  private static RelationModel model(String sha) {
    return TinyRelationModel.trainedOn(sha);
  }
}
