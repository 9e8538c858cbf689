/* SPDX-License-Identifier: GPL-3.0-or-later */
package edu.stanford.nlp.tagger.maxent;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Tagging with scores reused gives CoreNLP's own scores at every step of the search (the checking
 * tagger compares each with CoreNLP's computation and throws on the first that differs) and so
 * CoreNLP's own tags: on report sentences, on shouting, lower-case wire copy, numbers, unknown and
 * foreign words, and on random sequences of words that force many unlikely pairs of tags.
 */
class ReusedScoresTest {
  private static MaxentTagger tagger;
  private static StanfordCoreNLP tokenizer;

  private static final List<String> SENTENCES =
      List.of(
          "Arrested.",
          "Yes",
          "The men were arrested by the police in Tehran on Tuesday.",
          "Ali and Reza, who had worked for the ministry since 2019, were detained at the airport.",
          "\"We deny these claims,\" a spokesman for the Foreign Ministry told reporters in Vienna.",
          "The network, led by a former officer of the Revolutionary Guards, paid criminals in"
              + " Dubai, London and Amsterdam to watch, kidnap and kill dissidents.",
          "OFAC and the UK sanctioned the group on 3 March 2026 under Executive Order 13224.",
          "IRAN'S INTELLIGENCE MINISTRY SAID IT HAD ARRESTED 17 CIA SPIES.",
          "tehran (reuters) - iran said on monday it had arrested 17 spies working for the cia.",
          "Gunmen placed a bomb at the bank; it exploded at 9 p.m., killing two guards.",
          "Naji Ibrahim Sharifi-Zindashti's men kidnapped Habib Chaab in Istanbul in October 2020.",
          "Le ministère a déclaré que les suspects avaient été arrêtés à Téhéran.",
          "Zorblax quintified the frobnicated glimmerwicks near Xyloport-7 on 12/03/2024.",
          "Who paid him?");

  @BeforeAll
  static void load() {
    tagger = new MaxentTagger(DependencyParser.MODELS.get(0));
    Properties tokenize = new Properties();
    tokenize.setProperty("annotators", "tokenize,ssplit");
    tokenize.setProperty("tokenize.language", "en");
    tokenize.setProperty("ssplit.isOneSentence", "true");
    tokenizer = new StanfordCoreNLP(tokenize, false);
  }

  private static List<CoreLabel> tokens(String sentence) {
    Annotation a = new Annotation(sentence);
    tokenizer.annotate(a);
    return a.get(CoreAnnotations.TokensAnnotation.class);
  }

  private static List<String> tags(List<TaggedWord> tagged) {
    return tagged.stream().map(TaggedWord::tag).toList();
  }

  @Test
  void theModelsTagFeaturesAreAllOfKnownKinds() {
    // Else only the word scores would be reused, and the test below would not cover the rest.
    assertThat(ReusedScores.of(tagger).reusesHistories()).isTrue();
  }

  @Test
  void everyScoreAndTagIsCoreNlps() {
    ReusedScores reused = ReusedScores.checking(tagger);
    for (int round = 0; round < 2; round++) { // the second round reuses every word's scores
      for (String sentence : SENTENCES) {
        List<CoreLabel> words = tokens(sentence);
        assertThat(tags(reused.tagSentence(words)))
            .as(sentence)
            .isEqualTo(tags(tagger.tagSentence(words)));
      }
    }
  }

  @Test
  void randomWordSequencesAreTaggedAsCoreNlpTagsThem() {
    List<String> vocabulary = new ArrayList<>();
    for (String sentence : SENTENCES) {
      tokens(sentence).forEach(t -> vocabulary.add(t.word()));
    }
    ReusedScores reused = ReusedScores.checking(tagger);
    SplittableRandom random = new SplittableRandom(12);
    for (int n = 0; n < 60; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(25);
      for (int i = 0; i < length; i++) {
        text.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
      }
      List<CoreLabel> words = tokens(text.toString().strip());
      assertThat(tags(reused.tagSentence(words)))
          .as(text.toString())
          .isEqualTo(tags(tagger.tagSentence(words)));
    }
  }
}
