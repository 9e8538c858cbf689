/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.model.Schema;

class JoinShortNamesTest {
  @Test
  void halfOfAHyphenatedFamilyNameJoinsTheFullName() {
    Named n =
        new Named("The network is led by Naji Ibrahim Sharifi-Zindashti. Zindashti ran it.")
            .person("Naji Ibrahim Sharifi-Zindashti")
            .add(
                "Zindashti",
                MentionType.ORGANIZATION,
                Optional.of(Schema.ORGANIZATION),
                "corenlp:ner",
                1);

    List<Mention> joined = JoinShortNames.apply(n.text(), n.mentions());

    assertThat(joined).hasSize(2);
    assertThat(joined.get(1).entityId()).isEqualTo(joined.get(0).entityId());
    assertThat(joined.get(1).type()).isEqualTo(MentionType.PERSON);
    assertThat(joined.get(1).name()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
  }

  @Test
  void givenNameAloneJoinsTheOnePersonWhoBearsIt() {
    Named n =
        new Named("Kaveh Jafari wrote for a dissident site. Friends say Kaveh stopped writing.")
            .person("Kaveh Jafari")
            .person("Kaveh");

    List<Mention> joined = JoinShortNames.apply(n.text(), n.mentions());

    assertThat(joined.get(1).entityId()).isEqualTo(joined.get(0).entityId());
  }

  @Test
  void familyNameTheRecogniserMissedIsAddedToTheChain() {
    Named n =
        new Named("Colonel Farhad Rostami left Tehran. Officials said Rostami had served abroad.")
            .person("Farhad Rostami");

    List<Mention> joined = JoinShortNames.apply(n.text(), n.mentions());

    assertThat(joined)
        .anySatisfy(
            m -> {
              assertThat(m.text()).isEqualTo("Rostami");
              assertThat(m.start()).isEqualTo(n.text().lastIndexOf("Rostami"));
              assertThat(m.entityId()).isEqualTo(joined.get(0).entityId());
            });
  }

  @Test
  void nameSharedByTwoPeopleStaysApart() {
    Named n =
        new Named("Ali Rezaei met Ali Karimi in Vienna. Ali later left.")
            .person("Ali Rezaei")
            .person("Ali Karimi")
            .add("Ali", MentionType.PERSON, Optional.of(Schema.PERSON), "corenlp:ner", 2);

    List<Mention> joined = JoinShortNames.apply(n.text(), n.mentions());

    assertThat(joined.get(2).entityId()).isEqualTo("x-ali");
  }

  @Test
  void dictionaryNameIsNeverTakenForAShortForm() {
    Named n =
        new Named("Hamas Rezaei spoke. Hamas denied it.")
            .person("Hamas Rezaei")
            .add(
                "Hamas",
                MentionType.ORGANIZATION,
                Optional.of(Schema.ORGANIZATION),
                "gazetteer",
                1);

    List<Mention> joined = JoinShortNames.apply(n.text(), n.mentions());

    assertThat(joined.get(1).entityId()).isEqualTo("x-hamas");
  }
}
