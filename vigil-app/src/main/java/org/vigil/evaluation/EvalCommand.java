/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.vigil.app.CoreNlpModels;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.KbpRelations;
import org.vigil.extract.evaluation.CoreNlpDefaultPipeline;
import org.vigil.extract.evaluation.LabelledSentence;
import org.vigil.extract.evaluation.MatchMode;
import org.vigil.extract.evaluation.NerEvaluation;
import org.vigil.extract.evaluation.NerSystem;
import org.vigil.extract.evaluation.RelationEvaluation;
import org.vigil.extract.evaluation.SentenceCorpora;
import org.vigil.extract.evaluation.SentenceRelationEvaluation;
import org.vigil.extract.relations.learned.ReDocredSplit;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationModelFile;
import org.vigil.graph.evaluation.GraphEvaluation;
import org.vigil.screening.Screener;
import org.vigil.screening.evaluation.ScreeningEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil eval}: quality evaluations on the shared benchmark data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measures quality on public benchmark data; docs/benchmarks.md records the figures.",
    subcommands = {
      EvalCommand.Screening.class,
      EvalCommand.GraphMeasures.class,
      EvalCommand.Ner.class,
      EvalCommand.Relations.class,
      EvalClaimsCommand.class,
      EvalResolutionCommand.class,
      EvalPlacesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EvalCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name an evaluation, such as screening");
  }

  /** {@code vigil eval screening}. */
  @Command(
      name = "screening",
      mixinStandardHelpOptions = true,
      description = {
        "Screening quality: F1 on nomenklatura's name bench (whole, its development portion and"
            + " its held-out quarter) beside logic-v2's frozen scores, recall@1/@5 of yente's UN positives (clean and treated), the false-positive rate"
            + " of yente's validation negatives against OFAC SDN + UN + UK, cross-script"
            + " recall between the UN list's Arabic-script and Latin names, and, per script, the"
            + " UK development set's non-Latin variants against its Latin entries (recall@1/@5"
            + " and, apart from ranking, the candidate recall of blocking).",
        "Reads DIR/matching and DIR/lists; each part runs only when its files are there."
      })
  static final class Screening implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SharedData shared;

    @Option(
        names = "--threshold",
        paramLabel = "T",
        description =
            "Threshold of the name bench and the negatives (default: "
                + Screener.DEFAULT_THRESHOLD
                + ").")
    double threshold = Screener.DEFAULT_THRESHOLD;

    @Override
    public Integer call() throws IOException {
      Path dir = shared.existing();
      if (!(threshold > 0 && threshold <= 1)) {
        throw new ParameterException(spec.commandLine(), "--threshold must be in (0, 1]");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("vigil eval screening");
      out.println("shared data: " + dir.toAbsolutePath().normalize());
      out.flush();
      String report = new ScreeningEvaluation(dir, threshold).run().render();
      if (report.isEmpty()) {
        throw shared.missing(
            "none of the evaluation files (matching/nomenklatura, matching/yente,"
                + " matching/uk-crossscript-dev, lists/un, lists/ofac/sdn-json, lists/uk) is");
      }
      out.print(report);
      out.flush();
      return 0;
    }
  }

  /** {@code vigil eval graph}. */
  @Command(
      name = "graph",
      mixinStandardHelpOptions = true,
      description = {
        "Graph measures on published covert networks (9/11 hijackers, Noordin Top, Bali 2002):"
            + " size, components, diameter, density, degree and betweenness against values"
            + " computed independently with networkx, and Louvain's modularity.",
        "Reads DIR/networks/covert-networks; exit code 1 when a measure differs from its"
            + " reference by more than 1e-6."
      })
  static final class GraphMeasures implements Callable<Integer> {
    private static final double TOLERANCE = 1e-6;

    @Spec CommandSpec spec;

    @Mixin SharedData shared;

    @Override
    public Integer call() throws IOException {
      Path dir = shared.dir();
      GraphEvaluation evaluation = new GraphEvaluation(dir);
      if (!evaluation.available()) {
        throw shared.missing("no covert networks");
      }
      GraphEvaluation.Report report = evaluation.run();
      PrintWriter out = spec.commandLine().getOut();
      out.println("vigil eval graph");
      out.println("shared data: " + dir.toAbsolutePath().normalize());
      out.print(report.toText());
      out.flush();
      return report.worstDifference() <= TOLERANCE ? 0 : 1;
    }
  }

  /** {@code vigil eval ner}. */
  @Command(
      name = "ner",
      mixinStandardHelpOptions = true,
      description = {
        "Named-entity quality: precision, recall and F1 per type (Person, Organisation,"
            + " Location), exact and overlapping spans, on Dstl re3d (all, and its development and"
            + " test halves) and on wikigold; Vigil's extractor beside CoreNLP's default English"
            + " pipeline (tokenize, ssplit, pos, lemma, ner) as the baseline.",
        "Reads DIR/nlp/re3d and DIR/nlp/wikigold. The baseline needs CoreNLP's full models jar;"
            + " when it is not on the class path the command runs again in a child JVM with"
            + " --corenlp-models added to it."
      })
  static final class Ner implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SharedData shared;

    @Option(
        names = "--corenlp-models",
        paramLabel = "JAR",
        description =
            "CoreNLP's full models jar, stanford-corenlp-"
                + CoreNlpModels.VERSION
                + "-models.jar (default: the local Maven repository's).")
    Path modelsJar;

    @Option(
        names = "--no-baseline",
        description = "Leave CoreNLP's default pipeline out (it runs at some 500 tokens/s).")
    boolean noBaseline;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Path dir = shared.existing();
      NerEvaluation evaluation = new NerEvaluation(dir);
      if (!evaluation.available()) {
        throw shared.missing("neither nlp/re3d nor nlp/wikigold is");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (!noBaseline && !CoreNlpDefaultPipeline.isAvailable()) {
        Path jar = modelsJar == null ? CoreNlpModels.defaultJar() : modelsJar;
        List<String> args = List.of("eval", "ner", "--shared", dir.toAbsolutePath().toString());
        try {
          return CoreNlpModels.runWithJar(
              jar, spec.root().userObject().getClass().getName(), args, out);
        } catch (IOException e) {
          throw new EvaluationFailure(e.getMessage() + " (or run with --no-baseline)");
        }
      }
      out.println("vigil eval ner");
      out.println("shared data: " + dir.toAbsolutePath().normalize());
      out.println("machine: " + MachineDescription.describe());
      out.flush();
      List<NerSystem> systems = new ArrayList<>();
      systems.add(NerSystem.of("vigil", Extractor.standard()));
      if (!noBaseline) {
        systems.addAll(NerSystem.baselines(new CoreNlpDefaultPipeline()));
      }
      NerEvaluation.Report report =
          evaluation.run(
              systems,
              line -> {
                out.println(line);
                out.flush();
              });
      out.print(report.render());
      if (!noBaseline) {
        out.println();
        for (String corpus : List.of("re3d", "re3d test half", "wikigold")) {
          if (report.results().stream().anyMatch(r -> r.corpus().equals(corpus))) {
            double ours = report.result(corpus, "vigil").all(MatchMode.OVERLAP).f1();
            double base = report.result(corpus, "corenlp-default").all(MatchMode.OVERLAP).f1();
            double names = report.result(corpus, "corenlp-no-pron").all(MatchMode.OVERLAP).f1();
            out.printf(
                Locale.ROOT,
                "%s, overlap F1 of Person+Organisation+Location: vigil %.3f, corenlp-default %.3f"
                    + " (%+.1f points), corenlp-no-pron %.3f (%+.1f points)%n",
                corpus,
                ours,
                base,
                100 * (ours - base),
                names,
                100 * (ours - names));
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code vigil eval relations}. */
  @Command(
      name = "relations",
      mixinStandardHelpOptions = true,
      description = {
        "Relation and event quality, in one run for Vigil's reading (dependency rules, row"
            + " reading), the same reading with the learned relation model (row reading+model)"
            + " and, when CoreNLP's full models jar is on the class path, CoreNLP's KBP relations:",
        "CoNLL04 dev (Work_For, Kill, Live_In, OrgBased_In, Located_In) and Re-DocRED dev"
            + " (employer, member of, founded by, owned by, headquarters, residence; sentence"
            + " level; the documents held out from the model's training only) end to end from raw"
            + " text, ends overlapping; Dstl re3d's BelongsTo (as"
            + " Membership) and InChargeOf (as Employment with a leading role), on all of it and on"
            + " its test half, which the model never trains on; MUC-4 attack role fillers."
            + " A held-out split beside them (nlp/conll04/conll04_test.json,"
            + " nlp/re-docred/test_revised.json, in their corpus's format) is scored too, in rows"
            + " of its own (conll04-test, re-docred-test); nothing trains or tunes on it.",
        "The model: --model FILE, else the extractor's (models/relations.model in --data),"
            + " else one this command trains from the training splits under --shared exactly as"
            + " `vigil train relations` does (several minutes) and keeps in"
            + " DATA/models/trained/, named by its training data's SHA-256, for the next run;"
            + " --no-train scores the rules alone instead.",
        "Reads DIR/nlp/conll04, DIR/nlp/re-docred, DIR/nlp/re3d and DIR/nlp/muc4."
      })
  static final class Relations implements Callable<Integer> {
    private static final List<String> CORPORA = List.of("conll04", "re-docred", "re3d", "muc4");

    @Spec CommandSpec spec;

    @Mixin SharedData shared;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "100000",
        description =
            "Read at most N CoNLL04 sentences and N Re-DocRED documents (default: all), for a"
                + " quick run while developing.")
    int limit;

    @Option(
        names = "--model",
        paramLabel = "FILE",
        description =
            "The relation model to evaluate (default: the extractor's, models/relations.model in"
                + " --data, which `vigil train relations` writes; without one, a model trained"
                + " by this command).")
    Path model;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description =
            "The data directory whose models/relations.model is the extractor's model and whose"
                + " models/trained/ keeps the models this command trains (default: ./vigil-data).")
    Path data;

    @Option(
        names = "--no-train",
        description =
            "Without a model (no --model, none in --data), score the rules alone rather than"
                + " train one first.")
    boolean noTrain;

    @Option(
        names = "--errors",
        paramLabel = "FILE",
        description =
            "Also write CoNLL04 dev's errors of the last system scored (the model's, else the"
                + " rules'): per sentence, the mentions read, the gold relations missed and the"
                + " wrong ones read, for finding what to mend.")
    Path errors;

    @Option(
        names = "--retrain",
        description =
            "Train a model even when an earlier run kept one for the same training data (after a"
                + " change of rules, which the kept model's name does not record).")
    boolean retrain;

    @Option(
        names = "--no-parse-cache",
        description =
            "Parse every sentence again rather than read the parses kept in DATA/models/cache/"
                + " (kept per parser version; a Vigil whose parser parses differently starts a"
                + " new file).")
    boolean noParseCache;

    @Option(
        names = "--corpus",
        paramLabel = "NAME",
        split = ",",
        description =
            "Run only these corpora: conll04, re-docred, re3d, muc4 (comma-separated; default:"
                + " all), for a shorter run.")
    List<String> corpora = CORPORA;

    @Override
    public Integer call() throws IOException {
      Path dir = shared.existing();
      RelationEvaluation evaluation = new RelationEvaluation(dir);
      if (!evaluation.available() && !Files.isRegularFile(dir.resolve(CONLL04_DEV))) {
        throw shared.missing("none of nlp/conll04, nlp/re3d, nlp/muc4 is");
      }
      for (String c : corpora) {
        if (!CORPORA.contains(c)) {
          throw new ParameterException(
              spec.commandLine(),
              "--corpus " + c + ": not a corpus (conll04, re-docred, re3d, muc4)");
        }
      }
      if (data != null) {
        RelationModelFile.useDataDirectory(data);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("vigil eval relations");
      out.println("shared data: " + dir.toAbsolutePath().normalize());
      out.println("machine: " + MachineDescription.describe());
      out.flush();
      Path dataDir = data == null ? Path.of("vigil-data") : data;
      try (KeptParses kept = KeptParses.open(dataDir, !noParseCache, out)) {
        Extractor reading = kept.extractor();
        Optional<RelationModel> relationModel =
            new EvaluatedRelationModel(dir, dataDir, kept.parser(), reading, out)
                .choose(Optional.ofNullable(model), noTrain, retrain);
        score(dir, evaluation, reading, relationModel.map(reading::withRelationModel), out);
        kept.report();
      }
      return 0;
    }

    private void score(
        Path dir,
        RelationEvaluation evaluation,
        Extractor reading,
        Optional<Extractor> learned,
        PrintWriter out)
        throws IOException {
      List<SentenceRelationEvaluation.Row> rows = new ArrayList<>();
      if (corpora.contains("conll04")) {
        rows.addAll(conll04Rows(dir, reading, learned, out));
      }
      if (corpora.contains("re-docred")) {
        rows.addAll(reDocredRows(dir, reading, learned, out));
      }
      if (!KbpRelations.isAvailable()) {
        out.println(
            "CoreNLP KBP: not run (its models are not on the class path; run with CoreNLP's full"
                + " models jar on it)");
      }
      out.print(SentenceRelationEvaluation.render(rows));
      re3dAndMuc(evaluation, reading, learned, out);
      out.flush();
    }

    private static final String CONLL04_DEV = "nlp/conll04/conll04_dev.json";
    private static final String CONLL04_TEST = "nlp/conll04/conll04_test.json";
    private static final String RE_DOCRED_DEV = "nlp/re-docred/dev_revised.json";
    private static final String RE_DOCRED_TEST = "nlp/re-docred/test_revised.json";

    /**
     * A corpus's split file that is there: its development split, or its held-out test split, whose
     * rows are named {@code corpus-test}.
     */
    private record Split(Path file, boolean test, String corpus) {
      static List<Split> present(Path dir, String dev, String test, String corpus) {
        List<Split> out = new ArrayList<>();
        for (String name : List.of(dev, test)) {
          Path file = dir.resolve(name);
          if (Files.isRegularFile(file)) {
            boolean held = name.equals(test);
            out.add(new Split(file, held, held ? corpus + "-test" : corpus));
          }
        }
        return out;
      }
    }

    /** CoNLL04 dev and, when it is there, its held-out test split, each system in turn. */
    private List<SentenceRelationEvaluation.Row> conll04Rows(
        Path dir, Extractor reading, Optional<Extractor> learned, PrintWriter out)
        throws IOException {
      List<SentenceRelationEvaluation.Row> rows = new ArrayList<>();
      for (Split split : Split.present(dir, CONLL04_DEV, CONLL04_TEST, "conll04")) {
        boolean test = split.test();
        String corpus = split.corpus();
        List<LabelledSentence> sentences = SentenceCorpora.conll04(split.file(), limit);
        out.println(
            (test
                    ? "CoNLL04 test (held out: nothing trains or tunes on it): "
                    : "CoNLL04 dev (held out: nothing trains or tunes on it either): ")
                + sentences.size()
                + " sentences");
        out.flush();
        rows.addAll(conll04(corpus, "reading", sentences, reading::extract));
        if (learned.isPresent()) {
          rows.addAll(conll04(corpus, "reading+model", sentences, learned.get()::extract));
        }
        if (KbpRelations.isAvailable()) {
          KbpRelations kbp = new KbpRelations();
          rows.addAll(conll04(corpus, "kbp", sentences, text -> kbpExtraction(kbp, text)));
        }
        if (errors != null && !test) {
          Extractor last = learned.orElse(reading);
          Files.write(
              errors,
              SentenceRelationEvaluation.errors(
                  sentences,
                  last::extract,
                  SentenceRelationEvaluation::conll04,
                  SentenceRelationEvaluation.CONLL04_LABELS),
              java.nio.charset.StandardCharsets.UTF_8);
          out.println("CoNLL04 dev's errors: " + errors.toAbsolutePath().normalize());
        }
      }
      return rows;
    }

    /**
     * Re-DocRED dev's held-out documents and, when it is there, its test split, end to end and with
     * the gold mentions given.
     */
    private List<SentenceRelationEvaluation.Row> reDocredRows(
        Path dir, Extractor reading, Optional<Extractor> learned, PrintWriter out)
        throws IOException {
      List<SentenceRelationEvaluation.Row> rows = new ArrayList<>();
      for (Split split : Split.present(dir, RE_DOCRED_DEV, RE_DOCRED_TEST, "re-docred")) {
        boolean test = split.test();
        String corpus = split.corpus();
        List<LabelledSentence> sentences =
            test
                ? SentenceCorpora.reDocred(split.file(), limit)
                : SentenceCorpora.reDocred(split.file(), limit, ReDocredSplit::heldOut);
        out.println(
            (test
                    ? "Re-DocRED test (held out: nothing trains or tunes on it): "
                    : "Re-DocRED dev, the documents held out from the model's training: ")
                + sentences.size()
                + " sentences");
        out.flush();
        rows.addAll(reDocred(corpus, "reading", sentences, reading::extract));
        if (learned.isPresent()) {
          rows.addAll(reDocred(corpus, "reading+model", sentences, learned.get()::extract));
        }
        // DocRED's own setting: the gold entity mentions given, relations read among them.
        rows.addAll(reDocredGiven(corpus, "gold: reading", sentences, reading));
        if (learned.isPresent()) {
          rows.addAll(reDocredGiven(corpus, "gold: reading+model", sentences, learned.get()));
        }
        if (KbpRelations.isAvailable()) {
          KbpRelations kbp = new KbpRelations();
          rows.addAll(reDocred(corpus, "kbp", sentences, text -> kbpExtraction(kbp, text)));
        }
      }
      return rows;
    }

    private void re3dAndMuc(
        RelationEvaluation evaluation,
        Extractor reading,
        Optional<Extractor> learned,
        PrintWriter out)
        throws IOException {
      boolean re3d = corpora.contains("re3d");
      boolean muc = corpora.contains("muc4");
      if (evaluation.available() && (re3d || muc)) {
        out.println();
        out.println("re3d and MUC-4, reading (dependency rules), end to end from raw text:");
        out.print(evaluation.run(reading, re3d, muc).render());
        if (learned.isPresent()) {
          out.println();
          out.println("re3d and MUC-4, reading with the relation model, end to end from raw text:");
          out.print(evaluation.run(learned.get(), re3d, muc).render());
        }
      }
      if (evaluation.available() && re3d) {
        out.println();
        out.println("re3d, gold entity mentions given (re3d's own setting), reading:");
        out.print(evaluation.runGiven(reading).render());
        if (learned.isPresent()) {
          out.println();
          out.println("re3d, gold entity mentions given, reading with the relation model:");
          out.print(evaluation.runGiven(learned.get()).render());
        }
      }
    }

    private static List<SentenceRelationEvaluation.Row> conll04(
        String corpus,
        String system,
        List<LabelledSentence> sentences,
        Function<String, Extraction> reader) {
      return SentenceRelationEvaluation.run(
          corpus,
          system,
          sentences,
          reader,
          SentenceRelationEvaluation::conll04,
          SentenceRelationEvaluation.CONLL04_LABELS);
    }

    private static List<SentenceRelationEvaluation.Row> reDocred(
        String corpus,
        String system,
        List<LabelledSentence> sentences,
        Function<String, Extraction> reader) {
      return SentenceRelationEvaluation.run(
          corpus,
          system,
          sentences,
          reader,
          SentenceRelationEvaluation::reDocred,
          new ArrayList<>(new TreeSet<>(SentenceCorpora.RE_DOCRED_RELATIONS.keySet())));
    }

    private static List<SentenceRelationEvaluation.Row> reDocredGiven(
        String corpus, String system, List<LabelledSentence> sentences, Extractor reader) {
      return SentenceRelationEvaluation.runGiven(
          corpus,
          system,
          sentences,
          reader::readAmong,
          SentenceRelationEvaluation::reDocred,
          new ArrayList<>(new TreeSet<>(SentenceCorpora.RE_DOCRED_RELATIONS.keySet())));
    }

    private static Extraction kbpExtraction(KbpRelations kbp, String text) {
      return new Extraction(List.of(), kbp.read(text).relations(), List.of(), List.of(), List.of());
    }
  }
}
