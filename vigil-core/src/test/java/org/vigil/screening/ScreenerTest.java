/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

class ScreenerTest {

  private static ListEntry person(
      String id, String name, String dob, String country, Alias... aliases) {
    return new ListEntry(
        id,
        Schema.PERSON,
        name,
        List.of(aliases),
        dob.isEmpty() ? List.of() : List.of(PartialDate.parse(dob)),
        country.isEmpty() ? List.of() : List.of(country),
        List.of("IRGC"),
        Optional.empty(),
        "test",
        List.of());
  }

  private static ListEntry organisation(String id, String name) {
    return new ListEntry(
        id,
        Schema.ORGANIZATION,
        name,
        List.of(),
        List.of(),
        List.of(),
        List.of("SDGT"),
        Optional.empty(),
        "test",
        List.of());
  }

  private final Screener screener =
      Screener.build(
          List.of(
              new ListRelease(
                  "Test list",
                  Optional.empty(),
                  "0".repeat(64),
                  List.of(
                      person(
                          "p1",
                          "SOLEIMANI, Qasem",
                          "1957-03-11",
                          "ir",
                          Alias.of("قاسم سلیمانی", false)),
                      person("p2", "HABBASH, George", "1926", "", Alias.of("Al-Hakim", true)),
                      person("p3", "SHARIFI-ZINDASHTI, Naji Ibrahim", "1972", "ir"),
                      organisation("o1", "ACME TRADING CORP"),
                      organisation("o2", "MAHAN AIR")))));

  @Test
  void transliteratedAndMisspelledNamesFindTheirEntry() {
    assertThat(top("Ghasem Soleymani")).contains("p1");
    assertThat(top("Qassem Suleimani")).contains("p1");
    assertThat(top("Naji Sharifi Zindashti")).contains("p3");
    assertThat(top("Naji Ibrahim Sharifi-Zindasti")).contains("p3");
  }

  @Test
  void arabicScriptQueryFindsTheEntryByItsLatinOrOriginalName() {
    assertThat(top("قاسم سليماني")).contains("p1");
  }

  @Test
  void matchSaysWhichListAndWhy() {
    ScreeningMatch match =
        screener
            .screen(ScreeningQuery.of("Qasem Soleimani").withBirthDate(PartialDate.parse("1957")))
            .matches()
            .get(0);
    assertThat(match.dataset()).isEqualTo("Test list");
    assertThat(match.programs()).containsExactly("IRGC");
    assertThat(match.evidence()).contains("birth date agrees (1957-03-11)");
    assertThat(match.nameExplanation().aligned()).hasSize(2);
    assertThat(match.describe()).contains("p1").contains("soleimani~soleimani (exact)");
  }

  @Test
  void disagreeingBirthDateLowersTheScoreAndAbsenceIsNeutral() {
    double plain = score(ScreeningQuery.of("Ghasem Soleimani"));
    double agreeing =
        score(ScreeningQuery.of("Ghasem Soleimani").withBirthDate(PartialDate.parse("1957")));
    double differing =
        score(
            ScreeningQuery.of("Ghasem Soleimani")
                .withBirthDate(PartialDate.parse("1990"))
                .withThreshold(0));
    assertThat(agreeing).isGreaterThan(plain);
    assertThat(differing).isLessThan(plain);
  }

  @Test
  void countryOnlyCountsAsAgreementWithTheEntry() {
    double plain = score(ScreeningQuery.of("Ghasem Soleimani"));
    assertThat(score(ScreeningQuery.of("Ghasem Soleimani").withCountry("ir"))).isGreaterThan(plain);
    assertThat(score(ScreeningQuery.of("Ghasem Soleimani").withCountry("de"))).isLessThan(plain);
  }

  @Test
  void georgeBushDoesNotMatchHabbash() {
    assertThat(screener.screen(ScreeningQuery.of("George Bush")).matches()).isEmpty();
  }

  @Test
  void bareLegalFormMatchesNothing() {
    assertThat(screener.screen(ScreeningQuery.of("CORP")).matches()).isEmpty();
    assertThat(screener.screen(ScreeningQuery.of("Trading Corp")).matches()).isEmpty();
  }

  @Test
  void schemaMismatchLowersTheScore() {
    double any = score(ScreeningQuery.of("Mahan Air").withThreshold(0));
    double asPerson =
        score(ScreeningQuery.of("Mahan Air").withSchema(Schema.PERSON).withThreshold(0));
    assertThat(asPerson).isLessThan(any);
  }

  @Test
  void badQueriesAreRejectedClearlyOrMatchNothing() {
    assertThatThrownBy(() -> ScreeningQuery.of("")).isInstanceOf(InvalidValueException.class);
    char[] huge = new char[10_240];
    Arrays.fill(huge, 'a');
    assertThatThrownBy(() -> ScreeningQuery.of(new String(huge)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("limit is 512");
    assertThatThrownBy(() -> ScreeningQuery.of("Qasem\u0000Soleimani"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("U+0000");
    assertThat(screener.screen(ScreeningQuery.of("?!... ---")).matches()).isEmpty();
    assertThat(screener.screen(ScreeningQuery.of("a ".repeat(200))).matches()).isEmpty();
  }

  @Test
  void batchGoesOnPastBadItems() {
    List<BatchOutcome> outcomes =
        screener.screenRows(
            List.of(
                ScreeningRow.ofName("line 1", "Qasem Soleimani"),
                ScreeningRow.ofName("line 2", ""),
                new ScreeningRow("line 3", Map.of("name", "Mahan Air", "birthDate", "soon")),
                ScreeningRow.ofName("line 4", "Mahan Air")),
            ScreeningQuery.DEFAULT_LIMIT,
            Screener.DEFAULT_THRESHOLD);
    assertThat(outcomes).hasSize(4);
    assertThat(outcomes.get(0).result()).isPresent();
    assertThat(outcomes.get(1).error()).isPresent();
    assertThat(outcomes.get(2).error()).isPresent();
    assertThat(outcomes.get(3).result().orElseThrow().matches().get(0).entityId()).isEqualTo("o2");
  }

  private Optional<String> top(String name) {
    return screener.screen(ScreeningQuery.of(name)).matches().stream()
        .findFirst()
        .map(ScreeningMatch::entityId);
  }

  private double score(ScreeningQuery query) {
    return screener.screen(query).matches().get(0).score();
  }
}
