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
import java.util.function.UnaryOperator;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Makes the relation model from the shared data: CoNLL04 train, the Re-DocRED dev documents that
 * {@link ReDocredSplit} neither holds out nor keeps for tuning and re3d's development half ({@link
 * Re3dTraining}) are the training set. C and the threshold are chosen by a two-fold check on
 * CoNLL04 train ({@link TwoFolds}: each half read by a model trained on the other half and the rest
 * of the training set) and on the Re-DocRED tuning documents (read by a model trained on the whole
 * training set), pairs of gold mentions, the mean of the two micro F1s, each over the relations its
 * corpus is evaluated on. CoNLL04 dev is neither trained nor tuned on, so its figure is a held-out
 * one. Same data and seed, same model file.
 */
public final class RelationTraining {
  /** The C values tried. */
  static final List<Double> C_GRID = List.of(0.1, 0.3, 1.0, 3.0);

  /** The thresholds tried, from 0.20 to 0.80. */
  static final List<Double> THRESHOLDS =
      List.of(0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8);

  /**
   * Which corpora a model learns from. {@link #ALL}: CoNLL04, Re-DocRED and re3d's four sources.
   * {@link #LICENSABLE}: only data whose terms allow shipping what is derived from it, Re-DocRED
   * (MIT) and re3d's public-domain sources (CENTCOM, US_State_Department); CoNLL04, whose licence
   * is not stated, neither trains nor tunes it.
   */
  public enum Corpora {
    ALL(Re3dTraining.SOURCES),
    LICENSABLE(List.of("CENTCOM", "US_State_Department"));

    private final List<String> re3dSources;

    Corpora(List<String> re3dSources) {
      this.re3dSources = re3dSources;
    }

    /** The re3d source folders it trains on. */
    public List<String> re3dSources() {
      return re3dSources;
    }

    /** Whether CoNLL04 trains and tunes it. */
    public boolean conll04() {
      return this == ALL;
    }

    /** Its training files, relative to the shared data directory. */
    public List<String> files() {
      List<String> out = new ArrayList<>();
      if (conll04()) {
        out.add(CONLL04_TRAIN);
      }
      out.add(RE_DOCRED);
      for (String source : re3dSources) {
        for (String file : Re3dTraining.FILES) {
          out.add("nlp/re3d/" + source + "/" + file);
        }
      }
      return List.copyOf(out);
    }
  }

  private static final String CONLL04_TRAIN = "nlp/conll04/conll04_train.json";
  private static final String RE_DOCRED = "nlp/re-docred/dev_revised.json";

  /** The training files of {@link Corpora#ALL}, relative to the shared data directory. */
  public static final List<String> FILES = Corpora.ALL.files();

  private RelationTraining() {}

  /**
   * One point of the search: the counts (gold, predicted, correct) of CoNLL04 train read two-fold
   * and the Re-DocRED tuning documents' ({@code tune...}).
   */
  public record Trial(
      double c,
      double threshold,
      int gold,
      int predicted,
      int correct,
      int tuneGold,
      int tunePredicted,
      int tuneCorrect) {
    /** CoNLL04 train's precision, two-fold. */
    public double precision() {
      return ratio(correct, predicted);
    }

    /** CoNLL04 train's recall, two-fold. */
    public double recall() {
      return ratio(correct, gold);
    }

    /** CoNLL04 train's F1, two-fold. */
    public double f1() {
      return f1(precision(), recall());
    }

    /** Re-DocRED tuning F1. */
    public double tuneF1() {
      return f1(ratio(tuneCorrect, tunePredicted), ratio(tuneCorrect, tuneGold));
    }

    /** What the search maximises: the mean of the two F1s. */
    public double score() {
      return (f1() + tuneF1()) / 2;
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 0 : (double) a / b;
    }

    private static double f1(double p, double r) {
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * The trained model and how it was chosen.
   *
   * @param model the model, with the chosen C and threshold, trained on the whole training set
   * @param foldModels per fold of CoNLL04 train ({@link TwoFolds}), a model with the chosen C and
   *     threshold trained on the training set without that fold's sentences; empty without CoNLL04
   * @param trainingSentences sentences parsed for training (CoNLL04 train, Re-DocRED kept part)
   * @param trainingExamples candidate pairs taught
   * @param best the chosen point
   * @param trials every point tried
   */
  public record Result(
      RelationModel model,
      List<RelationModel> foldModels,
      int trainingSentences,
      int trainingExamples,
      Trial best,
      List<Trial> trials) {
    public Result {
      requireNonNull(model, "model");
      foldModels = List.copyOf(foldModels);
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
    return run(shared, parser, seed, Corpora.ALL, progress);
  }

  /**
   * Trains on the files of {@code corpora} under {@code shared}. Without CoNLL04, C and the
   * threshold are chosen on the Re-DocRED tuning documents alone.
   */
  public static Result run(
      Path shared, DependencyParser parser, long seed, Corpora corpora, Consumer<String> progress)
      throws IOException {
    String sha = trainingDataSha256(shared, corpora);
    Path reDocredFile = shared.resolve(RE_DOCRED);
    List<GoldSentence> conll =
        corpora.conll04() ? TrainingCorpora.conll04(shared.resolve(CONLL04_TRAIN)) : List.of();
    List<GoldSentence> rest =
        new ArrayList<>(TrainingCorpora.reDocred(reDocredFile, ReDocredSplit::training));
    int reDocred = rest.size();
    for (String source : corpora.re3dSources()) {
      rest.addAll(Re3dTraining.read(shared.resolve("nlp/re3d").resolve(source)));
    }
    List<GoldSentence> tune = TrainingCorpora.reDocred(reDocredFile, ReDocredSplit::tuning);
    progress.accept(
        String.format(
            Locale.ROOT,
            "parsing %d training sentences (CoNLL04 train %d, Re-DocRED %d, re3d development half"
                + " %d) and %d Re-DocRED tuning",
            conll.size() + rest.size(),
            conll.size(),
            reDocred,
            rest.size() - reDocred,
            tune.size()));
    List<List<TrainingExample>> folds = new ArrayList<>();
    for (int f = 0; f < TwoFolds.FOLDS; f++) {
      int fold = f;
      folds.add(
          examples(conll.stream().filter(s -> TwoFolds.of(s.text()) == fold).toList(), parser));
    }
    List<TrainingExample> restExamples = examples(rest, parser);
    List<TrainingExample> tuneExamples = examples(tune, parser);
    List<TrainingExample> all = new ArrayList<>();
    folds.forEach(all::addAll);
    all.addAll(restExamples);
    progress.accept(
        String.format(
            Locale.ROOT,
            "%d training pairs (CoNLL04 train's two folds %s), %d tuning pairs",
            all.size(),
            folds.stream().map(f -> Integer.toString(f.size())).toList(),
            tuneExamples.size()));
    List<TrainingExample> held = new ArrayList<>();
    List<List<TrainingExample>> sets = new ArrayList<>();
    sets.add(all);
    if (corpora.conll04()) {
      folds.forEach(held::addAll);
      for (int f = 0; f < folds.size(); f++) {
        sets.add(without(folds, f, restExamples));
      }
    }
    // Every C's models (on the whole training set, and without each fold) are trained side by
    // side, one task each (the trainer is thread-safe), and kept: the chosen C's are the result.
    List<double[]> tasks = new ArrayList<>();
    for (double c : C_GRID) {
      for (int set = 0; set < sets.size(); set++) {
        tasks.add(new double[] {c, set});
      }
    }
    List<RelationModel> trained =
        tasks.parallelStream()
            .map(
                task ->
                    RelationTrainer.train(
                        sets.get((int) task[1]),
                        new ModelProvenance(sha, PairFeatures.VERSION, task[0], 0.5, seed)))
            .toList();
    List<Read> reads = new ArrayList<>();
    for (int i = 0; i < C_GRID.size(); i++) {
      List<RelationModel> models = trained.subList(i * sets.size(), (i + 1) * sets.size());
      List<Map<RelationLabel, Double>> heldP = new ArrayList<>();
      for (int f = 0; f < models.size() - 1; f++) {
        heldP.addAll(probabilities(models.get(f + 1), folds.get(f)));
      }
      reads.add(new Read(C_GRID.get(i), models, heldP, probabilities(models.get(0), tuneExamples)));
    }
    List<Trial> trials = new ArrayList<>();
    Trial best = null;
    List<RelationModel> chosen = List.of();
    for (Read read : reads) {
      double c = read.c();
      List<Map<RelationLabel, Double>> heldP = read.held();
      List<Map<RelationLabel, Double>> tuneP = read.tune();
      for (double t : THRESHOLDS) {
        int[] d = count(t, held, heldP, RelationTraining::asConll04);
        int[] r = count(t, tuneExamples, tuneP, RelationTraining::asReDocred);
        Trial trial = new Trial(c, t, d[0], d[1], d[2], r[0], r[1], r[2]);
        trials.add(trial);
        progress.accept(
            String.format(
                Locale.ROOT,
                "C %.2f threshold %.2f: CoNLL04 train two-fold P %.3f R %.3f F1 %.3f; Re-DocRED"
                    + " tuning F1 %.3f",
                c,
                t,
                trial.precision(),
                trial.recall(),
                trial.f1(),
                trial.tuneF1()));
        if (best == null || trial.score() > best.score()) {
          best = trial;
          chosen = read.models();
        }
      }
    }
    double threshold = best.threshold();
    RelationModel model = chosen.get(0).withThreshold(threshold);
    List<RelationModel> foldModels =
        chosen.subList(1, chosen.size()).stream().map(m -> m.withThreshold(threshold)).toList();
    return new Result(model, foldModels, conll.size() + rest.size(), all.size(), best, trials);
  }

  /**
   * One C's models (on the whole training set, then without each fold) and probabilities: of
   * CoNLL04 train's pairs, two-fold, and of the tuning pairs.
   */
  private record Read(
      double c,
      List<RelationModel> models,
      List<Map<RelationLabel, Double>> held,
      List<Map<RelationLabel, Double>> tune) {}

  /** The training examples without fold {@code f}'s: the other folds' and {@code rest}. */
  private static List<TrainingExample> without(
      List<List<TrainingExample>> folds, int f, List<TrainingExample> rest) {
    List<TrainingExample> out = new ArrayList<>();
    for (int g = 0; g < folds.size(); g++) {
      if (g != f) {
        out.addAll(folds.get(g));
      }
    }
    out.addAll(rest);
    return out;
  }

  private static List<Map<RelationLabel, Double>> probabilities(
      RelationModel model, List<TrainingExample> examples) {
    return examples.stream().map(e -> model.probabilities(e.features())).toList();
  }

  /**
   * The SHA-256 of the training files of {@code corpora} under {@code shared}, the one a model
   * trained on them records ({@link ModelProvenance#trainingDataSha256}).
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException naming the first training file that is missing
   */
  public static String trainingDataSha256(Path shared, Corpora corpora) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String f : corpora.files()) {
      Path p = shared.resolve(f);
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no training file " + p.toAbsolutePath().normalize());
      }
      files.add(p);
    }
    return TrainingData.sha256(shared, files);
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
   * What a label counts as on CoNLL04: Re-DocRED's residence and birthplace are Live_In there, its
   * headquarters OrgBased_In (Vigil writes them as CoNLL04's evaluation reads them); citizenship
   * and territory are not among its relations; a leader works for what it leads.
   */
  static RelationLabel asConll04(RelationLabel l) {
    return switch (l) {
      case RESIDENCE, BORN_IN -> RelationLabel.LIVE_IN;
      case HEADQUARTERS -> RelationLabel.BASED_IN;
      case IN_CHARGE_OF -> RelationLabel.WORK_FOR;
      case MEMBER_OF, FOUNDED_BY, OWNED_BY, CITIZEN_OF, IN_TERRITORY -> RelationLabel.NONE;
      case NONE, WORK_FOR, KILL, LIVE_IN, BASED_IN, LOCATED_IN -> l;
    };
  }

  /**
   * What a label counts as on Re-DocRED's evaluated relations: CoNLL04's Live_In and OrgBased_In
   * become an address, which its evaluation reads as residence and headquarters; a leader is
   * employed by what it leads.
   */
  static RelationLabel asReDocred(RelationLabel l) {
    return switch (l) {
      case LIVE_IN -> RelationLabel.RESIDENCE;
      case BASED_IN -> RelationLabel.HEADQUARTERS;
      case IN_CHARGE_OF -> RelationLabel.WORK_FOR;
      case KILL, LOCATED_IN, BORN_IN, CITIZEN_OF, IN_TERRITORY -> RelationLabel.NONE;
      case NONE, WORK_FOR, MEMBER_OF, FOUNDED_BY, OWNED_BY, RESIDENCE, HEADQUARTERS -> l;
    };
  }

  /**
   * Gold, predicted and correct relations on {@code examples} at threshold {@code t}, each pair
   * read as {@link RelationModel#classify} reads it and both its gold and its prediction counted as
   * {@code as} says.
   */
  private static int[] count(
      double t,
      List<TrainingExample> examples,
      List<Map<RelationLabel, Double>> p,
      UnaryOperator<RelationLabel> as) {
    int gold = 0;
    int predicted = 0;
    int correct = 0;
    for (int i = 0; i < examples.size(); i++) {
      RelationLabel truth = as.apply(examples.get(i).label());
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
      RelationLabel read = bestP >= t ? as.apply(best) : RelationLabel.NONE;
      if (truth != RelationLabel.NONE) {
        gold++;
      }
      if (read != RelationLabel.NONE) {
        predicted++;
        if (read == truth) {
          correct++;
        }
      }
    }
    return new int[] {gold, predicted, correct};
  }
}
