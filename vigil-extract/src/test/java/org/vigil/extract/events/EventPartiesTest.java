/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.events.EventAssertions.assertReads;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.Marked;

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
        "Last year [O the Treasury], in coordination with [O the Canadian government], sanctioned"
            + " [O a Serbian arms ring].",
        "sanction authority=the Treasury authority=the Canadian government target=a Serbian arms"
            + " ring");
  }

  @Test
  void partnerOfAnAnnouncedSanctionSharesTheAuthority() {
    assertReads(
        nouns,
        "[O The SBU], in a joint operation with [O the Polish ABW], announced sanctions against [O"
            + " a Belarusian network].",
        "sanction target=a Belarusian network authority=The SBU authority=the Polish ABW");
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
  void describedDoerOfABodyWithAnAcronymIsNotTheAcronym() {
    assertReads(
        verbs,
        "[D A senior officer] of [O the Federal Intelligence Service] ([O FIS]) has defected to"
            + " [L Canada].",
        "defection defector=A senior officer to=Canada from=FIS @Canada");
  }

  @Test
  void everyNameListedBesideADescriptionTakesItsPlace() {
    assertReads(
        verbs,
        "In July, [O Spanish police] arrested two Venezuelan nationals, [P Pedro Linares] and [P"
            + " Jose Marquez], in [L Valencia].",
        "arrest authority=Spanish police subject=Pedro Linares subject=Jose Marquez @Valencia");
  }

  @Test
  void countryThatImposesSanctionsIsNamedInTheAuthorityButIsNoParticipant() {
    List<ExtractedEvent> read =
        verbs.read(
            Marked.sentence(
                "[L Japan] and [O the European Union] sanctioned [P Lev Orlov] on Friday."));

    assertThat(read)
        .extracting(EventAssertions::written)
        .containsExactly("sanction authority=the European Union target=Lev Orlov");
    assertThat(read.get(0).authority()).hasValue("Japan; the European Union");
  }

  @Test
  void nameInAppositionTakesTheDescriptionsPlace() {
    assertReads(
        verbs,
        "Gunmen kidnapped [D a peasant], [P Jose Manuel Posada], on Friday.",
        "kidnapping victim=Jose Manuel Posada");
  }
}
