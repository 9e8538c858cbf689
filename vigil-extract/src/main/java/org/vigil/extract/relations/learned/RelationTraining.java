/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Makes the shipped relation model from the shared data: CoNLL04 train and the Re-DocRED dev
 * documents that {@link ReDocredSplit} does not hold out are the training set; CoNLL04 dev chooses
 * C and the threshold (pairs of gold mentions, micro F1 over the relations). The model is trained
 * on the training set only, so CoNLL04 dev and the held-out Re-DocRED documents stay unseen by its
 * weights. Same data and seed, same model file.
 */
public final class RelationTraining {
  /** The C values tried. */
  static final List<Double> C_GRID = List.of(0.3, 1.0, 3.0);

  /** The thresholds tried, from 0.20 to 0.80. */
  static final List<Double> THRESHOLDS =
      List.of(0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8);

  /** The training files, relative to the shared data directory. */
  public static final List<String> FILES =
      List.of(
          "nlp/conll04/conll04_train.json",
          "nlp/conll04/conll04_dev.json",
          "nlp/re-docred/dev_revised.json");

  private RelationTraining() {}

  /** One point of the search on CoNLL04 dev. */
  public record Trial(double c, double threshold, int gold, int predicted, int correct) {
    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * The trained model and how it was chosen.
   *
   * @param model the model, with the chosen C and threshold
   * @param trainingSentences sentences parsed for training (CoNLL04 train, Re-DocRED kept part)
   * @param trainingExamples candidate pairs taught
   * @param best the chosen point on CoNLL04 dev
   * @param trials every point tried
   */
  public record Result(
      RelationModel model,
      int trainingSentences,
      int trainingExamples,
      Trial best,
      List<Trial> trials) {
    public Result {
      requireNonNull(model, "model");
      requireNonNull(best, "best");
      trials = List.copyOf(trials);
    }
  }

  /**
   * Trains on the files of {@link #FILES} under {@code shared}; {@code progress} hears what is
   * being done.
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException naming the first file of {@link #FILES} that is missing
   */
  public static Result run(
      Path shared, DependencyParser parser, long seed, Consumer<String> progress)
      throws IOException {
    List<Path> files = new ArrayList<>();
    for (String f : FILES) {
      Path p = shared.resolve(f);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no training file " + p.toAbsolutePath().normalize());
      }
      files.add(p);
    }
    String sha = TrainingData.sha256(shared, files);
    List<GoldSentence> train = new ArrayList<>(TrainingCorpora.conll04(files.get(0)));
    int conll = train.size();
    train.addAll(TrainingCorpora.reDocred(files.get(2), title -> !ReDocredSplit.heldOut(title)));
    List<GoldSentence> dev = TrainingCorpora.conll04(files.get(1));
    progress.accept(
        String.format(
            Locale.ROOT,
            "parsing %d training sentences (CoNLL04 train %d, Re-DocRED %d) and %d CoNLL04 dev",
            train.size(),
            conll,
            train.size() - conll,
            dev.size()));
    List<TrainingExample> trainExamples = examples(train, parser);
    List<TrainingExample> devExamples = examples(dev, parser);
    progress.accept(trainExamples.size() + " training pairs, " + devExamples.size() + " dev pairs");
    List<Trial> trials = new ArrayList<>();
    Trial best = null;
    RelationModel chosen = null;
    for (double c : C_GRID) {
      RelationModel model =
          RelationTrainer.train(
              trainExamples, new ModelProvenance(sha, PairFeatures.VERSION, c, 0.5, seed));
      List<Map<RelationLabel, Double>> probabilities =
          devExamples.stream().map(e -> model.probabilities(e.features())).toList();
      for (double t : THRESHOLDS) {
        Trial trial = score(c, t, devExamples, probabilities);
        trials.add(trial);
        progress.accept(
            String.format(
                Locale.ROOT,
                "C %.2f threshold %.2f: dev P %.3f R %.3f F1 %.3f",
                c,
                t,
                trial.precision(),
                trial.recall(),
                trial.f1()));
        if (best == null || trial.f1() > best.f1()) {
          best = trial;
          chosen = model.withThreshold(t);
        }
      }
    }
    return new Result(chosen, train.size(), trainExamples.size(), best, trials);
  }

  private static List<TrainingExample> examples(
      List<GoldSentence> sentences, DependencyParser parser) {
    return sentences.parallelStream()
        .map(
            s -> {
              Optional<MentionedSentence> parsed = s.parse(parser);
              return parsed.map(p -> TrainingExamples.of(s, p)).orElse(List.of());
            })
        .toList()
        .stream()
        .flatMap(List::stream)
        .toList();
  }

  /**
   * The micro P/R/F1 of the relations on {@code examples} at threshold {@code t}, each pair read as
   * {@link RelationModel#classify} reads it.
   */
  private static Trial score(
      double c, double t, List<TrainingExample> examples, List<Map<RelationLabel, Double>> p) {
    int gold = 0;
    int predicted = 0;
    int correct = 0;
    for (int i = 0; i < examples.size(); i++) {
      RelationLabel truth = examples.get(i).label();
      RelationLabel best = RelationLabel.NONE;
      double bestP = 0;
      for (Map.Entry<RelationLabel, Double> e : p.get(i).entrySet()) {
        if (e.getKey() != RelationLabel.NONE
            && e.getKey().fits(examples.get(i).head(), examples.get(i).tail())
            && e.getValue() > bestP) {
          best = e.getKey();
          bestP = e.getValue();
        }
      }
      if (truth != RelationLabel.NONE) {
        gold++;
      }
      if (bestP >= t) {
        predicted++;
        if (best == truth) {
          correct++;
        }
      }
    }
    return new Trial(c, t, gold, predicted, correct);
  }
}
