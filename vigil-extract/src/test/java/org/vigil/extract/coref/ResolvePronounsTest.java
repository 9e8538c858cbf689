/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Mention;

class ResolvePronounsTest {
  private static List<Resolution> read(Named n) {
    return ResolvePronouns.read(new Passages(n.text()), n.mentions());
  }

  private static Optional<String> antecedentOf(List<Resolution> rs, String pronoun) {
    return rs.stream()
        .filter(r -> r.anaphor().text().equals(pronoun))
        .findFirst()
        .flatMap(Resolution::antecedent)
        .map(Mention::text);
  }

  @Test
  void heIsTheOnePersonNamedBeforeInTheParagraph() {
    Named n =
        new Named("Farhad Rostami left the ministry in 2026. He was flown to Vienna.")
            .person("Farhad Rostami");

    assertThat(antecedentOf(read(n), "He")).hasValue("Farhad Rostami");
  }

  @Test
  void withTwoPeopleBeforeItThePronounIsLeftOut() {
    Named n =
        new Named("Farhad Rostami met Leila Ahmadi in Vienna. She was later arrested.")
            .person("Farhad Rostami")
            .person("Leila Ahmadi");

    assertThat(antecedentOf(read(n), "She")).isEmpty();
  }

  @Test
  void pronounInTheNextParagraphIsLeftOut() {
    Named n =
        new Named("Farhad Rostami left the ministry.\n\nHe was later seen in Vienna.")
            .person("Farhad Rostami");

    assertThat(antecedentOf(read(n), "He")).isEmpty();
  }

  @Test
  void theyIsTheOneOrganisationBeforeIt() {
    Named n =
        new Named("Hezbollah moved its fighters south. They were seen near the border.")
            .organisation("Hezbollah");

    assertThat(antecedentOf(read(n), "They")).hasValue("Hezbollah");
  }

  @Test
  void theyAfterTwoPeopleIsLeftOut() {
    Named n =
        new Named("Ali Rezaei and Omid Karimi worked for Hezbollah. They were arrested.")
            .person("Ali Rezaei")
            .person("Omid Karimi")
            .organisation("Hezbollah");

    assertThat(antecedentOf(read(n), "They")).isEmpty();
  }

  @Test
  void pronounBeforeAnyNameIsLeftOut() {
    Named n = new Named("In his speech, Hassan Rouhani said little.").person("Hassan Rouhani");

    assertThat(antecedentOf(read(n), "his")).isEmpty();
  }
}
