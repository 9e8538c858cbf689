/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.vigil.extract.evaluation.EndToEndThresholds;
import org.vigil.extract.relations.learned.ModelProvenance;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationModelFile;
import org.vigil.extract.relations.learned.RelationTraining;
import org.vigil.extract.relations.learned.TrainingData;
import org.vigil.extract.syntax.DependencyParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil train}: makes the learned models from the shared data. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a learned model from the shared data; docs/extraction.md describes it.",
    subcommands = {TrainCommand.Relations.class, CommandLine.HelpCommand.class})
public final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a model, such as relations");
  }

  /** {@code vigil train relations}. */
  @Command(
      name = "relations",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the relation classifier on CoNLL04 train, the Re-DocRED dev documents that are"
            + " not held out for evaluation and re3d's development half; chooses C and the"
            + " threshold by a two-fold check on CoNLL04 train (each half read by a model trained"
            + " without it) and on the Re-DocRED tuning documents, then a threshold per label end"
            + " to end (raw text, the recogniser's mentions, the rules beside the model) on the"
            + " same two folds and documents; CoNLL04 dev is neither trained nor tuned on. Writes"
            + " the model file, which records its training data's SHA-256 and feature version."
            + " The same data, seed and Vigil give the same file.",
        "Reads DIR/nlp/conll04 and DIR/nlp/re-docred. The extractor reads the model from"
            + " models/relations.model in the data directory it works on (--out's default is"
            + " ./vigil-data's; --out vigil-demo-data/models/relations.model for the demo), or from"
            + " -Dvigil.relations.model / VIGIL_RELATION_MODEL."
      })
  static final class Relations implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SharedData shared;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Where to write the model (default: where the extractor looks for it).")
    Path out;

    @Option(
        names = "--licensable",
        description =
            "Train only on data whose terms allow shipping the model: Re-DocRED (MIT) and re3d's"
                + " public-domain sources (CENTCOM, US_State_Department); CoNLL04, whose licence"
                + " is not stated, neither trains nor tunes it, and the thresholds are chosen on"
                + " the Re-DocRED tuning documents alone.")
    boolean licensable;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description =
            "The data directory whose models/cache/ keeps the parses of the training sentences"
                + " for the next run (default: ./vigil-data).")
    Path data = Path.of("vigil-data");

    @Option(
        names = "--no-parse-cache",
        description = "Parse every sentence again and keep no parses.")
    boolean noParseCache;

    @Option(
        names = "--seed",
        paramLabel = "N",
        defaultValue = "1",
        description = "The solver's random seed (default: 1).")
    long seed;

    @Override
    public Integer call() throws IOException {
      Path dir = shared.existing();
      RelationTraining.Corpora corpora =
          licensable ? RelationTraining.Corpora.LICENSABLE : RelationTraining.Corpora.ALL;
      for (String f : corpora.files()) {
        if (!Files.isRegularFile(dir.resolve(f))) {
          throw shared.missing("no " + f);
        }
      }
      if (!DependencyParser.isAvailable()) {
        throw new EvaluationFailure("the dependency parser's models are not on the class path");
      }
      Path file = out == null ? RelationModelFile.location() : out;
      PrintWriter print = spec.commandLine().getOut();
      print.println("vigil train relations");
      print.println("shared data: " + dir.toAbsolutePath().normalize());
      print.println("machine: " + MachineDescription.describe());
      print.flush();
      Consumer<String> progress =
          line -> {
            print.println("  " + line);
            print.flush();
          };
      print.println("corpora: " + String.join(", ", corpora.files()));
      RelationModelTraining.Trained trained;
      try (KeptParses kept = KeptParses.open(data, !noParseCache, print)) {
        trained =
            RelationModelTraining.train(
                dir, corpora, seed, kept.parser(), kept.extractor(), progress);
        kept.report();
      }
      RelationModel model = trained.model();
      model.write(file);
      ModelProvenance p = model.provenance();
      RelationTraining.Trial best = trained.result().best();
      print.printf(
          Locale.ROOT,
          "chosen: C %.2f, threshold %.2f: CoNLL04 train two-fold (gold mentions) P %.3f R %.3f"
              + " F1 %.3f;"
              + " Re-DocRED tuning documents F1 %.3f%n",
          p.c(),
          p.threshold(),
          best.precision(),
          best.recall(),
          best.f1(),
          best.tuneF1());
      print.printf(
          Locale.ROOT,
          "trained on %d sentences, %d candidate pairs, %d features, in %.0f s (parsing"
              + " included)%n",
          trained.result().trainingSentences(),
          trained.result().trainingExamples(),
          trained.result().model().features(),
          trained.seconds());
      print.println(
          "thresholds per label: "
              + EndToEndThresholds.describe(RelationModelTraining.thresholds(model)));
      print.println("training data SHA-256: " + p.trainingDataSha256());
      print.println("feature version: " + p.featureVersion());
      print.printf(
          Locale.ROOT,
          "model: %s, %d bytes, SHA-256 %s%n",
          file.toAbsolutePath().normalize(),
          Files.size(file),
          TrainingData.fileSha256(file));
      print.flush();
      return 0;
    }
  }
}
