/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.extract.Attribution;
import org.vigil.extract.Mention;
import org.vigil.extract.Stance;
import org.vigil.extract.relations.Marked;

class ReadAttributionTest {
  private static void assertAttributes(String marked, String claimant, Stance stance) {
    Attribution a = ReadAttribution.of(Marked.sentence(marked));
    assertThat(a.claimant().map(Mention::text).orElse("")).as(marked).isEqualTo(claimant);
    assertThat(a.stance()).as(marked).isEqualTo(stance);
  }

  @Test
  void subjectOfSaidAsserts() {
    assertAttributes(
        "[O The Ministry of Intelligence] said it had arrested 17 spies.",
        "The Ministry of Intelligence",
        Stance.ASSERTS);
  }

  @Test
  void subjectOfDeniedDenies() {
    assertAttributes(
        "[P Donald Trump] denied that the spies worked for [O the CIA].",
        "Donald Trump",
        Stance.DENIES);
  }

  @Test
  void callingItFalseDenies() {
    assertAttributes(
        "[P Donald Trump] called the report totally false.", "Donald Trump", Stance.DENIES);
  }

  @Test
  void accordingToNamesTheClaimant() {
    assertAttributes(
        "According to [O Reuters], [P Ali Karimi] was arrested in [L Tehran].",
        "Reuters",
        Stance.ASSERTS);
  }

  @Test
  void accusedAlleges() {
    assertAttributes(
        "[O Iran] accused [O the CIA] of running the network.", "Iran", Stance.ALLEGES);
  }

  @Test
  void hedgeWithoutClaimantSpeculates() {
    assertAttributes(
        "[P Ali Karimi] was reportedly abducted by [O the IRGC].", "", Stance.SPECULATES);
  }

  @Test
  void plainSentenceIsTheSourcesAssertion() {
    assertThat(ReadAttribution.of(Marked.sentence("[P Ali Karimi] was arrested in [L Tehran].")))
        .isEqualTo(Attribution.SOURCE);
  }

  @Test
  void describedSpeakerIsTheClaimant() {
    assertAttributes(
        "German officials said the diplomat had been expelled from [L Berlin].",
        "German officials",
        Stance.ASSERTS);
  }

  @Test
  void accordingToADescribedReleaseNamesTheRelease() {
    assertAttributes(
        "[P Dayton] was wounded near [L Ayn Issa], according to a news release.",
        "a news release",
        Stance.ASSERTS);
  }

  @Test
  void spokesmanForANamedBodySpeaksForTheBody() {
    assertAttributes(
        "A spokesman for [O the Metropolitan Police] said two men had been charged.",
        "the Metropolitan Police",
        Stance.ASSERTS);
  }

  @Test
  void speakerAfterSaidIsTheClaimant() {
    assertAttributes("\"We will strike the equipment,\" said [P Burns].", "Burns", Stance.ASSERTS);
  }

  @Test
  void sayingThatOneHadNoPartDenies() {
    assertAttributes(
        "[P Peter de Vries] told reporters that his client had no part in the killing.",
        "Peter de Vries",
        Stance.DENIES);
  }

  @Test
  void passiveHearsaySpeculates() {
    assertAttributes(
        "[P Karimi] is thought to have left [L Iran] through [L Turkey].", "", Stance.SPECULATES);
  }

  @Test
  void modalInsideARelativeClauseDoesNotHedge() {
    assertThat(
            ReadAttribution.of(
                Marked.sentence(
                    "[O The State Department] offered a reward for information that could be"
                        + " used to disrupt the trade.")))
        .isEqualTo(Attribution.SOURCE);
  }

  @Test
  void nameAfterADescriptionOfTheSpeakerIsTheClaimant() {
    assertAttributes(
        "[P Oleg Markov] was abducted in [L Dubai], the newspaper [O Novaya Gazeta] reported.",
        "Novaya Gazeta",
        Stance.ASSERTS);
  }
}
