/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.model.Schema;

class CoreNlpRecogniserTest {
  private static final String TEXT =
      "Esmaeil Khatib met Naji Ibrahim Sharifi-Zindashti in Tehran. "
          + "Reuters said the Treasury acted in Washington.";

  @Test
  void crfModelFindsPeoplePlacesAndOrganisationsWithSpans() {
    List<Mention> mentions = CoreNlpRecogniser.shared().recognise(TEXT);

    assertThat(mentions)
        .anySatisfy(
            m -> {
              assertThat(m.text()).isEqualTo("Esmaeil Khatib");
              assertThat(m.type()).isEqualTo(MentionType.PERSON);
              assertThat(m.schema()).hasValue(Schema.PERSON);
            })
        .anySatisfy(
            m -> {
              assertThat(m.text()).isEqualTo("Tehran");
              assertThat(m.type()).isEqualTo(MentionType.LOCATION);
            })
        .anySatisfy(m -> assertThat(m.text()).isEqualTo("Reuters"));
    for (Mention m : mentions) {
      assertThat(TEXT.substring(m.start(), m.end())).isEqualTo(m.text());
      assertThat(m.extractor()).isEqualTo("corenlp:ner");
    }
  }

  @Test
  void extractorWithCoreNlpStillReadsTheDomainRelations() {
    Extractor extractor =
        Extractor.create()
            .withRecogniser(CoreNlpRecogniser.shared())
            .withParser(DependencyParser.shared());
    Extraction x =
        extractor.extract(
            "The Treasury announced sanctions against a smuggling network. The network was led by Naji Ibrahim "
                + "Sharifi-Zindashti, who acted on behalf of Iran's Ministry of Intelligence and "
                + "Security (MOIS).");

    assertThat(x.relations())
        .anySatisfy(
            r -> {
              assertThat(r.schema()).isEqualTo(Schema.EMPLOYMENT);
              assertThat(r.source().text()).isEqualTo("Naji Ibrahim Sharifi-Zindashti");
              assertThat(r.source().extractor()).isEqualTo("corenlp:ner");
            })
        .anySatisfy(r -> assertThat(r.target().entityId()).isEqualTo("vigil-ir-mois"));
  }

  @Test
  void standardExtractorUsesCoreNlpWhenItsModelIsPresent() {
    assertThat(CoreNlpRecogniser.isAvailable()).isTrue();

    Extraction x = Extractor.standard().extract("Reuters reported it from Tehran.");

    assertThat(x.mentions()).extracting(Mention::extractor).contains("corenlp:ner");
  }

  @Test
  void surnameAloneIsThePersonNamedInFullEarlier() {
    Extraction x =
        Extractor.standard()
            .extract("Noori Maliki met officials in Baghdad. Later, Maliki travelled to Tehran.");

    List<Mention> people =
        x.mentions().stream().filter(m -> m.type() == MentionType.PERSON).toList();
    assertThat(people).extracting(Mention::text).containsExactly("Noori Maliki", "Maliki");
    assertThat(people.get(1).entityId()).isEqualTo(people.get(0).entityId());
    assertThat(people.get(1).name()).isEqualTo("Noori Maliki");
  }

  @Test
  void emptyTextHasNoMentions() {
    assertThat(CoreNlpRecogniser.shared().recognise("")).isEmpty();
  }
}
