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
import org.vigil.evaluation.TinyRelationModel;
import org.vigil.extract.relations.learned.PairFeatures;
import org.vigil.extract.relations.learned.RelationTraining;

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
  void theParsesOfOneRunAreKeptForTheNextInTheDataFolder() throws IOException {
    Path shared = sharedWith("nlp/conll04/conll04_dev.json");
    // A word of speech makes the extractor parse a sentence whatever names it finds in it.
    Files.writeString(
        shared.resolve("nlp/conll04/conll04_dev.json"),
        SENTENCE.replace("\"spoke\"", "\"said\""),
        StandardCharsets.UTF_8);

    CliRunner.Run first = evalRelations(shared, "--no-train");
    CliRunner.Run second = evalRelations(shared, "--no-train");
    CliRunner.Run without = evalRelations(shared, "--no-train", "--no-parse-cache");

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("parse cache: " + dir.resolve("data/models/cache"))
        .contains(", 0 sentences kept (parser version ")
        .contains("parse cache: 1 sentences kept, 1 new");
    assertThat(second.out())
        .contains(", 1 sentences kept (parser version ")
        .contains("parse cache: 1 sentences kept, 0 new");
    // The same figures from the kept parse as from parsing again.
    assertThat(rows(second.out())).isEqualTo(rows(first.out())).isEqualTo(rows(without.out()));
    assertThat(without.out()).doesNotContain("parse cache");
  }

  private static List<String> rows(String out) {
    return out.lines().filter(l -> l.strip().startsWith("conll04")).toList();
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
    List<String> files = new java.util.ArrayList<>(RelationTraining.FILES);
    files.add("nlp/conll04/conll04_dev.json");
    Path shared = sharedWith(files.toArray(String[]::new));
    Files.writeString(
        shared.resolve("nlp/conll04/conll04_test.json"), SENTENCE, StandardCharsets.UTF_8);
    String sha = RelationTraining.trainingDataSha256(shared, RelationTraining.Corpora.ALL);
    Path kept =
        dir.resolve(
            "data/models/trained/relations-" + sha + "-features" + PairFeatures.VERSION + ".model");
    Files.createDirectories(kept.getParent());
    TinyRelationModel.trainedOn(sha).write(kept);

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
}
