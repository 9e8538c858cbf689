/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Text that is hostile to a parser (a run-on sentence of 2,000 words, a table flattened to one
 * line, text in capitals, lower-case wire copy, paragraphs in other languages): each is read or
 * skipped with its reason, and the rest of the document is read all the same. The parser's bound is
 * its sentence length limit, so no clock is asserted here.
 */
class BadInputTest {
  private static final Extractor EXTRACTOR = Extractor.standard();
  private static final String TAIL =
      "\n\nTurkish police arrested Ali Rezaei in Izmir on 4 March 2026.";

  private static void assertTailRead(Extraction x) {
    assertThat(x.events())
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo("arrest");
              assertThat(e.participants()).extracting(Mention::text).contains("Ali Rezaei");
            });
  }

  @Test
  void sentenceOfTwoThousandWordsIsSkippedWithItsReasonAndTheRestRead() {
    StringBuilder run = new StringBuilder("Hezbollah and Hamas said that");
    for (int i = 0; i < 2_000; i++) {
      run.append(i % 10 == 0 ? " and Tehran" : " many");
    }
    Extraction x = EXTRACTOR.extract(run + " men were arrested." + TAIL);

    assertThat(x.skipped())
        .anySatisfy(s -> assertThat(s.reason()).startsWith("too long").contains("tokens"));
    assertTailRead(x);
  }

  @Test
  void tableFlattenedToOneLineIsReadOrSkippedAndTheRestRead() {
    StringBuilder table = new StringBuilder("Name | Agency | City | Date");
    for (int i = 0; i < 80; i++) {
      table
          .append(" | Ali Karimi ")
          .append(i)
          .append(" | MOIS | Tehran | 2026-01-")
          .append(i % 28 + 1);
    }
    Extraction x = EXTRACTOR.extract(table + TAIL);

    assertThat(x.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    assertTailRead(x);
  }

  @Test
  void textInCapitalsIsReadWithoutFailingTheDocument() {
    String capitals =
        "IRAN'S MINISTRY OF INTELLIGENCE SAID ON MONDAY IT HAD ARRESTED TWELVE PEOPLE IN TABRIZ."
            + "\nOFFICIALS IN ANKARA DENIED THE REPORT.";
    Extraction x = EXTRACTOR.extract(capitals + TAIL);

    assertTailRead(x);
  }

  @Test
  void lowerCaseWireCopyIsReadWithoutFailingTheDocument() {
    String wire =
        "tehran (wire) - iranian police arrested two men accused of spying for israel, the"
            + " judiciary's news agency said on sunday.";
    Extraction x = EXTRACTOR.extract(wire + TAIL);

    assertTailRead(x);
    assertThat(x.mentions()).allSatisfy(m -> assertThat(m.text()).isNotBlank());
  }

  @Test
  void eachKindOfBadInputOverThePerSentenceTimeLimitIsSkippedWithItsReasonAndTheNamesStillRead() {
    // A limit no parse can meet: every sentence parsed is over it, whatever the machine's speed.
    Extractor strict =
        Extractor.create().withParser(new DependencyParser(160, Duration.ofNanos(1)));
    String bad =
        "Name | Agency | City | Ali Karimi | MOIS | Tehran | 2026-01-02 | Reza Ahmadi | IRGC\n\n"
            + "IRAN'S MINISTRY OF INTELLIGENCE SAID IT HAD ARRESTED TWELVE PEOPLE IN TABRIZ.\n\n"
            + "tehran (wire) - iranian police arrested two men accused of spying for israel.\n\n"
            + "La police turque a arrêté deux hommes à Istanbul, selon l'agence Anadolu.";
    Extraction x = strict.extract(bad + TAIL);

    assertThat(x.skipped())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.reason()).startsWith("over the time limit"));
    assertThat(x.skipped())
        .anySatisfy(s -> assertThat(TAIL).contains(bad.concat(TAIL).substring(s.start(), s.end())));
    assertThat(x.mentions()).extracting(Mention::text).contains("Ali Rezaei");
  }

  @Test
  void paragraphsInOtherLanguagesAreReadWithoutFailingTheDocument() {
    String foreign =
        "La police turque a arrêté deux hommes à Istanbul, selon l'agence Anadolu.\n\n"
            + "پلیس ترکیه دو مرد را در استانبول بازداشت کرد.\n\n"
            + "Полиция Турции задержала двух мужчин в Стамбуле.";
    Extraction x = EXTRACTOR.extract(foreign + TAIL);

    assertTailRead(x);
    assertThat(x.mentions())
        .allSatisfy(m -> assertThat(m.text().toLowerCase(Locale.ROOT)).isNotBlank());
  }
}
