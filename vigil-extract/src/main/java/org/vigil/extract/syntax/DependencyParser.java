/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * CoreNLP's part-of-speech tagger (left3words) and neural dependency parser (English Universal
 * Dependencies), one sentence at a time. A sentence of more than {@link #maxTokens()} words is not
 * parsed: it is {@link ParseOutcome.Skipped} with the reason, which bounds the time one sentence
 * can take (the parser is linear in the sentence's length, the tagger nearly so).
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

  private static final DependencyParser SHARED = new DependencyParser(DEFAULT_MAX_TOKENS);

  private final int maxTokens;
  private volatile Pipelines pipelines;

  private record Pipelines(StanfordCoreNLP tokenizer, StanfordCoreNLP parser) {}

  /** A parser that skips sentences of more than {@code maxTokens} tokens. */
  public DependencyParser(int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens " + maxTokens + " is not positive");
    }
    this.maxTokens = maxTokens;
  }

  /** The process's parser, with the default sentence length limit. */
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

  private Pipelines pipelines() {
    Pipelines p = pipelines;
    if (p == null) {
      synchronized (this) {
        p = pipelines;
        if (p == null) {
          Properties tokenize = new Properties();
          tokenize.setProperty("annotators", "tokenize,ssplit");
          tokenize.setProperty("tokenize.language", "en");
          tokenize.setProperty("ssplit.isOneSentence", "true");
          Properties parse = new Properties();
          parse.setProperty("annotators", "pos,lemma,depparse");
          parse.setProperty("enforceRequirements", "false");
          parse.setProperty("pos.model", MODELS.get(0));
          parse.setProperty("depparse.model", MODELS.get(1));
          p =
              new Pipelines(
                  new StanfordCoreNLP(tokenize, false), new StanfordCoreNLP(parse, false));
          pipelines = p;
        }
      }
    }
    return p;
  }

  /** Loads the models now, for a caller that would rather wait at start than on first use. */
  public void load() {
    pipelines();
  }

  /**
   * Parses {@code sentence}, which starts at {@code offset} in the document, as one sentence; the
   * parse's offsets are the document's.
   */
  public ParseOutcome parse(String sentence, int offset) {
    Pipelines p = pipelines();
    Annotation annotation = new Annotation(sentence);
    p.tokenizer().annotate(annotation);
    List<CoreLabel> labels = annotation.get(CoreAnnotations.TokensAnnotation.class);
    if (labels == null || labels.isEmpty()) {
      return new ParseOutcome.Skipped(offset, offset + sentence.length(), "no words");
    }
    if (labels.size() > maxTokens) {
      return new ParseOutcome.Skipped(
          offset,
          offset + sentence.length(),
          String.format(
              Locale.ROOT, "too long: %d tokens, the limit is %d", labels.size(), maxTokens));
    }
    p.parser().annotate(annotation);
    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
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
    List<Dependency> arcs = new ArrayList<>();
    int base = 0;
    for (CoreMap s : sentences) {
      SemanticGraph graph =
          s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
      if (graph != null) {
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
      }
      base += s.get(CoreAnnotations.TokensAnnotation.class).size();
    }
    int start = offset;
    int end = offset + sentence.length();
    return new ParseOutcome.Parsed(new ParsedSentence(start, end, sentence, tokens, arcs));
  }

  private static String lower(String lemma) {
    return lemma.toLowerCase(Locale.ROOT);
  }
}
