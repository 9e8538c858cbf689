/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The baseline: CoreNLP's default English pipeline up to named entities (tokenize, ssplit, pos,
 * lemma, ner) with every other setting left at CoreNLP's default: its three CRF models combined,
 * SUTime, the numeric classifiers and the fine-grained rules. Fine-grained place tags (CITY,
 * COUNTRY, STATE_OR_PROVINCE) count as Location.
 *
 * <p>CoreNLP reads its models through the system class loader, so the full models jar
 * (stanford-corenlp-4.5.10-models.jar) must be on the class path of the process; Vigil's own jar
 * carries only the one CRF model its extractor uses. Loads on first use; safe for concurrent use.
 */
public final class CoreNlpDefaultPipeline {
  /** Model files the default pipeline needs; present when the full models jar is there. */
  static final List<String> REQUIRED_MODELS =
      List.of(
          "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger",
          "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
          "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz",
          "edu/stanford/nlp/models/sutime/english.sutime.txt");

  private volatile StanfordCoreNLP pipeline;

  /** Whether the full models jar is on the system class path, where CoreNLP looks. */
  public static boolean isAvailable() {
    return REQUIRED_MODELS.stream().allMatch(m -> ClassLoader.getSystemResource(m) != null);
  }

  /** The annotators, as CoreNLP's documentation gives its default named-entity pipeline. */
  public static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    return props;
  }

  /** Loads the models now (tens of seconds). */
  public void load() {
    pipeline();
  }

  private StanfordCoreNLP pipeline() {
    StanfordCoreNLP p = pipeline;
    if (p == null) {
      synchronized (this) {
        p = pipeline;
        if (p == null) {
          if (!isAvailable()) {
            throw new IllegalStateException(
                "CoreNLP's full models jar is not on the class path (it needs "
                    + REQUIRED_MODELS.get(0)
                    + ")");
          }
          p = new StanfordCoreNLP(properties());
          pipeline = p;
        }
      }
    }
    return p;
  }

  /** The person, organisation and location names CoreNLP finds in {@code text}, in text order. */
  public List<TypedSpan> find(String text) {
    CoreDocument document = new CoreDocument(text);
    pipeline().annotate(document);
    List<TypedSpan> out = new ArrayList<>();
    List<CoreEntityMention> mentions = document.entityMentions();
    if (mentions == null) {
      return out;
    }
    for (CoreEntityMention m : mentions) {
      Pair<Integer, Integer> offsets = m.charOffsets();
      Optional<EntityType> type = type(m.entityType());
      if (type.isPresent() && offsets.first() < offsets.second()) {
        out.add(new TypedSpan(type.get(), offsets.first(), offsets.second()));
      }
    }
    return out;
  }

  static Optional<EntityType> type(String tag) {
    return switch (tag) {
      case "PERSON" -> Optional.of(EntityType.PERSON);
      case "ORGANIZATION" -> Optional.of(EntityType.ORGANISATION);
      case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> Optional.of(EntityType.LOCATION);
      default -> Optional.empty();
    };
  }
}
