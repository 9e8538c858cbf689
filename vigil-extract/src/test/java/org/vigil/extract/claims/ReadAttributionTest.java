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
}
