/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.learned.ModelProvenance;
import org.vigil.extract.relations.learned.PairFeatures;
import org.vigil.extract.relations.learned.RelationLabel;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationTrainer;
import org.vigil.extract.relations.learned.TrainingExample;

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
    List<TrainingExample> examples =
        List.of(
            example("path|works", RelationLabel.WORK_FOR),
            example("path|works", RelationLabel.WORK_FOR),
            example("path|met", RelationLabel.NONE),
            example("path|met", RelationLabel.NONE));
    return RelationTrainer.train(
        examples, new ModelProvenance(sha, PairFeatures.VERSION, 1.0, 0.5, 1));
  }

  private static TrainingExample example(String feature, RelationLabel label) {
    return new TrainingExample(
        List.of(feature, "bias"), label, MentionType.PERSON, MentionType.ORGANIZATION);
  }
}
