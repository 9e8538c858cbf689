/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.vigil.model.Schema;

/**
 * Stanford CoreNLP's named-entity recogniser, set up for speed: tokenizer, sentence splitter and
 * one CRF model (CoNLL's four classes: person, organisation, location, misc). No part-of-speech
 * tagger, lemmas, SUTime, numeric classifiers or fine-grained rules run, since the CRF model uses
 * none of them and Vigil reads dates itself.
 *
 * <p>The pipeline loads once per process, on first use (some seconds; about 20 MB of model), so a
 * server starts without waiting for it. Safe for concurrent use.
 */
public final class CoreNlpRecogniser implements NamedEntityRecogniser {
  /** The one CRF model used; a shaded jar needs only this file of CoreNLP's models. */
  public static final String MODEL =
      "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  private static final java.util.regex.Pattern PRONOUN =
      java.util.regex.Pattern.compile(
          "(?i)he|him|his|himself|she|her|hers|herself|they|them|their|theirs|it|its|we|us|our"
              + "|i|me|my|you|your");

  private static final CoreNlpRecogniser SHARED = new CoreNlpRecogniser();

  private volatile StanfordCoreNLP pipeline;

  private CoreNlpRecogniser() {}

  /** The process's recogniser; its model loads on the first call to {@link #recognise}. */
  public static CoreNlpRecogniser shared() {
    return SHARED;
  }

  static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,ner");
    props.setProperty("enforceRequirements", "false");
    props.setProperty("tokenize.language", "en");
    props.setProperty("ner.model", MODEL);
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.buildEntityMentions", "true");
    props.setProperty("ner.combinationMode", "NORMAL");
    props.setProperty("ner.additionalRegexner", "false");
    return props;
  }

  /**
   * Whether the model is on the class path. CoreNLP's models jar is an optional dependency; an
   * application that leaves it out runs the extractor without this recogniser.
   */
  public static boolean isAvailable() {
    return CoreNlpRecogniser.class.getClassLoader().getResource(MODEL) != null;
  }

  /** Loads the model now, for a caller that would rather wait at start than on first use. */
  public void load() {
    pipeline();
  }

  private StanfordCoreNLP pipeline() {
    StanfordCoreNLP p = pipeline;
    if (p == null) {
      synchronized (this) {
        p = pipeline;
        if (p == null) {
          p = new StanfordCoreNLP(properties());
          pipeline = p;
        }
      }
    }
    return p;
  }

  @Override
  public List<Mention> recognise(String text) {
    CoreDocument document = new CoreDocument(text);
    pipeline().annotate(document);
    List<Mention> mentions = new ArrayList<>();
    List<CoreEntityMention> found = document.entityMentions();
    if (found == null) {
      return mentions;
    }
    for (CoreEntityMention m : found) {
      Optional<MentionType> type = type(m.entityType());
      Pair<Integer, Integer> offsets = m.charOffsets();
      if (type.isEmpty() || offsets.first() >= offsets.second()) {
        continue;
      }
      String name = text.substring(offsets.first(), offsets.second());
      if (PRONOUN.matcher(name).matches()) {
        // CoreNLP adds "he", "his", "she" as person mentions for coreference; they name no one.
        continue;
      }
      Optional<Schema> schema =
          switch (type.get()) {
            case PERSON -> Optional.of(Schema.PERSON);
            case ORGANIZATION -> Optional.of(Schema.ORGANIZATION);
            case LOCATION, MISC -> Optional.empty();
          };
      double confidence =
          Optional.ofNullable(m.entityTypeConfidences())
              .map(c -> c.get(m.entityType()))
              .filter(c -> c > 0.0 && c <= 1.0)
              .orElse(0.7);
      mentions.add(
          new Mention(
              name,
              type.get(),
              offsets.first(),
              offsets.second(),
              EntityIds.forName(type.get(), name),
              schema,
              Optional.empty(),
              name(),
              confidence));
    }
    return mentions;
  }

  private static Optional<MentionType> type(String nerTag) {
    return switch (nerTag) {
      case "PERSON" -> Optional.of(MentionType.PERSON);
      case "ORGANIZATION" -> Optional.of(MentionType.ORGANIZATION);
      case "LOCATION" -> Optional.of(MentionType.LOCATION);
      case "MISC" -> Optional.of(MentionType.MISC);
      default -> Optional.empty();
    };
  }

  @Override
  public String name() {
    return "corenlp:ner";
  }
}
