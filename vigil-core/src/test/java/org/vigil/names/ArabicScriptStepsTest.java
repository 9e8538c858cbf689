/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

/** The steps of the Arabic-script path, each on names in Arabic, Persian, Pashto and Urdu. */
class ArabicScriptStepsTest {

  @Test
  void languageIsToldByTheLettersOnlyItsAlphabetHas() {
    assertThat(ArabicScriptLanguage.detect("محمد عمر ځدران"))
        .isEqualTo(ArabicScriptLanguage.PASHTO);
    assertThat(ArabicScriptLanguage.detect("ایوب بشیر")).isEqualTo(ArabicScriptLanguage.PERSIAN);
    assertThat(ArabicScriptLanguage.detect("پرویز مشرف")).isEqualTo(ArabicScriptLanguage.PERSIAN);
    assertThat(ArabicScriptLanguage.detect("ٹیپو سلطان")).isEqualTo(ArabicScriptLanguage.URDU);
    assertThat(ArabicScriptLanguage.detect("صدام حسين")).isEqualTo(ArabicScriptLanguage.ARABIC);
  }

  @Test
  void persianAndArabicRomaniseTheSameLettersTheirOwnWay() {
    RomaniseArabicScript arabic = new RomaniseArabicScript(ArabicScriptLanguage.ARABIC);
    RomaniseArabicScript persian = new RomaniseArabicScript(ArabicScriptLanguage.PERSIAN);
    assertThat(arabic.apply("رمضان")).isEqualTo("rmdan");
    assertThat(persian.apply("رمضان")).isEqualTo("rmzan");
    assertThat(arabic.apply("عثمان")).isEqualTo("athman");
    assertThat(persian.apply("عثمان")).isEqualTo("asman");
    assertThat(persian.apply("وحید")).isEqualTo("vhyd");
    assertThat(arabic.apply("وليد")).isEqualTo("wlyd");
    assertThat(arabic.apply("علي")).isEqualTo("aly");
  }

  @Test
  void pashtoAndUrduLettersAreRomanisedNotDropped() {
    RomaniseArabicScript pashto = new RomaniseArabicScript(ArabicScriptLanguage.PASHTO);
    assertThat(pashto.apply("ځدران")).isEqualTo("zdran");
    assertThat(pashto.apply("ښکلی")).isEqualTo("shkly");
    assertThat(pashto.apply("ډاکټر")).isEqualTo("daktr");
    RomaniseArabicScript urdu = new RomaniseArabicScript(ArabicScriptLanguage.URDU);
    assertThat(urdu.apply("ٹیپو")).isEqualTo("typw");
  }

  @Test
  void skeletonsTreatLettersRomanisedSeveralWaysAsEquivalenceClasses() {
    // Pashto dz: Zadran and Jadran are both spellings of ځدران
    assertThat(ArabicScriptSkeleton.of("ځدران", ArabicScriptLanguage.PASHTO))
        .contains(PhoneticKey.skeleton("zadran"), PhoneticKey.skeleton("jadran"));
    // dad is d in Arabic and z in Persian; the language's own reading comes first
    assertThat(ArabicScriptSkeleton.of("رمضان", ArabicScriptLanguage.PERSIAN))
        .startsWith(PhoneticKey.skeleton("ramazan"))
        .contains(PhoneticKey.skeleton("ramadan"));
    assertThat(ArabicScriptSkeleton.of("رمضان", ArabicScriptLanguage.ARABIC))
        .startsWith(PhoneticKey.skeleton("ramadan"));
    // sheen as the French ch, waw as a long vowel or a v
    assertThat(ArabicScriptSkeleton.of("شومان", ArabicScriptLanguage.ARABIC))
        .contains(PhoneticKey.skeleton("chouman"), PhoneticKey.skeleton("shuman"));
    assertThat(ArabicScriptSkeleton.of("مروان", ArabicScriptLanguage.ARABIC))
        .contains(PhoneticKey.skeleton("marwan"), PhoneticKey.skeleton("marvan"));
    assertThat(ArabicScriptSkeleton.of("بشیر", ArabicScriptLanguage.PERSIAN))
        .containsExactly(PhoneticKey.skeleton("bashir"), PhoneticKey.skeleton("bachir"));
  }

  @Test
  void skeletonsOfALongWordStayBounded() {
    String word = "ضظذثشضظذثشضظذثش";
    assertThat(ArabicScriptSkeleton.of(word, ArabicScriptLanguage.ARABIC))
        .hasSizeLessThanOrEqualTo(ArabicScriptSkeleton.MAX_SKELETONS);
  }

  @Test
  void compoundsAreWrittenApartWhetherJoinedOrNot() {
    SplitArabicScriptCompounds step = new SplitArabicScriptCompounds();
    assertThat(step.apply("عبدالرحيم")).isEqualTo("عبد ال رحيم");
    assertThat(step.apply("امينالله")).isEqualTo("امين الله");
    assertThat(step.apply("نورالدين")).isEqualTo("نور ال دين");
    assertThat(step.apply("اخوندزاده")).isEqualTo("اخوند زاده");
    assertThat(step.apply("حسينابادي")).isEqualTo("حسين ابادي");
    assertThat(step.apply("والمسلمين")).isEqualTo("و ال مسلمين");
    assertThat(step.apply("عبدالله")).isEqualTo("عبدالله");
    assertThat(step.apply("علي-رضا")).isEqualTo("علي رضا");
  }

  @Test
  void invisibleCharactersGoAndTheZeroWidthNonJoinerSeparates() {
    RemoveInvisibleCharacters step = new RemoveInvisibleCharacters();
    assertThat(step.apply("\u202BAli\u200B Reza\u202C\u200F")).isEqualTo("Ali Reza");
    assertThat(step.apply("\uFEFFOlaf\u00AD Scholz")).isEqualTo("Olaf Scholz");
    assertThat(step.apply("زیبایی\u200Cنژاد")).isEqualTo("زیبایی نژاد");
    assertThat(step.apply("plain")).isEqualTo("plain");
  }

  @Test
  void organisationWordsAreTranslatedAndLegalFormsRecognised() {
    TranslateOrganisationWords words = new TranslateOrganisationWords();
    FoldArabicLetterVariants fold = new FoldArabicLetterVariants();
    assertThat(words.translate(fold.apply("سازمان"))).contains("organisation");
    assertThat(words.translate(fold.apply("قرارگاه"))).contains("headquarters");
    assertThat(words.translate(fold.apply("صرافی"))).contains("exchange");
    assertThat(words.translate(fold.apply("وزارة"))).contains("ministry");
    assertThat(words.legalForm(fold.apply("شرکت"))).contains("company");
    assertThat(words.legalForm(fold.apply("شركة"))).contains("company");
    assertThat(words.translate(fold.apply("محمد"))).isEmpty();
  }

  @Test
  void normaliserRomanisesEachWordAndKeepsItsWrittenForm() {
    NormalisedName name = new NameNormaliser().normalise("محمد عمر ځدران", Schema.PERSON);
    assertThat(name.script()).isEqualTo(Script.ARABIC);
    assertThat(name.parts()).extracting(NamePart::written).containsExactly("محمد", "عمر", "ځدران");
    assertThat(name.parts().get(2).skeletons()).contains(PhoneticKey.skeleton("zadran"));
  }

  @Test
  void normaliserTranslatesAnOrganisationAndDropsItsLegalForm() {
    NormalisedName name =
        new NameNormaliser().normalise("شرکت صنایع هواپیمایی ایران", Schema.ORGANIZATION);
    assertThat(forms(name.parts())).containsExactly("industry", "aviation", "iran");
    assertThat(name.parts()).allMatch(NamePart::translated);
    assertThat(name.droppedLegalForms()).containsExactly("شركت (company)");
    // a person's name is never translated
    assertThat(new NameNormaliser().normalise("بانک", Schema.PERSON).parts())
        .noneMatch(NamePart::translated);
  }

  private static List<String> forms(List<NamePart> parts) {
    return parts.stream().map(NamePart::form).toList();
  }
}
