/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.stanford.nlp.util.RuntimeInterruptedException;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class DependencyParserTest {
  private static final DependencyParser PARSER = DependencyParser.shared();

  private static ParsedSentence parse(String sentence, int offset) {
    ParseOutcome outcome = PARSER.parse(sentence, offset);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return ((ParseOutcome.Parsed) outcome).sentence();
  }

  private static int word(ParsedSentence s, String word) {
    return s.tokens().stream().filter(t -> t.word().equals(word)).findFirst().orElseThrow().index();
  }

  @Test
  void passiveAgentIsAnObliqueByAndTheSubjectIsPassive() {
    ParsedSentence s = parse("The men were arrested by the police in Tehran.", 0);
    int arrested = word(s, "arrested");

    assertThat(s.dependents(arrested, "nsubj:pass")).containsExactly(word(s, "men"));
    assertThat(s.dependents(arrested, "obl:agent")).containsExactly(word(s, "police"));
    assertThat(s.dependents(arrested, "obl:in")).containsExactly(word(s, "Tehran"));
    assertThat(s.token(arrested).lemma()).isEqualTo("arrest");
  }

  @Test
  void coordinatedSubjectsEachGetTheVerb() {
    ParsedSentence s = parse("Ali and Reza were arrested.", 0);

    assertThat(s.dependents(word(s, "arrested"), "nsubj:pass"))
        .containsExactlyInAnyOrder(word(s, "Ali"), word(s, "Reza"));
  }

  @Test
  void offsetsAreTheDocumentsAndTheHeadOfANameIsItsLastWord() {
    String text = "Intro. Esmaeil Khatib leads the ministry.";
    ParsedSentence s = parse(text.substring(7), 7);
    Token khatib = s.token(word(s, "Khatib"));

    assertThat(text.substring(khatib.start(), khatib.end())).isEqualTo("Khatib");
    assertThat(s.headOf(7, 21)).hasValue(khatib.index());
    assertThat(s.headOf(0, 6)).isEmpty();
  }

  @Test
  void sentenceOverTheLimitIsSkippedWithItsLength() {
    String longSentence = String.join(" ", Collections.nCopies(130, "word")) + ".";

    ParseOutcome outcome = new DependencyParser(120).parse(longSentence, 5);

    assertThat(outcome)
        .isEqualTo(
            new ParseOutcome.Skipped(
                5, 5 + longSentence.length(), "too long: 131 tokens, the limit is 120"));
  }

  @Test
  void sentenceOverTheTimeLimitIsSkippedWithTheLimitAndTheThreadIsNotLeftInterrupted() {
    String sentence = "Police arrested Ali Rezaei in Izmir after he met officials of MOIS.";

    ParseOutcome outcome = new DependencyParser(160, Duration.ofNanos(1)).parse(sentence, 3);

    assertThat(outcome).isInstanceOf(ParseOutcome.Skipped.class);
    ParseOutcome.Skipped skipped = (ParseOutcome.Skipped) outcome;
    assertThat(skipped.start()).isEqualTo(3);
    assertThat(skipped.end()).isEqualTo(3 + sentence.length());
    assertThat(skipped.reason()).startsWith("over the time limit").contains("tokens");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void callersInterruptIsNotTakenForTheTimeLimitAndStaysSet() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> PARSER.parse("Ali met Reza in Beirut.", 0))
          .isInstanceOf(RuntimeInterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
