/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class FamilyNameAndLegalFormStepsTest {

  private final NameNormaliser normaliser = new NameNormaliser();
  private final NameMatcher matcher = new NameMatcher();

  private List<String> family(String name) {
    NormalisedName normalised = normaliser.normalise(name, Schema.PERSON);
    return normalised.familyParts().stream().map(i -> normalised.parts().get(i).form()).toList();
  }

  @Test
  void familyNameBeforeACommaIsTheFamilyName() {
    assertThat(family("CROSBY, David Paul")).containsExactly("crosby");
    assertThat(family("CABELLO CONTRERAS, Daniella Desiree"))
        .containsExactly("cabello", "contreras");
  }

  @Test
  void familyNameInCapitalsAmongGivenNamesIsTheFamilyName() {
    assertThat(family("Abdul Hai HAZEM")).containsExactly("hazem");
    assertThat(family("КУЛИК Вадим Валерьевич")).containsExactly("kulik");
  }

  @Test
  void namesThatDoNotSayHaveNoFamilyName() {
    assertThat(family("David Paul Crosby")).isEmpty();
    assertThat(family("DAVID PAUL CROSBY")).isEmpty();
    assertThat(family("محمد عمر ځدران")).isEmpty();
    // a legal form in capitals is no family name, and neither are capitals in the middle
    assertThat(family("Nicolás Maduro LLC")).isEmpty();
    assertThat(family("Mohamad BIN Abdullah")).isEmpty();
    // two commas: not the "FAMILY, Given" convention
    assertThat(family("Smith, John, Jr")).isEmpty();
  }

  @Test
  void organisationsHaveNoFamilyName() {
    assertThat(normaliser.normalise("ACME, Inc", Schema.ORGANIZATION).familyParts()).isEmpty();
  }

  @Test
  void sharingOnlyGivenNamesWithAListedPersonIsNoMatch() {
    NameComparison onlyGiven = matcher.compare("Paul Davis", "CROSBY, David Paul", Schema.PERSON);
    assertThat(onlyGiven.score()).isLessThan(0.7);
    assertThat(onlyGiven.explanation().describe()).contains("family name not in query: crosby");
    NameComparison named = matcher.compare("Paul Crosby", "CROSBY, David Paul", Schema.PERSON);
    assertThat(named.score()).isGreaterThan(0.7);
    assertThat(named.explanation().penalties()).isEmpty();
  }

  @Test
  void aFamilyNameTwoEditsAwayIsWeakEvidence() {
    NameComparison loose = matcher.compare("William Luis Walton", "WILSON, William", Schema.PERSON);
    assertThat(loose.score()).isLessThan(0.7);
    assertThat(loose.explanation().describe())
        .contains("family name only loosely in query: wilson");
    // without the list saying which part is the family name, the same spelling is not marked
    assertThat(matcher.compare("Angela Merkur", "Angela Merkel", Schema.PERSON).score())
        .isGreaterThan(0.7);
  }

  @Test
  void legalFormsOfDifferentKindsTellTwoCompaniesApart() {
    NameComparison twoCompanies =
        matcher.compare("Deutsche Bank AG", "Deutsche Bank GmbH", Schema.COMPANY);
    assertThat(twoCompanies.score()).isLessThan(0.7);
    assertThat(twoCompanies.explanation().describe())
        .contains("legal forms of different kinds: ag / gmbh");
    // the same kind in two languages, and a form that declares no kind, are no conflict
    assertThat(matcher.compare("OOO Sokol", "Sokol LLC", Schema.COMPANY).score()).isEqualTo(1.0);
    assertThat(matcher.compare("Sokol Ltd", "Sokol GmbH", Schema.COMPANY).score()).isEqualTo(1.0);
    assertThat(LegalFormKinds.conflict(List.of("jsc"), List.of("pao"))).isFalse();
    assertThat(LegalFormKinds.conflict(List.of("lp"), List.of("llc"))).isTrue();
  }

  @Test
  void misspeltOrCutLegalFormsAreStillLegalForms() {
    DropLegalForm step = new DropLegalForm();
    assertThat(step.apply(List.of("siemens", "aktiengeselschaft")).dropped())
        .containsExactly("aktiengeselschaft");
    assertThat(step.apply(List.of("tactical", "missiles", "joynt", "stock", "company")).kept())
        .containsExactly("tactical", "missiles");
    assertThat(step.apply(List.of("tactical", "missiles", "joint", "stock", "compan")).kept())
        .containsExactly("tactical", "missiles");
    // a short word is no misspelt form, and only a form's later word may be cut short
    assertThat(step.apply(List.of("green", "lime")).kept()).containsExactly("green", "lime");
    assertThat(step.apply(List.of("acme", "lld")).kept()).containsExactly("acme", "lld");
  }
}
