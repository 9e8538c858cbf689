/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.parser.nndep.ColumnwiseClassifier;
import edu.stanford.nlp.parser.nndep.ForcedMoves;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.tagger.maxent.ReusedScores;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.RuntimeInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * CoreNLP's part-of-speech tagger (left3words) and neural dependency parser (English Universal
 * Dependencies), one sentence at a time. A sentence is not parsed, but {@link ParseOutcome.Skipped}
 * with the reason, when it has more than {@link #maxTokens()} words, or when tagging and parsing it
 * take more than {@link #timeLimit()} of the thread's processor time: the first bound is known
 * before any work (the parser is linear in the sentence's length, the tagger nearly so), the second
 * catches what the first does not (a slow machine, a pathological sentence) and is checked between
 * the steps and, through the thread's interrupt, inside them.
 *
 * <p>Only the enhanced++ dependencies are built from the parse (the reading uses nothing else), the
 * parser's output layer is computed by {@link ColumnwiseClassifier}, and a move that is the only
 * one allowed is made without scoring it ({@link ForcedMoves}), and the tagger computes each of its
 * scores once ({@link ReusedScores}): the tags and parses are CoreNLP's own, for a fraction of the
 * time.
 *
 * <p>The models (about 27 MB) load once per process, on first use. Safe for concurrent use.
 */
public final class DependencyParser {
  /** The model files the parser needs on the class path; a shaded jar needs only these two. */
  public static final List<String> MODELS =
      List.of(
          "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger",
          "edu/stanford/nlp/models/parser/nndep/english_UD.gz");

  /** The default longest sentence parsed, in tokens. */
  public static final int DEFAULT_MAX_TOKENS = 160;

  /**
   * The default longest processor time one sentence may take: some 30 times what a sentence of
   * {@link #DEFAULT_MAX_TOKENS} tokens takes, so that only a pathological sentence meets it. It
   * counts the parsing thread's processor time, so a busy machine does not make sentences skipped.
   */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

  private static final DependencyParser SHARED =
      new DependencyParser(DEFAULT_MAX_TOKENS, DEFAULT_TIME_LIMIT);

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-parse-time-limit");
            t.setDaemon(true);
            return t;
          });

  private final int maxTokens;
  private final Duration timeLimit;
  private volatile Pipelines pipelines;

  /** The parser whose models this one uses: itself, or the one {@link #withCache} was called on. */
  private final DependencyParser modelsOf;

  private final Optional<ParseCache> cache;

  private record Pipelines(
      StanfordCoreNLP tokenizer,
      ReusedScores tagger,
      StanfordCoreNLP lemmatiser,
      ForcedMoves parser) {}

  /** A parser that skips sentences of more than {@code maxTokens} tokens. */
  public DependencyParser(int maxTokens) {
    this(maxTokens, DEFAULT_TIME_LIMIT);
  }

  /**
   * A parser that skips sentences of more than {@code maxTokens} tokens, and those that take longer
   * than {@code timeLimit} to tag and parse.
   */
  public DependencyParser(int maxTokens, Duration timeLimit) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens " + maxTokens + " is not positive");
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit " + timeLimit + " is not positive");
    }
    this.maxTokens = maxTokens;
    this.timeLimit = timeLimit;
    this.modelsOf = this;
    this.cache = Optional.empty();
  }

  private DependencyParser(DependencyParser modelsOf, ParseCache cache) {
    this.maxTokens = modelsOf.maxTokens;
    this.timeLimit = modelsOf.timeLimit;
    this.modelsOf = modelsOf.modelsOf;
    this.cache = Optional.of(cache);
  }

  /**
   * The same parser (its models, loaded once, and its limits), keeping what it parses in {@code
   * cache} and reading from it what it holds: for reading the same corpora again. The cache must be
   * {@link ParseCache#open}ed for this Vigil's parser; a sentence found there is skipped over the
   * length limit as if it were parsed, never over the time limit.
   */
  public DependencyParser withCache(ParseCache cache) {
    return new DependencyParser(this, requireNonNull(cache, "cache"));
  }

  /** The process's parser, with the default sentence length and time limits. */
  public static DependencyParser shared() {
    return SHARED;
  }

  /** Whether the models are on the class path. */
  public static boolean isAvailable() {
    ClassLoader loader = DependencyParser.class.getClassLoader();
    return MODELS.stream().allMatch(m -> loader.getResource(m) != null);
  }

  public int maxTokens() {
    return maxTokens;
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  private Pipelines pipelines() {
    if (modelsOf != this) {
      return modelsOf.pipelines();
    }
    Pipelines p = pipelines;
    if (p == null) {
      synchronized (this) {
        p = pipelines;
        if (p == null) {
          p = load(MODELS);
          pipelines = p;
        }
      }
    }
    return p;
  }

  private static Pipelines load(List<String> models) {
    Properties tokenize = new Properties();
    tokenize.setProperty("annotators", "tokenize,ssplit");
    tokenize.setProperty("tokenize.language", "en");
    tokenize.setProperty("ssplit.isOneSentence", "true");
    // What CoreNLP's pos annotator loads, tagging as it does (ReusedScores: CoreNLP's own tags).
    ReusedScores tagger = ReusedScores.of(new MaxentTagger(models.get(0)));
    Properties lemma = new Properties();
    lemma.setProperty("annotators", "lemma");
    lemma.setProperty("enforceRequirements", "false");
    // What CoreNLP's depparse annotator passes its parser: its own properties, here the model only.
    Properties parse = new Properties();
    parse.setProperty("model", models.get(1));
    edu.stanford.nlp.parser.nndep.DependencyParser parser =
        edu.stanford.nlp.parser.nndep.DependencyParser.loadFromModelFile(models.get(1), parse);
    ColumnwiseClassifier.install(parser);
    return new Pipelines(
        new StanfordCoreNLP(tokenize, false),
        tagger,
        new StanfordCoreNLP(lemma, false),
        ForcedMoves.of(parser));
  }

  /** Loads the models now, for a caller that would rather wait at start than on first use. */
  public void load() {
    pipelines();
  }

  /**
   * Parses {@code sentence}, which starts at {@code offset} in the document, as one sentence; the
   * parse's offsets are the document's.
   *
   * @throws RuntimeInterruptedException when the calling thread was interrupted (not by the time
   *     limit); the thread stays interrupted
   */
  public ParseOutcome parse(String sentence, int offset) {
    Optional<ParsedSentence> kept = cache.flatMap(c -> c.find(sentence, offset));
    if (kept.isPresent()) {
      int words = kept.get().tokens().size();
      return words > maxTokens
          ? new ParseOutcome.Skipped(offset, offset + sentence.length(), tooLong(words))
          : new ParseOutcome.Parsed(kept.get());
    }
    try {
      ParseOutcome outcome = parseOrSkip(sentence, offset);
      if (outcome instanceof ParseOutcome.Parsed p) {
        cache.ifPresent(c -> c.keep(p.sentence()));
      }
      return outcome;
    } catch (RuntimeInterruptedException e) {
      // The caller's own interrupt (cancelled): CoreNLP cleared it when it stopped; set it again.
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private ParseOutcome parseOrSkip(String sentence, int offset) {
    Pipelines p = pipelines();
    int end = offset + sentence.length();
    Annotation annotation = new Annotation(sentence);
    p.tokenizer().annotate(annotation);
    List<CoreLabel> labels = annotation.get(CoreAnnotations.TokensAnnotation.class);
    if (labels == null || labels.isEmpty()) {
      return new ParseOutcome.Skipped(offset, end, "no words");
    }
    if (labels.size() > maxTokens) {
      return new ParseOutcome.Skipped(offset, end, tooLong(labels.size()));
    }
    Optional<List<SemanticGraph>> graphs = timed(() -> tagAndParse(p, annotation));
    if (graphs.isEmpty()) {
      return new ParseOutcome.Skipped(
          offset,
          end,
          String.format(
              Locale.ROOT,
              "over the time limit: %d tokens not parsed in %,d ms of processor time",
              labels.size(),
              timeLimit.toMillis()));
    }
    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    return new ParseOutcome.Parsed(
        new ParsedSentence(
            offset, end, sentence, tokens(labels, offset), arcs(sentences, graphs.get())));
  }

  private String tooLong(int words) {
    return String.format(Locale.ROOT, "too long: %d tokens, the limit is %d", words, maxTokens);
  }

  /**
   * Tags {@code annotation}'s sentence and parses it into its enhanced++ dependencies (built the
   * way CoreNLP's depparse annotator builds them, without the four other graphs it also builds).
   */
  private static List<SemanticGraph> tagAndParse(Pipelines p, Annotation annotation) {
    for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
      // As CoreNLP's pos annotator sets them.
      List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
      List<TaggedWord> tagged = p.tagger().tagSentence(tokens);
      for (int i = 0; i < tokens.size(); i++) {
        tokens.get(i).set(CoreAnnotations.PartOfSpeechAnnotation.class, tagged.get(i).tag());
      }
    }
    checkInterrupt();
    p.lemmatiser().annotate(annotation);
    checkInterrupt();
    List<SemanticGraph> graphs = new ArrayList<>();
    for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
      GrammaticalStructure gs = p.parser().predict(s);
      checkInterrupt();
      graphs.add(
          SemanticGraphFactory.makeFromTree(
              gs,
              SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS,
              GrammaticalStructure.Extras.NONE,
              null));
    }
    return graphs;
  }

  private static void checkInterrupt() {
    if (Thread.currentThread().isInterrupted()) {
      throw new RuntimeInterruptedException();
    }
  }

  /**
   * Runs {@code work} on this thread, interrupted when it takes longer than the time limit: empty
   * then. An interrupt that is not the limit's (the caller cancelled) ends the work with CoreNLP's
   * {@link RuntimeInterruptedException}, and the thread stays interrupted.
   */
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static final TimeUnit NANOS = TimeUnit.NANOSECONDS;

  private static final int RUNNING = 0;

  private static final int INTERRUPTING = 1;
  private static final int INTERRUPTED = 2;
  private static final int DONE = 3;

  private <T> Optional<T> timed(java.util.function.Supplier<T> work) {
    Thread thread = Thread.currentThread();
    long limit = timeLimit.toNanos();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    java.util.concurrent.atomic.AtomicInteger state =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<ScheduledFuture<?>> alarm =
        new java.util.concurrent.atomic.AtomicReference<>();
    alarm.set(TIMER.schedule(() -> alarm(thread, cpuStart, limit, state, alarm), limit, NANOS));
    try {
      T result = work.get();
      return CPU.getCurrentThreadCpuTime() - cpuStart > limit
          ? Optional.empty()
          : Optional.of(result);
    } catch (RuntimeInterruptedException e) {
      if (state.get() != RUNNING) {
        return Optional.empty();
      }
      throw e;
    } finally {
      if (state.compareAndSet(RUNNING, DONE)) {
        alarm.get().cancel(false);
      } else {
        // The limit's interrupt, not the caller's: wait until it has landed, then clear it, so that
        // it never reaches the caller's next step (an interrupted file channel closes itself).
        while (state.get() != INTERRUPTED) {
          Thread.onSpinWait();
        }
        Thread.interrupted();
      }
    }
  }

  /**
   * The limit counts the parsing thread's processor time, not the wall clock: on a machine busy
   * with other work a sentence waits without using its time. Not yet over: look again when it could
   * be.
   */
  private static void alarm(
      Thread thread,
      long cpuStart,
      long limit,
      java.util.concurrent.atomic.AtomicInteger state,
      java.util.concurrent.atomic.AtomicReference<ScheduledFuture<?>> alarm) {
    if (state.get() != RUNNING) {
      return;
    }
    long used = CPU.getThreadCpuTime(thread.getId()) - cpuStart;
    if (used < limit) {
      alarm.set(
          TIMER.schedule(
              () -> alarm(thread, cpuStart, limit, state, alarm),
              Math.max(limit - used, 1_000_000L),
              NANOS));
    } else if (state.compareAndSet(RUNNING, INTERRUPTING)) {
      thread.interrupt();
      state.set(INTERRUPTED);
    }
  }

  private static List<Token> tokens(List<CoreLabel> labels, int offset) {
    List<Token> tokens = new ArrayList<>();
    for (CoreLabel label : labels) {
      tokens.add(
          new Token(
              tokens.size(),
              label.word(),
              label.lemma() == null ? label.word().toLowerCase(Locale.ROOT) : lower(label.lemma()),
              label.tag() == null ? "" : label.tag(),
              offset + label.beginPosition(),
              offset + label.endPosition()));
    }
    return tokens;
  }

  private static List<Dependency> arcs(List<CoreMap> sentences, List<SemanticGraph> graphs) {
    List<Dependency> arcs = new ArrayList<>();
    int base = 0;
    for (int i = 0; i < graphs.size(); i++) {
      SemanticGraph graph = graphs.get(i);
      for (IndexedWord root : graph.getRoots()) {
        arcs.add(new Dependency(-1, base + root.index() - 1, "root"));
      }
      for (SemanticGraphEdge e : graph.edgeIterable()) {
        if (e.getGovernor().copyCount() > 0 || e.getDependent().copyCount() > 0) {
          continue; // enhanced++ copy nodes ("empty" words) have no place in the text
        }
        arcs.add(
            new Dependency(
                base + e.getGovernor().index() - 1,
                base + e.getDependent().index() - 1,
                e.getRelation().toString()));
      }
      base += sentences.get(i).get(CoreAnnotations.TokensAnnotation.class).size();
    }
    return arcs;
  }

  private static String lower(String lemma) {
    return lemma.toLowerCase(Locale.ROOT);
  }
}
