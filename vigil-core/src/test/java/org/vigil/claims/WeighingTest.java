/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Credibility;

class WeighingTest {
  private static final Proposition SPIES =
      new Proposition("vigil-ir-mois vigil-us-cia", "arrest", "");

  private static Claim said(String id, Proposition p, Stance s, String source, String claimant) {
    return new Claim(id, p, s, source, new Origin.Party(claimant));
  }

  @Test
  void theMinistrysClaimDeniedByThePresidentIsDisputedOneOriginEachWay() {
    Claim ministry = said("c1", SPIES, Stance.ASSERTS, "nyt", "vigil-ir-mois");
    Claim president = said("c2", SPIES, Stance.DENIES, "nyt", "trump");
    Weighing w = Weighing.of(List.of(ministry, president), List.of());

    WeighedProposition p = w.find(SPIES).orElseThrow();
    assertThat(p.status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
    assertThat(p.status().label()).isEqualTo("disputed");
    assertThat(p.corroboration().describe()).isEqualTo("1 origin asserts, 1 origin denies");
    assertThat(p.byOrigin()).containsOnlyKeys("trump", "vigil-ir-mois");
    assertThat(w.suggest(ministry).credibility()).isEqualTo(Credibility.IMPROBABLE);
    assertThat(w.suggest(president).credibility()).isEqualTo(Credibility.IMPROBABLE);
  }

  @Test
  void aNearCopyOfTheReportAddsClaimsButNoOrigin() {
    Claim ministry = said("c1", SPIES, Stance.ASSERTS, "nyt", "vigil-ir-mois");
    Claim president = said("c2", SPIES, Stance.DENIES, "nyt", "trump");
    Claim ministryAgain = said("c3", SPIES, Stance.ASSERTS, "copy", "vigil-ir-mois");
    Claim presidentAgain = said("c4", SPIES, Stance.DENIES, "copy", "trump");
    Weighing w =
        Weighing.of(
            List.of(ministry, president, ministryAgain, presidentAgain),
            List.of(new OriginLink("copy", LinkKind.COPIED_FROM, "nyt")));

    assertThat(w.find(SPIES).orElseThrow().corroboration().describe())
        .isEqualTo("1 origin asserts, 1 origin denies");
    assertThat(w.find(SPIES).orElseThrow().byOrigin().get("vigil-ir-mois"))
        .containsExactly(ministry, ministryAgain);
  }

  @Test
  void copiesOfASourcesOwnReportingAreOneOrigin() {
    Proposition p = new Proposition("x", "fire", "");
    Weighing w =
        Weighing.of(
            List.of(
                said("a", p, Stance.ASSERTS, "wire", "wire"),
                said("b", p, Stance.ASSERTS, "outlet", "outlet")),
            List.of(new OriginLink("outlet", LinkKind.COPIED_FROM, "wire")));
    assertThat(w.find(p).orElseThrow().status().kind()).isEqualTo(FactStatus.Kind.SINGLE_ORIGIN);
    assertThat(w.suggest(w.find(p).orElseThrow().claims().get(1)).credibility())
        .isEqualTo(Credibility.CANNOT_BE_JUDGED);
  }

  @Test
  void aCircleOfCopiesCollapsesIntoOneOrigin() {
    Proposition p = new Proposition("x", "fire", "");
    Weighing w =
        Weighing.of(
            List.of(
                said("a", p, Stance.ASSERTS, "A", "A"),
                said("b", p, Stance.ASSERTS, "B", "B"),
                said("c", p, Stance.ASSERTS, "C", "C")),
            List.of(
                new OriginLink("A", LinkKind.COPIED_FROM, "B"),
                new OriginLink("B", LinkKind.COPIED_FROM, "C"),
                new OriginLink("C", LinkKind.COPIED_FROM, "A")));
    assertThat(w.find(p).orElseThrow().corroboration().asserting()).isEqualTo(1);
    assertThat(w.origins().membersOf("B")).containsExactly("A", "B", "C");
  }

  @Test
  void twoIndependentOriginsConfirmEachOther() {
    Proposition p = new Proposition("x", "fire", "");
    Claim a = said("a", p, Stance.ASSERTS, "wire", "wire");
    Claim b = said("b", p, Stance.ASSERTS, "radio", "radio");
    Weighing w = Weighing.of(List.of(a, b), List.of());
    assertThat(w.find(p).orElseThrow().status().label())
        .isEqualTo("corroborated by 2 independent origins");
    assertThat(w.suggest(a).credibility()).isEqualTo(Credibility.CONFIRMED);
    assertThat(w.suggest(a).why()).isEqualTo("confirmed by 1 independent origin besides its own");
  }

  @Test
  void confirmationAndDenialTogetherSuggestPossiblyTrue() {
    Proposition p = new Proposition("x", "fire", "");
    Claim a = said("a", p, Stance.ASSERTS, "wire", "wire");
    Claim b = said("b", p, Stance.ALLEGES, "radio", "radio");
    Claim c = said("c", p, Stance.DENIES, "ministry", "ministry");
    Weighing w = Weighing.of(List.of(a, b, c), List.of());
    assertThat(w.suggest(a).credibility()).isEqualTo(Credibility.POSSIBLY_TRUE);
    assertThat(w.suggest(c).credibility()).isEqualTo(Credibility.IMPROBABLE);
  }

  @Test
  void onlyDenialsMakeADeniedFact() {
    Proposition p = new Proposition("x", "fire", "");
    Weighing w = Weighing.of(List.of(said("a", p, Stance.DENIES, "s", "s")), List.of());
    assertThat(w.find(p).orElseThrow().status().label()).isEqualTo("denied");
  }

  @Test
  void speculationNeitherConfirmsNorCountsAsAssertion() {
    Proposition p = new Proposition("x", "kidnapping", "");
    Claim a = said("a", p, Stance.ASSERTS, "s1", "s1");
    Claim b = said("b", p, Stance.SPECULATES, "s2", "s2");
    Weighing w = Weighing.of(List.of(a, b), List.of());
    assertThat(w.find(p).orElseThrow().corroboration().describe())
        .isEqualTo("1 origin asserts, 1 origin speculates");
    assertThat(w.suggest(a).credibility()).isEqualTo(Credibility.CANNOT_BE_JUDGED);
  }

  @Test
  void anUnknownOriginNeverCountsAsIndependent() {
    Proposition p = new Proposition("x", "fire", "");
    Claim known = said("a", p, Stance.ASSERTS, "s1", "s1");
    Claim unknown = new Claim("b", p, Stance.ASSERTS, "s2", new Origin.Unknown());
    Weighing w = Weighing.of(List.of(known, unknown), List.of());
    assertThat(w.find(p).orElseThrow().status().kind()).isEqualTo(FactStatus.Kind.SINGLE_ORIGIN);
    assertThat(w.suggest(known).credibility()).isEqualTo(Credibility.CANNOT_BE_JUDGED);
    assertThat(w.suggest(unknown).credibility()).isEqualTo(Credibility.CANNOT_BE_JUDGED);
    assertThat(w.find(p).orElseThrow().corroboration().describe())
        .isEqualTo("1 origin asserts (1 claim of unknown origin)");
  }

  @Test
  void twoBirthDatesFromIndependentOriginsAreADispute() {
    Proposition one = new Proposition("person-1", "birthDate", "1961-05-01");
    Proposition two = new Proposition("person-1", "birthDate", "1963-02-11");
    Claim a = said("a", one, Stance.ASSERTS, "list", "list");
    Claim b = said("b", two, Stance.ASSERTS, "report", "report");
    Weighing w = Weighing.of(List.of(a, b), List.of());
    assertThat(w.find(one).orElseThrow().status().kind()).isEqualTo(FactStatus.Kind.DISPUTED);
    assertThat(w.find(one).orElseThrow().conflicts()).containsExactly(two);
    assertThat(w.suggest(a).credibility()).isEqualTo(Credibility.IMPROBABLE);
  }

  @Test
  void arrestedAndAtLargeCannotBothHold() {
    Proposition arrested = new Proposition("person-1", "status", "arrested");
    Proposition atLarge = new Proposition("person-1", "status", "at large");
    Proposition wanted = new Proposition("person-1", "status", "wanted");
    assertThat(CannotBothHold.conflict(arrested, atLarge)).isTrue();
    assertThat(CannotBothHold.conflict(atLarge, wanted)).isFalse();
    assertThat(CannotBothHold.conflict(arrested, new Proposition("person-2", "status", "free")))
        .isFalse();
  }

  @Test
  void aClaimIdGivenTwiceIsRefused() {
    Proposition p = new Proposition("x", "fire", "");
    assertThatThrownBy(
            () ->
                Weighing.of(
                    List.of(
                        said("a", p, Stance.ASSERTS, "s", "s"),
                        said("a", p, Stance.DENIES, "t", "t")),
                    List.of()))
        .hasMessageContaining("claim id a is given twice");
  }
}
