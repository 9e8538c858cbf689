/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.extract.relations.learned.ModelProvenance;
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
        "Trains the relation classifier on CoNLL04 train and the Re-DocRED dev documents that are"
            + " not held out for evaluation, chooses C and the threshold on CoNLL04 dev, and"
            + " writes the model file, which records its training data's SHA-256 and feature"
            + " version. The same data and seed give the same file.",
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
        names = "--seed",
        paramLabel = "N",
        defaultValue = "1",
        description = "The solver's random seed (default: 1).")
    long seed;

    @Override
    public Integer call() throws IOException {
      Path dir = shared.existing();
      for (String f : RelationTraining.FILES) {
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
      long began = System.nanoTime();
      RelationTraining.Result result =
          RelationTraining.run(
              dir,
              DependencyParser.shared(),
              seed,
              line -> {
                print.println("  " + line);
                print.flush();
              });
      result.model().write(file);
      double seconds = (System.nanoTime() - began) / 1e9;
      ModelProvenance p = result.model().provenance();
      RelationTraining.Trial best = result.best();
      print.printf(
          Locale.ROOT,
          "chosen: C %.2f, threshold %.2f: CoNLL04 dev (gold mentions) P %.3f R %.3f F1 %.3f;"
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
          result.trainingSentences(),
          result.trainingExamples(),
          result.model().features(),
          seconds);
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
