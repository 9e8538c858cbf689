/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.extract.MentionType;

class RelationTrainerTest {
  private static final String DATA = "ab".repeat(32);
  private static List<TrainingExample> examples;

  @BeforeAll
  static void parseTheFixtures() {
    examples = TinyCorpus.examples();
  }

  private static ModelProvenance provenance(long seed) {
    return new ModelProvenance(DATA, PairFeatures.VERSION, 1.0, 0.4, seed);
  }

  private static byte[] bytes(RelationModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theSameExamplesAndSeedGiveTheSameModelBytes() throws Exception {
    byte[] first = bytes(RelationTrainer.train(examples, provenance(7)));
    byte[] second = bytes(RelationTrainer.train(TinyCorpus.examples(), provenance(7)));
    assertThat(sha256(second)).isEqualTo(sha256(first));
  }

  @Test
  void aModelReadBackClassifiesAsTheOneWritten() throws Exception {
    RelationModel model = RelationTrainer.train(examples, provenance(1));
    RelationModel read = RelationModel.read(new ByteArrayInputStream(bytes(model)), "test");
    assertThat(read.provenance()).isEqualTo(model.provenance());
    assertThat(read.features()).isEqualTo(model.features());
    for (TrainingExample e : examples) {
      assertThat(read.probabilities(e.features())).isEqualTo(model.probabilities(e.features()));
    }
  }

  @Test
  void theModelLearnsTheFixturesRelations() {
    RelationModel model = RelationTrainer.train(examples, provenance(1));
    long right =
        examples.stream()
            .filter(e -> model.classify(e.features(), e.head(), e.tail()).label() == e.label())
            .count();
    assertThat(right).isEqualTo(examples.size());
  }

  @Test
  void aLabelWhoseTypesDoNotFitIsNeverPredicted() {
    RelationModel model = RelationTrainer.train(examples, provenance(1));
    TrainingExample workFor =
        examples.stream().filter(e -> e.label() == RelationLabel.WORK_FOR).findFirst().get();
    assertThat(
            model
                .classify(workFor.features(), MentionType.LOCATION, MentionType.ORGANIZATION)
                .label())
        .isEqualTo(RelationLabel.NONE);
  }

  @Test
  void aModelOfAnotherFeatureVersionIsRefusedWithWhatToDo() throws Exception {
    byte[] written = bytes(RelationTrainer.train(examples, provenance(1)));
    String text =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(written)).readAllBytes(),
            StandardCharsets.UTF_8);
    String older = text.replace("feature-version " + PairFeatures.VERSION, "feature-version 0");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(older.getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> RelationModel.read(new ByteArrayInputStream(out.toByteArray()), "old"))
        .isInstanceOf(UnreadableRelationModel.class)
        .hasMessageContaining("old was trained on feature version 0")
        .hasMessageContaining("vigil train relations");
  }

  @Test
  void aFileThatIsNoModelIsRefused() {
    byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> RelationModel.read(new ByteArrayInputStream(text), "notes.txt"))
        .isInstanceOf(UnreadableRelationModel.class)
        .hasMessageContaining("notes.txt is not a relation model file");
  }

  @Test
  void theModelRecordsItsTrainingDataHash() {
    assertThat(RelationTrainer.train(examples, provenance(1)).provenance().trainingDataSha256())
        .isEqualTo(DATA);
  }

  @Test
  void aLabelsOwnThresholdDecidesWhetherItIsRead() {
    RelationModel model = RelationTrainer.train(examples, provenance(1));
    TrainingExample workFor =
        examples.stream().filter(e -> e.label() == RelationLabel.WORK_FOR).findFirst().get();
    assertThat(model.classify(workFor.features(), workFor.head(), workFor.tail()).label())
        .isEqualTo(RelationLabel.WORK_FOR);
    RelationModel strict = model.withThresholds(java.util.Map.of(RelationLabel.WORK_FOR, 1.0));
    RelationModel.Prediction p =
        strict.classify(workFor.features(), workFor.head(), workFor.tail());
    assertThat(p.label()).isEqualTo(RelationLabel.NONE);
    assertThat(strict.provenance().threshold(RelationLabel.WORK_FOR)).isEqualTo(1.0);
    assertThat(strict.provenance().threshold(RelationLabel.KILL)).isEqualTo(0.4);
    TrainingExample kill =
        examples.stream().filter(e -> e.label() == RelationLabel.KILL).findFirst().get();
    assertThat(strict.classify(kill.features(), kill.head(), kill.tail()).label())
        .isEqualTo(RelationLabel.KILL);
  }

  @Test
  void theLabelsThresholdsAreWrittenAndReadBack() throws Exception {
    RelationModel model =
        RelationTrainer.train(examples, provenance(1))
            .withThresholds(
                java.util.Map.of(RelationLabel.WORK_FOR, 0.65, RelationLabel.LOCATED_IN, 0.9));
    RelationModel read = RelationModel.read(new ByteArrayInputStream(bytes(model)), "test");
    assertThat(read.provenance()).isEqualTo(model.provenance());
    assertThat(read.provenance().threshold(RelationLabel.LOCATED_IN)).isEqualTo(0.9);
    assertThat(read.provenance().threshold(RelationLabel.KILL)).isEqualTo(0.4);
  }

  @Test
  void aFileOfTheFirstFormatIsStillRead() throws Exception {
    RelationModel model = RelationTrainer.train(examples, provenance(1));
    String text =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(bytes(model))).readAllBytes(),
            StandardCharsets.UTF_8);
    String first = text.replace("format 2\n", "format 1\n").replace("thresholds none\n", "");
    assertThat(first).isNotEqualTo(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(first.getBytes(StandardCharsets.UTF_8));
    }
    RelationModel read = RelationModel.read(new ByteArrayInputStream(out.toByteArray()), "v1");
    assertThat(read.provenance()).isEqualTo(model.provenance());
    for (TrainingExample e : examples) {
      assertThat(read.probabilities(e.features())).isEqualTo(model.probabilities(e.features()));
    }
  }

  @Test
  void aThresholdLineThatCannotBeReadIsRefusedByName() throws Exception {
    RelationModel model = RelationTrainer.train(examples, provenance(1));
    String text =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(bytes(model))).readAllBytes(),
            StandardCharsets.UTF_8);
    String wrong = text.replace("thresholds none\n", "thresholds SPYING=0.5\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(wrong.getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> RelationModel.read(new ByteArrayInputStream(out.toByteArray()), "m"))
        .isInstanceOf(UnreadableRelationModel.class)
        .hasMessageContaining("m: threshold SPYING=0.5 cannot be read");
  }
}
