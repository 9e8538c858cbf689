/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.names.NameMatcher;
import org.vigil.names.NameNormaliser;
import org.vigil.names.NormalisedName;

/** Hostile and degenerate names and lists: a clear answer each time, and nothing lost. */
class BadInputScreeningTest {

  private static ListEntry entry(String id, Schema schema, String name, String... aliases) {
    return new ListEntry(
        id,
        schema,
        name,
        Arrays.stream(aliases).map(a -> Alias.of(a, false)).toList(),
        List.of(),
        List.of(),
        List.of("TEST"),
        Optional.empty(),
        "test",
        List.of());
  }

  private static ListRelease release(List<ListEntry> entries) {
    return new ListRelease("Test list", Optional.empty(), "0".repeat(64), entries);
  }

  private final Screener screener =
      Screener.build(
          List.of(
              release(
                  List.of(
                      entry(
                          "p1", Schema.PERSON, "Sayyed Abdolrahim MOUSAVI", "سید عبدالرحیم موسوی"),
                      entry("p2", Schema.PERSON, "Haji Mullah Akhtar MANSOUR"),
                      entry("o1", Schema.COMPANY, "KHATAM AL-ANBIYA CONSTRUCTION COMPANY LTD"),
                      entry("o2", Schema.COMPANY, "شرکت سهامی خاص پتروشیمی نمونه")))));

  @Test
  void aNameThatIsOnlyHonorificsMatchesNoOneAtTheDefaultThreshold() {
    assertThat(screener.screen(ScreeningQuery.of("Seyyed")).matches()).isEmpty();
    assertThat(screener.screen(ScreeningQuery.of("Haji Mullah")).matches()).isEmpty();
    assertThat(screener.screen(ScreeningQuery.of("سید")).matches()).isEmpty();
  }

  @Test
  void aNameThatIsOnlyALegalFormMatchesNoOneAtTheDefaultThreshold() {
    assertThat(screener.screen(ScreeningQuery.of("Company Ltd")).matches()).isEmpty();
    assertThat(screener.screen(ScreeningQuery.of("LLC").withSchema(Schema.COMPANY)).matches())
        .isEmpty();
    assertThat(screener.screen(ScreeningQuery.of("شرکت سهامی خاص")).matches()).isEmpty();
    // the legal form of an organisation in Persian is dropped, the rest still finds it
    ScreeningResult petrochemical =
        screener.screen(ScreeningQuery.of("شرکت پتروشیمی نمونه").withSchema(Schema.COMPANY));
    assertThat(petrochemical.matches()).extracting(ScreeningMatch::entityId).contains("o2");
  }

  @Test
  void aTenThousandCharacterNameIsRejectedByNameAndTheBatchGoesOn() {
    String huge = "Mousavi ".repeat(1_249) + "Mousavi!";
    assertThat(huge).hasSize(10_000);
    assertThatThrownBy(() -> ScreeningQuery.of(huge))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("10000 chars")
        .hasMessageContaining(String.valueOf(ScreeningQuery.MAX_NAME_LENGTH));
    List<BatchOutcome> outcomes =
        screener.screenRows(
            List.of(
                ScreeningRow.ofName("line 1", huge),
                ScreeningRow.ofName("line 2", "Abdolrahim Mousavi"),
                ScreeningRow.ofName("line 3", "ا".repeat(10_000))),
            ScreeningQuery.DEFAULT_LIMIT,
            Screener.DEFAULT_THRESHOLD);
    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0).error()).get().asString().contains("10000 chars");
    assertThat(outcomes.get(1).result().orElseThrow().matches())
        .extracting(ScreeningMatch::entityId)
        .containsExactly("p1");
    assertThat(outcomes.get(2).error()).isPresent();
  }

  @Test
  void aTenThousandCharacterListNameIsCutToItsFirstPartsNotRejected() {
    String huge = "علی رضا ".repeat(1_250) + "ضظذثشضظذثشضظذثش".repeat(10);
    NormalisedName name = new NameNormaliser().normalise(huge, Schema.PERSON);
    assertThat(name.parts()).hasSize(NameNormaliser.MAX_PARTS);
    Screener withHugeEntry =
        Screener.build(List.of(release(List.of(entry("h1", Schema.PERSON, huge)))));
    assertThat(withHugeEntry.nameCount()).isEqualTo(1);
    assertThat(new NameMatcher().compare(huge, "Ali Reza", Schema.PERSON).score())
        .isBetween(0.0, 1.0);
  }

  @Test
  void bidiControlsAndZeroWidthCharactersAreIgnored() {
    assertThat(
            screener
                .screen(ScreeningQuery.of("\u202EAbdol\u200Brahim\u202C \u2066MOUSAVI\u2069\uFEFF"))
                .matches())
        .extracting(ScreeningMatch::entityId)
        .containsExactly("p1");
    // a name of nothing but invisible characters is empty: no match, no error
    ScreeningResult invisible = screener.screen(ScreeningQuery.of("\u200B\u200F\u202A"));
    assertThat(invisible.matches()).isEmpty();
    assertThat(invisible.candidatesCompared()).isZero();
  }

  @Test
  void mixedScriptsInOneNameStillMatch() {
    assertThat(screener.screen(ScreeningQuery.of("Abdolrahim موسوی")).matches())
        .extracting(ScreeningMatch::entityId)
        .containsExactly("p1");
  }

  @Test
  void anEmptyListScreensToNoMatches() {
    Screener empty = Screener.build(List.of());
    assertThat(empty.entryCount()).isZero();
    ScreeningResult result = empty.screen(ScreeningQuery.of("Abdolrahim Mousavi"));
    assertThat(result.matches()).isEmpty();
    assertThat(result.candidatesCompared()).isZero();
    Screener emptyRelease = Screener.build(List.of(release(List.of())));
    assertThat(emptyRelease.screen(ScreeningQuery.of("محمد عمر ځدران")).matches()).isEmpty();
    assertThat(emptyRelease.candidateEntryIds(ScreeningQuery.of("Ali"))).isEmpty();
  }

  @Test
  void commasInOddPlacesNeitherFailNorMarkAFamilyName() {
    for (String odd : List.of(",", ",,,", "MOUSAVI,", ", Abdolrahim", "MOUSAVI,, Abdolrahim")) {
      NormalisedName name = new NameNormaliser().normalise(odd, Schema.PERSON);
      assertThat(name.familyParts()).as(odd).isEmpty();
    }
    // the list's convention read in a query too: the family name before the comma
    assertThat(screener.screen(ScreeningQuery.of("MOUSAVI, Abdolrahim")).matches())
        .extracting(ScreeningMatch::entityId)
        .containsExactly("p1");
    // a family name that is missing is what counts, not which side of the comma it stands on
    // (names are often entered the wrong way round)
    assertThat(screener.screen(ScreeningQuery.of("ABDOLRAHIM, Mousavi")).matches())
        .extracting(ScreeningMatch::entityId)
        .containsExactly("p1");
    assertThat(screener.screen(ScreeningQuery.of("SADEGHI, Abdolrahim")).matches()).isEmpty();
  }
}
