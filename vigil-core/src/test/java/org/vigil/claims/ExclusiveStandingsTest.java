/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Claims of different propositions that cannot both hold by where they put a party: two people in
 * one body's single post over overlapping dates, a person held and at large at once or later.
 */
class ExclusiveStandingsTest {

  private static Claim leads(String id, String holder, String role, String from, String to) {
    Period when = Period.lenient(Optional.ofNullable(from), Optional.ofNullable(to));
    Proposition p = new Proposition(holder + " mois", "Employment", "");
    List<Standing> standings =
        Standing.singleHolderPost(role)
            .<List<Standing>>map(post -> List.of(new Standing.Holds(holder, "mois", post, when)))
            .orElse(List.of());
    return new Claim(id, p, Stance.ASSERTS, "src-" + id, new Origin.Party("src-" + id), standings);
  }

  private static Claim event(String id, String kind, String person, String date, Stance stance) {
    Proposition p = new Proposition("police " + person, kind, "");
    Standing.State state = Standing.custodyOf(kind).orElseThrow();
    Period when = date == null ? Period.unknown() : Period.on(date);
    return new Claim(
        id,
        p,
        stance,
        "src-" + id,
        new Origin.Party("src-" + id),
        List.of(new Standing.Custody(person, state, when)));
  }

  private static WeighedProposition weighed(List<Claim> claims, Claim one) {
    return Weighing.of(claims, List.of()).find(one.proposition()).orElseThrow();
  }

  @Test
  void twoLeadersOfOneBodyOverOverlappingYearsAreADisputeWithTheReasonInWords() {
    Claim khatib = leads("a", "khatib", "Minister of Intelligence", "2021-08", null);
    Claim other = leads("b", "testfigure", "minister of intelligence", "2023", "2024-03");
    WeighedProposition w = weighed(List.of(khatib, other), khatib);
    assertThat(w.status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
    assertThat(w.conflicts()).containsExactly(other.proposition());
    assertThat(w.disputes().get(0).reason())
        .isEqualTo(
            "only one person holds the post of minister of intelligence of one body at a time,"
                + " and one is said to hold it from 2021-08, another 2023 to 2024-03");
    assertThat(weighed(List.of(khatib, other), other).status().kind())
        .isEqualTo(FactStatus.Kind.DISPUTED);
  }

  @Test
  void aLeaderAndAHeadOfOneBodyAreOnePost() {
    Claim a = leads("a", "one", "leader", "2020", "2022");
    Claim b = leads("b", "two", "the Head", "2022-06", null);
    assertThat(weighed(List.of(a, b), a).status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
  }

  @Test
  void leadersOneAfterTheOtherAreNoDispute() {
    Claim before = leads("a", "one", "head", "2015", "2019-12");
    Claim after = leads("b", "two", "head", "2020-01", null);
    assertThat(weighed(List.of(before, after), before).status().kind())
        .isEqualTo(FactStatus.Kind.SINGLE_ORIGIN);
    assertThat(weighed(List.of(before, after), after).disputes()).isEmpty();
  }

  @Test
  void membersDeputiesAndUndatedLeadersAreNoDispute() {
    Claim head = leads("a", "one", "head", "2020", null);
    Claim member = leads("b", "two", "member", "2020", null);
    Claim deputy = leads("c", "three", "deputy head", "2020", null);
    Claim undated = leads("d", "four", "head", null, null);
    Claim cofounder = leads("e", "five", "co-founder", "2020", null);
    assertThat(weighed(List.of(head, member, deputy, undated, cofounder), head).disputes())
        .isEmpty();
    assertThat(Standing.singleHolderPost("Director of Operations"))
        .contains("director of operations");
    assertThat(Standing.singleHolderPost("director general")).isEmpty();
    assertThat(Standing.singleHolderPost("founder")).isEmpty();
  }

  @Test
  void oneHolderNamedTwiceIsNoDispute() {
    Claim a = leads("a", "one", "head", "2020", null);
    Claim b =
        new Claim(
            "b",
            new Proposition("one mois", "Directorship", ""),
            Stance.ASSERTS,
            "src-b",
            new Origin.Party("src-b"),
            a.standings());
    assertThat(weighed(List.of(a, b), a).disputes()).isEmpty();
  }

  @Test
  void heldAndLaterAtLargeIsADisputeButAtLargeBeforeTheArrestIsNot() {
    Claim arrest = event("a", "arrest", "rahimi", "2024-05-02", Stance.ASSERTS);
    Claim escapeLater = event("b", "escape", "rahimi", "2024-06", Stance.ASSERTS);
    Claim escapeSameMonth = event("c", "escape", "rahimi", "2024-05", Stance.ASSERTS);
    WeighedProposition w = weighed(List.of(arrest, escapeLater), arrest);
    assertThat(w.status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
    assertThat(w.disputes().get(0).reason())
        .isEqualTo(
            "one is said to be held (arrested or detained) 2024-05-02 and to be at large 2024-06,"
                + " at the same time or later");
    assertThat(weighed(List.of(arrest, escapeSameMonth), escapeSameMonth).status().kind())
        .isEqualTo(FactStatus.Kind.DISPUTED);

    Claim escapeBefore = event("d", "escape", "rahimi", "2023-11", Stance.ASSERTS);
    assertThat(weighed(List.of(arrest, escapeBefore), arrest).disputes()).isEmpty();
  }

  @Test
  void anUndatedOrDeniedOrOtherPersonsEscapeIsNoDispute() {
    Claim arrest = event("a", "arrest", "rahimi", "2024-05-02", Stance.ASSERTS);
    Claim undated = event("b", "escape", "rahimi", null, Stance.ASSERTS);
    Claim denied = event("c", "escape", "rahimi", "2024-06", Stance.DENIES);
    Claim someoneElse = event("d", "escape", "karimi", "2024-06", Stance.ASSERTS);
    assertThat(weighed(List.of(arrest, undated, denied, someoneElse), arrest).disputes()).isEmpty();
  }

  @Test
  void aPeriodReadsPartialDatesAsTheirWholeSpanAndRefusesOneEndingBeforeItStarts() {
    assertThat(Period.on("2024-05").overlaps(Period.on("2024-05-31"))).isTrue();
    assertThat(Period.on("2024").overlaps(Period.on("2025-01-01"))).isFalse();
    assertThat(Period.unknown().overlaps(Period.on("2024"))).isFalse();
    assertThat(Period.lenient(Optional.of("last spring"), Optional.of("2024")).words())
        .isEqualTo("until 2024");
    assertThat(Period.lenient(Optional.of("2025"), Optional.of("2024")).known()).isFalse();
    assertThatThrownBy(() -> new Period(Optional.of("2025"), Optional.of("2024")))
        .hasMessageContaining("cannot end (2024) before it starts (2025)");
    assertThatThrownBy(() -> Period.on("May 2024")).hasMessageContaining("'May 2024'");
  }
}
