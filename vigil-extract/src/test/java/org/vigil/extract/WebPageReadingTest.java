/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.CleanedText;
import org.vigil.ingest.WebTextCleaner;

/**
 * A report as copied from a news page (written for this test): menu, headline, byline, time stamps,
 * share bar and a notification prompt above an article with a dateline in capitals, a sentence
 * opened by an adverb and a description ("the group") that names no one before it.
 */
class WebPageReadingTest {
  private static CleanedText cleaned;
  private static Extraction read;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = WebPageReadingTest.class.getResourceAsStream("web-page-report.txt")) {
      cleaned = WebTextCleaner.clean(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      read = Extractor.standard().extract(cleaned.text());
    }
  }

  @Test
  void pageFurnitureIsRemovedAndTheArticleKept() {
    assertThat(cleaned.text())
        .startsWith("Courier Networks Under Pressure\n\nISTANBUL - Turkish prosecutors")
        .doesNotContain("notifications", "Share on", "By Mina Karimi", "Updated");
  }

  @Test
  void headlineIsNoOrganisation() {
    assertThat(read.mentions())
        .noneSatisfy(m -> assertThat(cleaned.text().substring(0, 31)).contains(m.text()));
  }

  @Test
  void datelineCityInCapitalsIsAPlace() {
    assertThat(read.mentions())
        .filteredOn(m -> m.text().equals("ISTANBUL"))
        .singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo(MentionType.LOCATION));
  }

  @Test
  void sentenceOpeningAdverbIsNoName() {
    assertThat(read.mentions()).extracting(Mention::text).doesNotContain("Separately");
  }

  @Test
  void noMentionCrossesASentenceEnd() {
    assertThat(read.mentions())
        .allSatisfy(
            m ->
                assertThat(
                        Sentences.split(cleaned.text()).stream()
                            .anyMatch(s -> s.start() <= m.start() && m.end() <= s.end()))
                    .isTrue());
  }

  @Test
  void descriptionThatNamesNoOneBeforeItMakesNoEntityAndNoParticipant() {
    assertThat(read.mentions()).extracting(Mention::text).doesNotContain("the group");
    assertThat(read.events())
        .allSatisfy(
            e ->
                assertThat(e.participants())
                    .extracting(Mention::text)
                    .doesNotContain("the group", "the ministry"));
  }
}
