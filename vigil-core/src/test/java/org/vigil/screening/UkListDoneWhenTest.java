/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Schema;

/**
 * Issue 14's "done when": a Pashto and a Persian name screened against the whole UK list of the
 * cross-script development set (4,686 entries in Latin letters, the fixture {@code
 * lists/agency/uk-crossscript-list.csv.gz}) find their entries first, with reasons a compliance
 * officer can read.
 */
class UkListDoneWhenTest {

  private static final Screener SCREENER = screener();

  private static Screener screener() {
    try {
      Path file =
          Path.of(
              UkListDoneWhenTest.class
                  .getResource("/lists/agency/uk-crossscript-list.csv.gz")
                  .toURI());
      return Screener.build(List.of(SanctionsLists.read(file)));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ScreeningMatch first(String name) {
    List<ScreeningMatch> matches = SCREENER.screen(ScreeningQuery.of(name)).matches();
    assertThat(matches).as("matches of %s at the default threshold", name).isNotEmpty();
    return matches.get(0);
  }

  @Test
  void pashtoNameFindsMuhammadOmarZadranFirstAmongTheWholeList() {
    ScreeningMatch match = first("محمد عمر ځدران");
    assertThat(match.primaryName()).isEqualTo("MUHAMMAD OMAR ZADRAN");
    assertThat(match.score()).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    assertThat(match.explain())
        .contains(" entry uk-13146, \"MUHAMMAD OMAR ZADRAN\", scores 0.")
        .contains("\"ځدران\" (Arabic script, read \"zdran\") is written with the consonants of")
        .contains("\"محمد\" (Arabic script, read \"mhmd\") is written with the consonants of")
        .contains(
            "\"عمر\" (Arabic script, read \"amr\") is written with the consonants of \"omar\"")
        .contains("leave most vowels unwritten")
        .contains("Every part of each name has its counterpart in the other.")
        .doesNotContain("score was lowered");
  }

  @Test
  void persianNameFindsAyyubBashirFirstAmongTheWholeList() {
    ScreeningMatch match = first("ایوب بشیر");
    assertThat(match.primaryName()).isEqualTo("AYYUB BASHIR");
    assertThat(match.score()).isGreaterThanOrEqualTo(Screener.DEFAULT_THRESHOLD);
    assertThat(match.explain())
        .contains("(Arabic script, read \"bshyr\") is written with the consonants of \"bashir\"")
        .contains("(Arabic script, read \"aywb\") is written with the consonants of \"ayyub\"")
        .contains("Every part of each name has its counterpart in the other.");
  }

  @Test
  void aListedPersonsGivenNamesAloneAreExplainedAsSuch() {
    // "OMAR" and "MUHAMMAD" are on many entries; without the family name nothing is first for
    // certain, and whatever comes says what the query lacks
    List<ScreeningMatch> matches =
        SCREENER.screen(ScreeningQuery.of("محمد عمر").withThreshold(0)).matches();
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).explain()).contains("which the query does not");
  }

  @Test
  void aBareThreeLetterAcronymMeetingALongNameOnlyByItsInitialsStaysUnderTheThreshold() {
    // "EIO" fits the initials of ELECTRONIC INDUSTRIES ORGANIZATION, which the list does not
    // abbreviate: by chance, a three-letter word fits the initials of some long name on any list.
    assertThat(SCREENER.screen(ScreeningQuery.of("EIO").withSchema(Schema.ORGANIZATION)).matches())
        .extracting(ScreeningMatch::entityId)
        .doesNotContain("uk-10659");
    List<ScreeningMatch> looser =
        SCREENER
            .screen(ScreeningQuery.of("EIO").withSchema(Schema.ORGANIZATION).withThreshold(0.5))
            .matches();
    assertThat(looser)
        .filteredOn(m -> m.entityId().equals("uk-10659"))
        .singleElement()
        .satisfies(
            m -> assertThat(m.evidence()).anyMatch(e -> e.contains("bare acronym of 3 letters")));
    // an acronym the list gives is a name of its own, matched in full
    assertThat(first("SAIRAN").entityId()).isEqualTo("uk-10659");
  }
}
