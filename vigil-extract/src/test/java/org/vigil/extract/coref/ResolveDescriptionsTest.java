/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.model.Schema;

class ResolveDescriptionsTest {
  private static List<Resolution> read(Named n) {
    return ResolveDescriptions.read(new Passages(n.text()), n.mentions());
  }

  private static Optional<String> antecedentOf(List<Resolution> rs, String description) {
    return rs.stream()
        .filter(r -> r.anaphor().text().equals(description))
        .findFirst()
        .flatMap(Resolution::antecedent)
        .map(Mention::text);
  }

  @Test
  void theColonelIsThePersonTitledColonel() {
    Named n =
        new Named("Colonel Farhad Rostami met Kaveh Jafari in Vienna. The colonel then flew home.")
            .person("Farhad Rostami")
            .person("Kaveh Jafari");

    assertThat(antecedentOf(read(n), "The colonel")).hasValue("Farhad Rostami");
  }

  @Test
  void theJournalistIsThePersonApposedAsAJournalist() {
    Named n =
        new Named(
                "Kaveh Jafari, a dissident journalist, met Farhad Rostami. The journalist vanished.")
            .person("Kaveh Jafari")
            .person("Farhad Rostami");

    assertThat(antecedentOf(read(n), "The journalist")).hasValue("Kaveh Jafari");
  }

  @Test
  void theMinistryIsTheOneMinistryNamedBefore() {
    Named n =
        new Named("Hezbollah and the Interior Ministry spoke. The ministry said it knew nothing.")
            .organisation("Hezbollah")
            .organisation("Interior Ministry");

    assertThat(antecedentOf(read(n), "The ministry")).hasValue("Interior Ministry");
  }

  @Test
  void twoMinistriesLeaveTheMinistryOut() {
    Named n =
        new Named("The Foreign Ministry and the Interior Ministry met. The ministry said no more.")
            .organisation("Foreign Ministry")
            .organisation("Interior Ministry");

    List<Resolution> rs = read(n);

    assertThat(rs).anySatisfy(r -> assertThat(r.anaphor().text()).isEqualTo("The ministry"));
    assertThat(antecedentOf(rs, "The ministry")).isEmpty();
  }

  @Test
  void theNetworkWithNoNetworkOrBodyBeforeItIsLeftOut() {
    Named n = new Named("Police in Vienna said the network had been active for years.");

    List<Resolution> rs = read(n);

    assertThat(rs).singleElement().satisfies(r -> assertThat(r.antecedent()).isEmpty());
  }

  @Test
  void thisNetworkIsTheNetworkDescribedBefore() {
    Named n =
        new Named("Officials sanctioned an Iranian criminal network. This network smuggled heroin.")
            .add(
                "an Iranian criminal network",
                MentionType.ORGANIZATION,
                Optional.of(Schema.ORGANIZATION),
                IntroduceGroupDescriptions.EXTRACTOR,
                0)
            .add(
                "This network",
                MentionType.ORGANIZATION,
                Optional.of(Schema.ORGANIZATION),
                IntroduceGroupDescriptions.EXTRACTOR,
                0);

    assertThat(antecedentOf(read(n), "This network")).hasValue("an Iranian criminal network");
  }

  @Test
  void genericHeadTakesTheOneCandidateOfItsType() {
    Named n =
        new Named("Hezbollah fired rockets at the border. The group later denied it.")
            .organisation("Hezbollah");

    assertThat(antecedentOf(read(n), "The group")).hasValue("Hezbollah");
  }

  @Test
  void roleWithItsOwnComplementIsNoAnaphor() {
    Named n =
        new Named("Esmaeil Khatib has served as the minister of intelligence since 2021.")
            .person("Esmaeil Khatib");

    assertThat(read(n)).isEmpty();
  }
}
