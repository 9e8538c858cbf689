/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;
import org.vigil.names.NameNormaliser;
import org.vigil.names.NormalisedName;

class CandidateIndexTest {

  private final NameNormaliser normaliser = new NameNormaliser();

  private NormalisedName person(String name) {
    return normaliser.normalise(name, Schema.PERSON);
  }

  @Test
  void returnsAtMostTheLimitWithTheNameSharingMostKeysFirst() {
    List<NormalisedName> names = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      names.add(person("Karimi Person" + (char) ('a' + i % 26) + i));
    }
    names.add(person("Hossein Karimi"));
    CandidateIndex index = new CandidateIndex(names);
    int[] candidates = index.candidates(person("Hossein Karimi"), 5);
    assertThat(candidates).hasSize(5);
    assertThat(candidates[0]).isEqualTo(200);
  }

  @Test
  void twoPartsWrittenApartInArabicScriptFindTheLatinNameWrittenTogether() {
    CandidateIndex index =
        new CandidateIndex(List.of(person("Nematullah Rahimi"), person("Nasir Ahmad")));
    assertThat(index.candidates(person("نعمت الله"), 5)).contains(0);
  }

  @Test
  void aRarePartFoundOnlyByADeletionOutranksManyNamesSharingCommonParts() {
    List<NormalisedName> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      names.add(person("Olga Nikolaevna Ivanova" + (char) ('a' + i % 26) + i));
    }
    names.add(person("Olga Nikolaevna Anufrieva"));
    CandidateIndex index = new CandidateIndex(names);
    // the transliteration of Ануфриева meets the list's spelling by one deleted letter only
    assertThat(index.candidates(person("Anufriyeva Olga Nikolayevna"), 5)).startsWith(60);
  }

  @Test
  void shortPartsInArabicScriptFindTheirNameByTheirSkeletonsTogether() {
    List<NormalisedName> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      names.add(person("Bashir " + (char) ('a' + i % 26) + "ahmad" + i));
    }
    names.add(person("AYYUB BASHIR"));
    CandidateIndex index = new CandidateIndex(names);
    assertThat(index.candidates(person("ایوب بشیر"), 24)).contains(60);
  }

  private NormalisedName organisation(String name) {
    return normaliser.normalise(name, Schema.ORGANIZATION);
  }

  @Test
  void aListNameTheQuerySpellsInFullIsACandidateAmongManySharingItsPart() {
    List<NormalisedName> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      names.add(person("Aziz " + (char) ('a' + i % 26) + "rahman" + i));
    }
    names.add(person("AZIZ"));
    CandidateIndex index = new CandidateIndex(names);
    assertThat(index.candidates(person("Азиз"), 5)).startsWith(60);
  }

  @Test
  void anAcronymAndTheWordsItAbbreviatesFindEachOther() {
    List<NormalisedName> names = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      names.add(organisation("Mekhanicheskiy Zavod " + (char) ('a' + i % 26) + "tekh" + i));
    }
    names.add(organisation("JSC BMZ"));
    names.add(organisation("Upravleniye Perspektivnykh Tekhnologiy"));
    names.add(organisation("Belaya Mekhanicheskaya Zona"));
    CandidateIndex index = new CandidateIndex(names);
    int[] acronym =
        index.candidates(
            organisation("Открытое акционерное общество Балакиревский механический завод"), 5);
    assertThat(acronym).startsWith(60);
    assertThat(index.candidates(organisation("UPT"), 5)).startsWith(61);
    // two long names with the same initials do not find each other by them
    assertThat(index.candidates(organisation("Bolshoy Mostovoy Zavod"), 24)).doesNotContain(62);
  }

  @Test
  void longWordsThatDifferInTheirEndingsAndRussianGAsHFindTheirName() {
    CandidateIndex index =
        new CandidateIndex(
            List.of(
                organisation("OBORONLOGISTICS LLC"),
                organisation("JSC HYDROMASH"),
                organisation("Sokol")));
    assertThat(index.candidates(organisation("ООО «ОБОРОНЛОГИСТИКА»"), 5)).startsWith(0);
    assertThat(index.candidates(organisation("Гидромаш"), 5)).startsWith(1);
  }
}
