/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.learned.ModelProvenance;
import org.vigil.extract.relations.learned.PairFeatures;
import org.vigil.extract.relations.learned.RelationLabel;
import org.vigil.extract.relations.learned.RelationTrainer;
import org.vigil.extract.relations.learned.RelationTraining;
import org.vigil.extract.relations.learned.TrainingExample;

/** {@code vigil eval relations}: which model it scores, and the held-out split beside dev. */
class EvalRelationsCliTest {
  // One CoNLL04 sentence in the corpus's JSON form, written for this test.
  private static final String SENTENCE =
      "[{\"tokens\": [\"Maria\", \"Kovacs\", \",\", \"who\", \"works\", \"for\", \"Helix\","
          + " \"Dynamics\", \",\", \"spoke\", \".\"], \"tags\": [\"B-Peop\", \"L-Peop\", \"O\","
          + " \"O\", \"O\", \"O\", \"B-Org\", \"L-Org\", \"O\", \"O\", \"O\"], \"relations\":"
          + " [{\"head\": 0, \"tail\": 1, \"type\": \"Work_For\"}], \"orig_id\": 1}]";

  @TempDir Path dir;

  @Test
  void withNoTrainAndNoModelTheRulesAloneAreScoredAndItSaysSo() throws IOException {
    Path shared = sharedWith("nlp/conll04/conll04_dev.json");

    CliRunner.Run run = evalRelations(shared, "--no-train");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("relation model: not run (no model at")
        .contains("--no-train): rules alone")
        .contains("reading")
        .doesNotContain("reading+model")
        .doesNotContain("conll04-test");
  }

  @Test
  void withoutTheTrainingSplitsItSaysWhyNoModelIsTrainedAndScoresTheRules() throws IOException {
    Path shared = sharedWith("nlp/conll04/conll04_dev.json");

    CliRunner.Run run = evalRelations(shared);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("cannot train one: no training file")
        .contains("conll04_train.json")
        .doesNotContain("reading+model");
  }

  @Test
  void aModelTrainedOnTheSameDataIsReusedAndAHeldOutTestSplitGetsItsOwnRows() throws IOException {
    Path shared = sharedWith(RelationTraining.FILES.toArray(String[]::new));
    Files.writeString(
        shared.resolve("nlp/conll04/conll04_test.json"), SENTENCE, StandardCharsets.UTF_8);
    String sha = RelationTraining.trainingDataSha256(shared, RelationTraining.Corpora.ALL);
    Path kept =
        dir.resolve(
            "data/models/trained/relations-" + sha + "-features" + PairFeatures.VERSION + ".model");
    Files.createDirectories(kept.getParent());
    tinyModel(sha).write(kept);

    CliRunner.Run run = evalRelations(shared);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("relation model: trained by an earlier run on the same data, " + kept)
        .contains("training data SHA-256 " + sha)
        .doesNotContain("training one now")
        .contains("CoNLL04 test (held out: nothing trains or tunes on it): 1 sentences");
    assertThat(run.out().lines().filter(l -> l.contains("conll04-test")))
        .anySatisfy(l -> assertThat(l).contains("reading+model"))
        .anySatisfy(l -> assertThat(l).contains("reading "));
  }

  @Test
  void aModelFileThatIsNotThereIsAnError() throws IOException {
    Path shared = sharedWith("nlp/conll04/conll04_dev.json");

    CliRunner.Run run = evalRelations(shared, "--model", dir.resolve("gone.model").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("gone.model: no such file");
  }

  private CliRunner.Run evalRelations(Path shared, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "eval",
                "relations",
                "--shared",
                shared.toString(),
                "--data",
                dir.resolve("data").toString(),
                "--corpus",
                "conll04"));
    args.addAll(List.of(more));
    return vigil(args.toArray(String[]::new));
  }

  /** A shared folder holding {@code files}; CoNLL04's hold {@link #SENTENCE}, the others "[]". */
  private Path sharedWith(String... files) throws IOException {
    Path shared = dir.resolve("shared");
    for (String f : files) {
      Path file = shared.resolve(f);
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.contains("conll04") ? SENTENCE : "[]", StandardCharsets.UTF_8);
    }
    return shared;
  }

  private static org.vigil.extract.relations.learned.RelationModel tinyModel(String sha) {
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
