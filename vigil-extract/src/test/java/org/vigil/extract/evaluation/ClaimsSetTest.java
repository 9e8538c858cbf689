/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Attribution;
import org.vigil.extract.Stance;

class ClaimsSetTest {
  @Test
  void setHoldsAtLeast150SentencesFromRe3dAndWrittenText() {
    List<LabelledClaim> set = ClaimsEvaluation.labelled();
    assertThat(set).hasSizeGreaterThanOrEqualTo(150);
    assertThat(set)
        .extracting(LabelledClaim::origin)
        .contains("re3d-CENTCOM", "re3d-US_State_Department", "written")
        .allMatch(o -> o.equals("written") || o.startsWith("re3d-"));
    assertThat(new HashSet<>(set.stream().map(LabelledClaim::id).toList())).hasSize(set.size());
  }

  @Test
  void everyStanceAndBothPartsAreLabelled() {
    List<LabelledClaim> set = ClaimsEvaluation.labelled();
    assertThat(set)
        .extracting(LabelledClaim::stance)
        .contains(Stance.ASSERTS, Stance.DENIES, Stance.ALLEGES, Stance.SPECULATES);
    assertThat(set).extracting(LabelledClaim::split).contains("dev", "held-out");
  }

  @Test
  void claimantMatchesTheLabelItsWordsOrItsLastWords() {
    LabelledClaim cook = claim(List.of("Peter Cook"));
    assertThat(cook.claimantIs(Optional.of("Cook"))).isTrue();
    assertThat(cook.claimantIs(Optional.of("Pentagon Press Secretary Peter Cook"))).isTrue();
    assertThat(cook.claimantIs(Optional.of("Peter"))).isFalse();
    assertThat(cook.claimantIs(Optional.empty())).isFalse();
    LabelledClaim mission = claim(List.of("Iran's mission"));
    assertThat(mission.claimantIs(Optional.of("Iran"))).isFalse();
    LabelledClaim source = claim(List.of(LabelledClaim.SOURCE));
    assertThat(source.claimantIs(Optional.empty())).isTrue();
    assertThat(source.claimantIs(Optional.of("Reuters"))).isFalse();
  }

  @Test
  void sourceBaselineGetsOnlyTheSourcesPlainAssertionsRight() {
    List<LabelledClaim> set =
        List.of(claim(List.of(LabelledClaim.SOURCE)), claim(List.of("Peter Cook")));
    List<ClaimsEvaluation.Outcome> outcomes = ClaimsEvaluation.run(set, s -> Attribution.SOURCE);
    assertThat(outcomes).extracting(ClaimsEvaluation.Outcome::both).containsExactly(true, false);
  }

  @Test
  void unknownSplitIsRefusedNamingTheSentence() {
    assertThatThrownBy(
            () ->
                new LabelledClaim(
                    "c999", "test", "written", "A sentence.", List.of("X"), Stance.ASSERTS, ""))
        .hasMessageContaining("c999");
  }

  private static LabelledClaim claim(List<String> claimants) {
    return new LabelledClaim(
        "c000", "dev", "written", "A sentence.", claimants, Stance.ASSERTS, "");
  }
}
