/* SPDX-License-Identifier: GPL-3.0-or-later */
package edu.stanford.nlp.parser.nndep;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Parsing without scoring the forced moves gives CoreNLP's own parses, with the English UD model:
 * the same heads, labels and words for every token, on sentences of one word to sixty, with
 * clauses, coordination, quotations and lists, so that the stack empties often and seldom.
 */
class ForcedMovesTest {
  private static edu.stanford.nlp.parser.nndep.DependencyParser parser;
  private static StanfordCoreNLP tagger;

  private static final List<String> SENTENCES =
      List.of(
          "Arrested.",
          "Police came.",
          "The men were arrested by the police in Tehran on Tuesday.",
          "Ali and Reza, who had worked for the ministry since 2019, were detained at the airport.",
          "\"We deny these claims,\" a spokesman for the Foreign Ministry told reporters in Vienna.",
          "According to the newspaper, the colonel fled to Turkey, then to Germany, where he asked"
              + " for asylum.",
          "The network, led by a former officer of the Revolutionary Guards, paid criminals in"
              + " Dubai, London and Amsterdam to watch, kidnap and kill dissidents.",
          "OFAC and the UK sanctioned the group on 3 March 2026.",
          "Yes.",
          "It is the largest of the three, the smallest being in the north, the rest in the south"
              + " and west, and none of them in the east, the report said, adding that more would"
              + " follow in the months to come if the funding, which the ministry had promised,"
              + " arrived.",
          "Gunmen placed a bomb at the bank; it exploded at 9 p.m., killing two guards.",
          "Who paid him?");

  @BeforeAll
  static void load() {
    Properties parse = new Properties();
    parse.setProperty("model", DependencyParser.MODELS.get(1));
    parser =
        edu.stanford.nlp.parser.nndep.DependencyParser.loadFromModelFile(
            DependencyParser.MODELS.get(1), parse);
    ColumnwiseClassifier.install(parser);
    Properties tag = new Properties();
    tag.setProperty("annotators", "tokenize,ssplit,pos");
    tag.setProperty("tokenize.language", "en");
    tag.setProperty("ssplit.isOneSentence", "true");
    tag.setProperty("pos.model", DependencyParser.MODELS.get(0));
    tagger = new StanfordCoreNLP(tag, false);
  }

  private static CoreMap tagged(String text) {
    Annotation annotation = new Annotation(text);
    tagger.annotate(annotation);
    return annotation.get(CoreAnnotations.SentencesAnnotation.class).get(0);
  }

  private static String dependencies(GrammaticalStructure gs) {
    return gs.typedDependencies().toString();
  }

  @Test
  void parsesAreCoreNlpsOwn() {
    ForcedMoves moves = ForcedMoves.of(parser);
    for (String sentence : SENTENCES) {
      CoreMap s = tagged(sentence);

      assertThat(dependencies(moves.predict(s)))
          .as(sentence)
          .isEqualTo(dependencies(parser.predict(s)));
    }
  }

  @Test
  void enhancedGraphsAreCoreNlpsOwn() {
    ForcedMoves moves = ForcedMoves.of(parser);
    CoreMap s = tagged(SENTENCES.get(6));

    assertThat(moves.predict(s).typedDependenciesEnhancedPlusPlus().toString())
        .isEqualTo(parser.predict(s).typedDependenciesEnhancedPlusPlus().toString());
  }
}
