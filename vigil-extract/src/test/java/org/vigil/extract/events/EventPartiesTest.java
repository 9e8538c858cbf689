/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.vigil.extract.events.EventAssertions.assertReads;

import org.junit.jupiter.api.Test;

/**
 * Parties an event's trigger reaches through a noun: the body of unnamed agents ("nine Mossad
 * informants"), the partners of a joint action ("in coordination with Canada"), and a country that
 * acts as a state.
 */
class EventPartiesTest {
  private final ReadVerbEvent verbs = new ReadVerbEvent();
  private final ReadNominalEvent nouns = new ReadNominalEvent();

  @Test
  void arrestedAgentsOfABodyMakeTheBodyTheSubjectsAffiliation() {
    assertReads(
        verbs,
        "[O The security service] arrested nine [O Mossad] informants in [L Beirut].",
        "arrest authority=The security service subject's affiliation=Mossad @Beirut");
  }

  @Test
  void agentsOfABodyWhoActAreTheBodyActing() {
    assertReads(
        verbs,
        "Two [O GRU] officers killed [P Ivan Petrov] in [L Salisbury].",
        "killing perpetrator=GRU victim=Ivan Petrov @Salisbury");
  }

  @Test
  void partnerOfAJointActionSharesTheAuthority() {
    assertReads(
        verbs,
        "Last year [O the Treasury], in coordination with [L Canada], sanctioned [O a Serbian"
            + " arms ring].",
        "sanction authority=the Treasury authority=Canada target=a Serbian arms ring");
  }

  @Test
  void partnerOfAnAnnouncedSanctionSharesTheAuthority() {
    assertReads(
        nouns,
        "[O The SBU], in a joint operation with [L Poland], announced sanctions against [O a"
            + " Belarusian network].",
        "sanction target=a Belarusian network authority=The SBU authority=Poland");
  }

  @Test
  void bracketedAcronymNamesTheWholeNameWhateverItsHead() {
    assertReads(
        verbs,
        "The Interior Ministry's [O Directorate of Border Police] ([O DBP]) arrested [P Ali"
            + " Demir] in [L Edirne].",
        "arrest authority=DBP subject=Ali Demir @Edirne");
  }

  @Test
  void countryThatImposesSanctionsIsAnAuthority() {
    assertReads(
        verbs,
        "[L Japan] and [O the European Union] sanctioned [P Lev Orlov].",
        "sanction authority=Japan authority=the European Union target=Lev Orlov");
  }
}
