/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class NameIdScopeTest {
  private static final Extractor EXTRACTOR = Extractor.create();
  private static final String TEXT =
      "Hadrik Solvenne met officials of the Ministry of Intelligence and Security (MOIS) in"
          + " Tehran. The network was led by Hadrik Solvenne.";

  @Test
  void twoOrganisationsGetDifferentIdsForOneName() {
    String a = idOf("Hadrik Solvenne", EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-a")));
    String b = idOf("Hadrik Solvenne", EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-b")));

    assertThat(a).startsWith("x-person-");
    assertThat(b).startsWith("x-person-").isNotEqualTo(a);
  }

  @Test
  void oneOrganisationGetsTheSameIdForOneNameInEveryText() {
    NameIdScope scope = NameIdScope.organisation("org-a");
    String first = idOf("Hadrik Solvenne", EXTRACTOR.extract(TEXT, scope));
    String again =
        idOf(
            "Hadrik Solvenne",
            EXTRACTOR.extract("Officials say Hadrik Solvenne left for Baku.", scope));
    String newScope =
        idOf("Hadrik Solvenne", EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-a")));

    assertThat(again).isEqualTo(first);
    assertThat(newScope).isEqualTo(first);
  }

  @Test
  void theWorkingIdOfANameNeverLeavesTheExtractor() {
    String working = EntityIds.forName(MentionType.PERSON, "Hadrik Solvenne");
    Extraction x = EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-a"));

    assertThat(idsOf(x)).doesNotContain(working);
    assertThat(idOf("Hadrik Solvenne", EXTRACTOR.extract(TEXT))).isNotEqualTo(working);
  }

  @Test
  void dictionaryEntitiesKeepTheirPublishedIdsInEveryScope() {
    Extraction a = EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-a"));
    Extraction b = EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-b"));

    assertThat(idsOf(a)).contains("vigil-ir-mois");
    assertThat(idsOf(b)).contains("vigil-ir-mois");
    assertThat(a.acronyms()).extracting(AcronymDefinition::entityId).containsOnly("vigil-ir-mois");
  }

  @Test
  void relationsNameTheScopedIdsOfTheirEnds() {
    Extraction x = EXTRACTOR.extract(TEXT, NameIdScope.organisation("org-a"));
    String person = idOf("Hadrik Solvenne", x);

    assertThat(x.relations())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(idsOf(x)).contains(r.source().entityId()));
    assertThat(x.relations()).anySatisfy(r -> assertThat(r.source().entityId()).isEqualTo(person));
  }

  @Test
  void aScopeNeedsAnOrganisation() {
    assertThatThrownBy(() -> NameIdScope.organisation(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("' '");
  }

  private static String idOf(String name, Extraction x) {
    Set<String> ids = new TreeSet<>();
    x.mentions().stream()
        .filter(
            m -> m.name().equals(name) && m.schema().equals(java.util.Optional.of(Schema.PERSON)))
        .forEach(m -> ids.add(m.entityId()));
    assertThat(ids).as("the ids of %s in %s", name, x.mentions()).hasSize(1);
    return ids.iterator().next();
  }

  private static Set<String> idsOf(Extraction x) {
    Set<String> ids = new TreeSet<>();
    x.mentions().forEach(m -> ids.add(m.entityId()));
    return ids;
  }
}
