/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.vigil.extract.Extractor;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationModelFile;
import org.vigil.extract.relations.learned.RelationTraining;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Which relation model {@code vigil eval relations} scores, and why, said on its output: the file
 * it was given; else the extractor's ({@link RelationModelFile#location()}); else one trained on
 * the same training data by an earlier run ({@link TrainedRelationModels}); else one it trains now
 * from the training splits under the shared folder ({@link RelationModelTraining}, what {@code
 * vigil train relations} runs) and keeps for the next run. No model is shipped (docs/extraction.md
 * says why), so without this a user with the corpora but no model file would score the rules alone
 * and not be told the figure lacks the model.
 */
final class EvaluatedRelationModel {
  private static final long SEED = 1;

  private final Path shared;
  private final TrainedRelationModels trained;
  private final DependencyParser parser;
  private final Extractor rules;
  private final PrintWriter out;

  /**
   * @param shared the shared data folder, whose training splits a model is trained on
   * @param dataDir the data directory whose models/trained/ keeps trained models
   * @param parser the parser a model is trained with
   * @param rules the rules a model's thresholds are chosen beside, parsing with {@code parser}
   * @param out where what is chosen, and the training's progress, are said
   */
  EvaluatedRelationModel(
      Path shared, Path dataDir, DependencyParser parser, Extractor rules, PrintWriter out) {
    this.shared = shared;
    this.trained = new TrainedRelationModels(dataDir);
    this.parser = parser;
    this.rules = rules;
    this.out = out;
  }

  /**
   * The model to score; empty when the rules are scored alone ({@code noTrain}, or training data
   * missing).
   *
   * @param given the file named by {@code --model}
   * @param retrain train one even when an earlier run kept one for the same training data
   * @throws EvaluationFailure when {@code given} is not a file
   */
  Optional<RelationModel> choose(Optional<Path> given, boolean noTrain, boolean retrain)
      throws IOException {
    if (given.isPresent()) {
      Path file = given.get();
      if (!Files.isRegularFile(file)) {
        throw new EvaluationFailure("--model " + file + ": no such file");
      }
      return Optional.of(announce(RelationModel.read(file), "given", file));
    }
    Path standard = RelationModelFile.location();
    if (Files.isRegularFile(standard)) {
      return Optional.of(announce(RelationModel.read(standard), "the extractor's", standard));
    }
    String none = "no model at " + shown(standard) + " and none given with --model";
    if (noTrain) {
      say("relation model: not run (" + none + "; --no-train): rules alone");
      return Optional.empty();
    }
    String sha;
    try {
      sha = RelationTraining.trainingDataSha256(shared, RelationTraining.Corpora.ALL);
    } catch (IllegalArgumentException e) {
      say("relation model: not run (" + none + ", and cannot train one: " + e.getMessage() + ")");
      return Optional.empty();
    }
    Optional<RelationModel> earlier = retrain ? Optional.empty() : trained.find(sha);
    if (earlier.isPresent()) {
      return Optional.of(
          announce(earlier.get(), "trained by an earlier run on the same data", trained.file(sha)));
    }
    if (!DependencyParser.isAvailable()) {
      throw new EvaluationFailure("the dependency parser's models are not on the class path");
    }
    return Optional.of(trainNow(none, sha));
  }

  private RelationModel trainNow(String none, String sha) throws IOException {
    say(
        "relation model: "
            + none
            + "; training one now from the training splits under "
            + shown(shared)
            + " (training data SHA-256 "
            + sha
            + "), as `vigil train relations` does; this takes several minutes:");
    say("  training files: " + String.join(", ", RelationTraining.Corpora.ALL.files()));
    RelationModelTraining.Trained t =
        RelationModelTraining.train(
            shared, RelationTraining.Corpora.ALL, SEED, parser, rules, line -> say("  " + line));
    Path kept = trained.keep(t.model());
    say(
        String.format(
            Locale.ROOT,
            "relation model: trained in %.0f s (parsing included; %d sentences, %d pairs, C %.2f),"
                + " training data SHA-256 %s; kept at %s for the next run",
            t.seconds(),
            t.result().trainingSentences(),
            t.result().trainingExamples(),
            t.model().provenance().c(),
            t.model().provenance().trainingDataSha256(),
            shown(kept)));
    return t.model();
  }

  private RelationModel announce(RelationModel model, String which, Path file) {
    say(
        "relation model: "
            + which
            + ", "
            + shown(file)
            + " (training data SHA-256 "
            + model.provenance().trainingDataSha256()
            + ")");
    return model;
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  private static String shown(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }
}
