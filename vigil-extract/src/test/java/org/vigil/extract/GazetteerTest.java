/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class GazetteerTest {
  private static final Gazetteer DOMAIN = Gazetteer.domain();

  @Test
  void dictionaryIsVersionedAndCoversTheDomainAgencies() {
    assertThat(DOMAIN.version()).isNotEqualTo("unversioned");
    for (String name :
        List.of(
            "MOIS",
            "VAJA",
            "Sepah",
            "IRGC-QF",
            "Qods Force",
            "Hizballah",
            "Hizbullah",
            "Hashd al-Shaabi",
            "JTTF",
            "FBI",
            "DHS",
            "CBP",
            "OFAC",
            "CIA",
            "Mossad",
            "Daesh",
            "ISIL",
            "Kata'ib Hezbollah",
            "Hamas",
            "Ansar Allah",
            "Houthis")) {
      assertThat(DOMAIN.lookup(name)).as(name).isPresent();
    }
  }

  @Test
  void variantsOfOneGroupShareItsCanonicalId() {
    List<Mention> found =
        DOMAIN.find("Hezbollah, also written Hizballah or Hizbullah, is backed by the Quds Force.");

    assertThat(found)
        .extracting(Mention::entityId)
        .containsExactly(
            "vigil-lb-hezbollah", "vigil-lb-hezbollah", "vigil-lb-hezbollah", "vigil-ir-irgc-qf");
    assertThat(found.get(0).schema()).hasValue(Schema.ORGANIZATION);
    assertThat(found.get(3).canonicalName()).hasValue("IRGC Quds Force");
  }

  @Test
  void persianAndArabicNamesOfTheAgenciesAreFoundThoughTheirScriptHasNoCapitals() {
    assertThat(DOMAIN.find("دو مرد از وزارت اطلاعات آمدند و از سپاه قدس گفتند."))
        .extracting(Mention::entityId)
        .containsExactly("vigil-ir-mois", "vigil-ir-irgc-qf");
    assertThat(DOMAIN.find("قال مسؤول في فيلق القدس"))
        .extracting(Mention::entityId)
        .containsExactly("vigil-ir-irgc-qf");
    // Inside a longer word it is no name.
    assertThat(DOMAIN.find("وزارت اطلاعاتی‌ها")).isEmpty();
  }

  @Test
  void acronymMatchesOnlyInCapitals() {
    assertThat(DOMAIN.find("The mois of the year and a cia-like fbi.")).isEmpty();
    assertThat(DOMAIN.find("The MOIS and the CIA"))
        .extracting(Mention::text)
        .containsExactly("MOIS", "CIA");
  }

  @Test
  void matchesRespectWordBoundariesButAllowPossessivesAndCompounds() {
    List<Mention> found = DOMAIN.find("The MOIS’s agents; MOIS-orchestrated plots; AMOISX; CIAO.");

    assertThat(found).extracting(Mention::text).containsExactly("MOIS", "MOIS");
    assertThat(found.get(0).start()).isEqualTo(4);
  }

  @Test
  void longestNameWinsWhereNamesOverlap() {
    List<Mention> found = DOMAIN.find("IRGC-QF officers and the Islamic Revolutionary Guard Corps");

    assertThat(found)
        .extracting(Mention::entityId)
        .containsExactly("vigil-ir-irgc-qf", "vigil-ir-irgc");
    assertThat(found.get(1).text()).isEqualTo("Islamic Revolutionary Guard Corps");
  }

  @Test
  void lowerCaseCommonWordIsNotAnAgency() {
    assertThat(DOMAIN.find("the state treasury paid")).isEmpty();
    assertThat(DOMAIN.find("the US Treasury paid"))
        .extracting(Mention::entityId)
        .containsExactly("vigil-us-treasury");
  }

  @Test
  void ahoCorasickFindsOverlappingKeys() {
    AhoCorasick automaton = new AhoCorasick(List.of("he", "she", "his", "hers"));

    assertThat(automaton.find("ushers"))
        .containsExactly(
            new AhoCorasick.Hit(1, 1, 4),
            new AhoCorasick.Hit(0, 2, 4),
            new AhoCorasick.Hit(3, 2, 6));
  }
}
