/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Schema;

/**
 * Persian, Pashto and Arabic-script queries against eleven entries of the UK Consolidated List
 * written in Latin letters (the fixture {@code lists/agency/uk-crossscript-excerpt.csv}), among
 * them other Omars, Bashirs and Zadrans.
 */
class CrossScriptScreeningTest {

  private static final Screener SCREENER = screener();

  private static Screener screener() {
    try {
      Path file =
          Path.of(
              CrossScriptScreeningTest.class
                  .getResource("/lists/agency/uk-crossscript-excerpt.csv")
                  .toURI());
      return Screener.build(List.of(SanctionsLists.read(file)));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ScreeningMatch first(ScreeningQuery query) {
    List<ScreeningMatch> matches = SCREENER.screen(query).matches();
    assertThat(matches).as("matches of %s", query.name()).isNotEmpty();
    return matches.get(0);
  }

  @Test
  void pashtoNameFindsMuhammadOmarZadranFirstAndSaysWhy() {
    ScreeningMatch match = first(ScreeningQuery.of("محمد عمر ځدران"));
    assertThat(match.entityId()).isEqualTo("uk-13146");
    assertThat(match.primaryName()).isEqualTo("MUHAMMAD OMAR ZADRAN");
    assertThat(match.score()).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    // every part of the query is accounted for, each shown as written and as read
    assertThat(match.nameExplanation().unmatchedQueryParts()).isEmpty();
    assertThat(match.describe())
        .containsPattern("ځدران \\[zdran\\]~[zj]adran \\(same consonants\\)")
        .containsPattern("محمد \\[mhmd\\]~m[ou]hammad")
        .contains("عمر [amr]~omar");
  }

  @Test
  void persianNameFindsAyyubBashirFirstAndSaysWhy() {
    ScreeningMatch match = first(ScreeningQuery.of("ایوب بشیر"));
    assertThat(match.entityId()).isEqualTo("uk-12808");
    assertThat(match.primaryName()).isEqualTo("AYYUB BASHIR");
    assertThat(match.score()).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    assertThat(match.nameExplanation().unmatchedQueryParts()).isEmpty();
    assertThat(match.describe()).contains("~bashir (same consonants)").contains("~ayyub");
  }

  @Test
  void translatedOrganisationNameFindsItsEntryWordByWord() {
    ScreeningMatch match =
        first(ScreeningQuery.of("سازمان جغرافیایی نیروهای مسلح").withSchema(Schema.ORGANIZATION));
    assertThat(match.entityId()).isEqualTo("uk-10648");
    assertThat(match.describe())
        .contains("سازمان [sazman]~organisation (translation)")
        .contains("(translation)");
    ScreeningMatch ministry =
        first(
            ScreeningQuery.of("وزارت دفاع و پشتیبانی نیروهای مسلح")
                .withSchema(Schema.ORGANIZATION));
    assertThat(ministry.entityId()).isEqualTo("uk-10655");
  }

  @Test
  void mixedScriptsBidiMarksAndZeroWidthCharactersFindTheSameEntry() {
    assertThat(first(ScreeningQuery.of("Muhammad عمر ZADRAN")).entityId()).isEqualTo("uk-13146");
    assertThat(first(ScreeningQuery.of("\u202Bایوب\u200F بشیر\u202C")).entityId())
        .isEqualTo("uk-12808");
    assertThat(first(ScreeningQuery.of("AY\u200BYUB\uFEFF BASHIR")).entityId())
        .isEqualTo("uk-12808");
  }

  @Test
  void acronymInParenthesesIsANameOfItsOwn() {
    Screener screener =
        Screener.build(
            List.of(
                new ListRelease(
                    "Test list",
                    Optional.empty(),
                    "0".repeat(64),
                    List.of(
                        new ListEntry(
                            "o1",
                            Schema.ORGANIZATION,
                            "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)",
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of("IRAN"),
                            Optional.empty(),
                            "test",
                            List.of())))));
    ScreeningResult result = screener.screen(ScreeningQuery.of("IRGC"));
    assertThat(result.matches()).extracting(ScreeningMatch::entityId).containsExactly("o1");
    assertThat(result.matches().get(0).matchedName()).isEqualTo("IRGC");
    assertThat(result.matches().get(0).score()).isEqualTo(1.0);
  }
}
