/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.vigil.extract.Extractor;
import org.vigil.extract.evaluation.EndToEndThresholds;
import org.vigil.extract.evaluation.LabelledSentence;
import org.vigil.extract.evaluation.SentenceCorpora;
import org.vigil.extract.relations.learned.ReDocredSplit;
import org.vigil.extract.relations.learned.RelationLabel;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationTraining;
import org.vigil.extract.relations.learned.TwoFolds;
import org.vigil.extract.syntax.DependencyParser;

/**
 * The training of the relation model, the same for {@code vigil train relations} and for {@code
 * vigil eval relations} when that has no model: the model is fitted and its C and threshold chosen
 * ({@link RelationTraining#run}), then each label's threshold is chosen end to end on CoNLL04
 * train, read two-fold (each half by the model trained without it), and on the Re-DocRED tuning
 * documents ({@link EndToEndThresholds}). Neither CoNLL04 dev nor a held-out split (a CoNLL04 test
 * file, the Re-DocRED documents {@link ReDocredSplit} holds out, re3d's test half) is read, so
 * CoNLL04 dev's figure is a held-out one.
 */
final class RelationModelTraining {
  /**
   * A trained model.
   *
   * @param model the model with its labels' thresholds
   * @param result how it was fitted and its C and threshold chosen
   * @param seconds the wall time of the whole training, parsing included
   */
  record Trained(RelationModel model, RelationTraining.Result result, double seconds) {
    Trained {
      requireNonNull(model, "model");
      requireNonNull(result, "result");
    }
  }

  private RelationModelTraining() {}

  /**
   * Trains on the files of {@code corpora} under {@code shared}, parsing the training sentences
   * with {@code parser} and reading end to end with {@code rules}, which should parse with the same
   * parser (one that keeps its parses: {@link DependencyParser#withCache}); {@code progress} hears
   * each step.
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException naming the first training file that is missing
   */
  static Trained train(
      Path shared,
      RelationTraining.Corpora corpora,
      long seed,
      DependencyParser parser,
      Extractor rules,
      Consumer<String> progress)
      throws IOException {
    long began = System.nanoTime();
    RelationTraining.Result result = RelationTraining.run(shared, parser, seed, corpora, progress);
    RelationModel model = endToEnd(shared, result, rules, progress);
    return new Trained(model, result, (System.nanoTime() - began) / 1e9);
  }

  /** Every label's threshold in {@code model}. */
  static Map<RelationLabel, Double> thresholds(RelationModel model) {
    Map<RelationLabel, Double> out = new EnumMap<>(RelationLabel.class);
    for (RelationLabel l : RelationLabel.values()) {
      out.put(l, model.provenance().threshold(l));
    }
    return out;
  }

  /** The trained model with its labels' thresholds chosen end to end. */
  private static RelationModel endToEnd(
      Path dir, RelationTraining.Result trained, Extractor rules, Consumer<String> progress)
      throws IOException {
    RelationModel model = trained.model();
    List<EndToEndThresholds.Fold> folds = new ArrayList<>();
    var conll04 = List.<LabelledSentence>of();
    if (!trained.foldModels().isEmpty()) {
      conll04 =
          SentenceCorpora.conll04(dir.resolve("nlp/conll04/conll04_train.json"), Integer.MAX_VALUE);
      for (int f = 0; f < trained.foldModels().size(); f++) {
        int fold = f;
        folds.add(
            new EndToEndThresholds.Fold(
                conll04.stream().filter(s -> TwoFolds.of(s.text()) == fold).toList(),
                trained.foldModels().get(f)));
      }
    }
    var tune =
        SentenceCorpora.reDocred(
            dir.resolve("nlp/re-docred/dev_revised.json"),
            Integer.MAX_VALUE,
            ReDocredSplit::tuning);
    progress.accept(
        "reading "
            + conll04.size()
            + " CoNLL04 train sentences (each half with the model trained without it) and "
            + tune.size()
            + " Re-DocRED tuning sentences end to end for the labels' thresholds");
    EndToEndThresholds.Result chosen =
        EndToEndThresholds.chooseOnFolds(model, rules, folds, tune, progress);
    progress.accept(
        String.format(
            Locale.ROOT,
            "end to end, one threshold %.2f: CoNLL04 train two-fold P %.3f R %.3f F1 %.3f,"
                + " Re-DocRED tuning F1 %.3f; per label: CoNLL04 train two-fold P %.3f R %.3f F1"
                + " %.3f, Re-DocRED tuning F1 %.3f",
            model.provenance().threshold(),
            chosen.conll04Before().precision(),
            chosen.conll04Before().recall(),
            chosen.conll04Before().f1(),
            chosen.reDocredBefore().f1(),
            chosen.conll04().precision(),
            chosen.conll04().recall(),
            chosen.conll04().f1(),
            chosen.reDocred().f1()));
    return model.withThresholds(chosen.thresholds());
  }
}
