/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

/**
 * The Cyrillic steps: organisation words translated whatever their case, Russian spellings of
 * Arabic names.
 */
class CyrillicNameStepsTest {

  private final TranslateCyrillicOrganisationWords words = new TranslateCyrillicOrganisationWords();
  private final NameNormaliser normaliser = new NameNormaliser();

  @Test
  void aNounIsTranslatedInEveryCase() {
    for (String form : List.of("zavod", "zavoda", "zavodu", "zavodom", "zavode", "zavodov")) {
      assertThat(words.translate(form)).as(form).contains("plant");
    }
    assertThat(words.translate("predpriyatiya")).contains("enterprise");
    assertThat(words.translate("instituta")).contains("institute");
  }

  @Test
  void anAdjectiveIsTranslatedInEveryGenderAndCase() {
    for (String form :
        List.of("gosudarstvennyy", "gosudarstvennaya", "gosudarstvennoye", "gosudarstvennogo")) {
      assertThat(words.translate(form)).as(form).contains("state");
    }
    assertThat(words.translate("issledovatelskiy")).contains("research");
  }

  @Test
  void shortAndUnlistedWordsAreLeftAlone() {
    assertThat(TranslateCyrillicOrganisationWords.stem("zao")).isEqualTo("zao");
    assertThat(words.translate("sokol")).isEmpty();
    assertThat(words.translate("ivanov")).isEmpty();
  }

  @Test
  void aCyrillicOrganisationMeetsItsTranslationWordByWord() {
    NormalisedName query =
        normaliser.normalise(
            "Научно-исследовательский институт атомных реакторов", Schema.ORGANIZATION);
    NormalisedName entry =
        normaliser.normalise("ATOMIC REACTOR RESEARCH INSTITUTE", Schema.ORGANIZATION);
    assertThat(forms(query.parts()))
        .containsExactly("scientific", "research", "institute", "atomic", "reaktorov");
    assertThat(query.parts().get(2).translated()).isTrue();
    assertThat(query.parts().get(2).surface()).isEqualTo("institut");
    assertThat(forms(entry.parts())).contains("research", "institute", "atomic");
  }

  @Test
  void aTransliteratedEntryAndACyrillicQueryMeetOnTheSameWord() {
    assertThat(forms(normaliser.normalise("LLC ZAVOD SOKOL", Schema.ORGANIZATION).parts()))
        .containsExactly("plant", "sokol");
    assertThat(forms(normaliser.normalise("Завод Сокол", Schema.ORGANIZATION).parts()))
        .containsExactly("plant", "sokol");
  }

  @Test
  void aPersonsNameIsNeverTranslated() {
    assertThat(normaliser.normalise("Иван Заводов", Schema.PERSON).parts())
        .noneMatch(NamePart::translated);
  }

  @Test
  void belarusianAndUkrainianJointStockCompaniesAreLegalForms() {
    NormalisedName name = normaliser.normalise("Акцыянернае таварыства Завод", Schema.ORGANIZATION);
    assertThat(forms(name.parts())).containsExactly("plant");
    assertThat(name.droppedLegalForms()).hasSize(1);
  }

  @Test
  void anArabicNameInRussianSpellingHasTheSkeletonOfItsJAndH() {
    NamePart jihad = normaliser.normalise("Джихад", Schema.PERSON).parts().get(0);
    NamePart latin = normaliser.normalise("JIHAD", Schema.PERSON).parts().get(0);
    assertThat(jihad.surface()).isEqualTo("dzhikhad");
    assertThat(jihad.sharesSkeleton(latin)).isTrue();
    // the romanisation's own skeleton stays first: a Russian name keeps its kh
    NamePart mikhail = normaliser.normalise("Михаил", Schema.PERSON).parts().get(0);
    assertThat(mikhail.skeleton()).isEqualTo(PhoneticKey.skeleton("mikhail"));
    assertThat(
            mikhail.sharesSkeleton(normaliser.normalise("MIKHAIL", Schema.PERSON).parts().get(0)))
        .isTrue();
    // a name in Latin letters gets no such variants
    assertThat(normaliser.normalise("Dzhikhad", Schema.PERSON).parts().get(0).skeletons())
        .hasSize(1);
  }

  private static List<String> forms(List<NamePart> parts) {
    return parts.stream().map(NamePart::form).toList();
  }
}
