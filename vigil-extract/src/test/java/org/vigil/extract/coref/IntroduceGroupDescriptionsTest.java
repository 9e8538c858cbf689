/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;

class IntroduceGroupDescriptionsTest {
  private static List<Mention> introduced(Named n) {
    return IntroduceGroupDescriptions.apply(n.text(), n.mentions()).stream()
        .filter(m -> m.extractor().equals(IntroduceGroupDescriptions.EXTRACTOR))
        .toList();
  }

  @Test
  void anIndefiniteGroupIsAnOrganisationThatALaterTheRingStandsFor() {
    Named n =
        new Named(
                "Police in Oslo dismantled a Baltic arms-smuggling ring on Monday. The ring had"
                    + " moved rifles to Sweden, Inspector Lars Holm said.")
            .person("Lars Holm");

    List<Mention> groups = introduced(n);
    assertThat(groups).extracting(Mention::text).containsExactly("a Baltic arms-smuggling ring");
    assertThat(groups.get(0).type()).isEqualTo(MentionType.ORGANIZATION);
    String ring = groups.get(0).entityId();
    assertThat(n.chains().forReading())
        .anySatisfy(
            m -> {
              assertThat(m.start()).isEqualTo(n.text().indexOf("The ring"));
              assertThat(m.entityId()).isEqualTo(ring);
            });
  }

  @Test
  void aGroupOfPeopleAndABareGroupOrNetworkIntroduceNothing() {
    Named n =
        new Named(
            "A group of journalists asked about a group that had left. A cell of three men"
                + " was seen. Sanctions on a network that smuggled oil.");

    assertThat(introduced(n)).isEmpty();
  }

  @Test
  void aModifiedGroupIsIntroducedAndCellsWithoutAnArticleAreNot() {
    Named n = new Named("An armed group attacked the convoy, and two sleeper cells were found.");

    assertThat(introduced(n)).extracting(Mention::text).containsExactly("An armed group");
  }

  @Test
  void aDescriptionOverANameIsLeftToTheName() {
    Named n =
        new Named("Officials named a Sinaloa Cartel cell in Tijuana.")
            .organisation("Sinaloa Cartel");

    assertThat(introduced(n)).isEmpty();
  }

  @Test
  void theSameTextGivesTheSameGroupAndAnotherTextAnotherOne() {
    String text = "Prosecutors charged a criminal network in Lyon.";
    String first = introduced(new Named(text)).get(0).entityId();

    assertThat(introduced(new Named(text)).get(0).entityId()).isEqualTo(first);
    assertThat(introduced(new Named("In Nice, " + text)).get(0).entityId()).isNotEqualTo(first);
  }
}
