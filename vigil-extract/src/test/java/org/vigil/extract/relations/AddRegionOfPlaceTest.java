/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddRegionOfPlaceTest {
  private static List<String> read(PropertyRule rule, String marked) {
    MentionedSentence s = Marked.sentence(marked);
    return AddRegionOfPlace.widened(s, rule.read(s)).stream().map(Marked::property).toList();
  }

  @Test
  void whoeverLivesInATownWrittenWithItsRegionLivesInTheRegion() {
    assertThat(
            read(
                new ReadResidence(),
                "[P Warner], who now lives in [L Ocala], [L Fla.], filed the petition."))
        .containsExactly("Warner address Ocala", "Warner address Fla.");
  }

  @Test
  void anOrganisationBasedInATownIsBasedInItsRegion() {
    assertThat(
            read(
                new ReadBasedIn(),
                "Linguists of the [O Kestrel Institute] in [L Providence], [L R.I.], disagree."))
        .containsExactly("Kestrel Institute address Providence", "Kestrel Institute address R.I.");
  }

  @Test
  void aBirthplaceWidensAsABirthplace() {
    assertThat(
            read(new ReadResidence(), "[P Nora Vance] was born in [L Lyon], [L France], in 1950."))
        .containsExactly("Nora Vance birthPlace Lyon", "Nora Vance birthPlace France");
  }

  @Test
  void aListOfPlacesIsNoTownAndItsRegion() {
    MentionedSentence s =
        Marked.sentence("[P Ann Lee] has offices in [L Paris], [L London] and [L Rome].");
    List<String> found = new ReadResidence().read(s).stream().map(Marked::property).toList();

    assertThat(
            read(
                new ReadResidence(),
                "[P Ann Lee] has offices in [L Paris], [L London] and [L Rome]."))
        .containsExactlyElementsOf(found);
  }

  @Test
  void aPlaceWithoutARegionAddsNothing() {
    assertThat(read(new ReadResidence(), "[P Paul Jones] of [L Dallas] said so."))
        .containsExactly("Paul Jones address Dallas");
  }
}
