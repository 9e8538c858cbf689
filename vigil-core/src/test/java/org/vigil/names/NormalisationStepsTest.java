/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class NormalisationStepsTest {

  @Test
  void stripDiacriticsFoldsAccentsAndSpecialLatinLetters() {
    StripDiacritics step = new StripDiacritics();
    assertThat(step.apply("François Łukasz Øster Straße"))
        .isEqualTo("Francois Lukasz Oster Strasse");
    assertThat(step.apply("Erdoğan")).isEqualTo("Erdogan");
  }

  @Test
  void foldArabicLetterVariantsUnifiesPersianAndArabicForms() {
    FoldArabicLetterVariants step = new FoldArabicLetterVariants();
    // Persian yeh and keheh against Arabic yeh and kaf
    assertThat(step.apply("سلیمانی")).isEqualTo(step.apply("سليماني"));
    assertThat(step.apply("کریم")).isEqualTo("كريم");
    // hamza carriers, teh marbuta, tatweel and harakat
    assertThat(step.apply("أحمد")).isEqualTo("احمد");
    assertThat(step.apply("فاطمة")).isEqualTo("فاطمه");
    assertThat(step.apply("مـحـمـد")).isEqualTo("محمد");
    assertThat(step.apply("مُحَمَّد")).isEqualTo("محمد");
  }

  @Test
  void foldArabicLetterVariantsSeparatesTheArticleButNotAllah() {
    FoldArabicLetterVariants step = new FoldArabicLetterVariants();
    assertThat(step.apply("التكريتي")).isEqualTo("ال تكريتي");
    assertThat(step.apply("عبد الله")).isEqualTo("عبد الله");
  }

  @Test
  void transliterateToLatinHandlesSeveralScripts() {
    TransliterateToLatin step = new TransliterateToLatin();
    assertThat(step.apply("Сергей Лавров")).isEqualTo("Sergey Lavrov");
    assertThat(step.apply("قاسم")).isEqualTo("qasm");
    assertThat(step.apply("Ελευθέριος")).isEqualTo("Eleutherios");
    assertThat(step.apply("习近平")).isEqualTo("xi jin ping");
    assertThat(step.apply("plain ascii")).isEqualTo("plain ascii");
  }

  @Test
  void scriptDetectionFollowsMostLetters() {
    assertThat(Script.detect("Qasem Soleimani")).isEqualTo(Script.LATIN);
    assertThat(Script.detect("قاسم سليماني")).isEqualTo(Script.ARABIC);
    assertThat(Script.detect("Владимир Putin В")).isEqualTo(Script.CYRILLIC);
    assertThat(Script.detect("12-34 !!")).isEqualTo(Script.NONE);
  }

  @Test
  void tokenizeKeepsApostrophesInsideWordsAndSpellsOutAmpersand() {
    Tokenize step = new Tokenize();
    assertThat(step.apply("CHO HYO'K-SAN")).containsExactly("cho", "hyok", "san");
    assertThat(step.apply("AT&T Inc.")).containsExactly("at", "and", "t", "inc");
    assertThat(step.apply(" ,;- ")).isEmpty();
  }

  @Test
  void dropLegalFormRemovesLongestFormsAndKeepsBareForms() {
    DropLegalForm step = new DropLegalForm();
    DropLegalForm.Split split =
        step.apply(List.of("tactical", "missiles", "corporation", "joint", "stock", "company"));
    assertThat(split.kept()).containsExactly("tactical", "missiles");
    assertThat(split.dropped()).containsExactly("corporation", "joint stock company");
    assertThat(step.apply(List.of("corp")).kept()).containsExactly("corp");
    assertThat(step.apply(List.of("sherkat", "sanaye", "havapeyma")).kept())
        .containsExactly("sanaye", "havapeyma");
  }

  @Test
  void foldNamePartVariantsUsesOneFormPerName() {
    FoldNamePartVariants step = new FoldNamePartVariants();
    assertThat(forms(step.apply(List.of("muhammad", "qassem"))))
        .containsExactly("mohammad", "qasem");
    assertThat(forms(step.apply(List.of("ghasem", "husayn")))).containsExactly("qasem", "hossein");
    assertThat(forms(step.apply(List.of("youssef", "al", "qasim"))))
        .containsExactly("yusuf", "qasem");
    assertThat(forms(step.apply(List.of("abdulrahman")))).containsExactly("abd", "rahman");
    assertThat(forms(step.apply(List.of("abdel", "rahman")))).containsExactly("abd", "rahman");
    assertThat(forms(step.apply(List.of("abdullah")))).containsExactly("abdullah");
  }

  @Test
  void phoneticKeyGroupsTransliterationsOfOneName() {
    assertThat(PhoneticKey.skeleton("qasem"))
        .isEqualTo(PhoneticKey.skeleton("ghasem"))
        .isEqualTo(PhoneticKey.skeleton("kasim"))
        .isEqualTo(PhoneticKey.skeleton("qasm"));
    assertThat(PhoneticKey.skeleton("hussein")).isEqualTo(PhoneticKey.skeleton("hsyn"));
    assertThat(PhoneticKey.skeleton("bush")).isNotEqualTo(PhoneticKey.skeleton("habbash"));
    assertThat(PhoneticKey.skeleton("1960")).isEmpty();
  }

  @Test
  void joinSingleLettersAndDigitLookalikes() {
    assertThat(new JoinSingleLetters().apply(List.of("a", "b", "c", "company")))
        .containsExactly("abc", "company");
    assertThat(new FoldDigitLookalikes().apply("sech1n")).isEqualTo("sechin");
    assertThat(new FoldDigitLookalikes().apply("2004")).isEqualTo("2004");
  }

  @Test
  void normaliserKeepsNativePartsForNonLatinNames() {
    NormalisedName name = new NameNormaliser().normalise("高市早苗", Schema.PERSON);
    assertThat(name.script()).isEqualTo(Script.HAN);
    assertThat(forms(name.nativeParts())).containsExactly("高", "市", "早", "苗");
    assertThat(new NameNormaliser().normalise("Olaf Scholz", Schema.PERSON).nativeParts())
        .isEmpty();
  }

  private static List<String> forms(List<NamePart> parts) {
    return parts.stream().map(NamePart::form).toList();
  }

  @Test
  void foldNumberWordsWritesNumbersBelowAHundredAsDigits() {
    FoldNumberWords fold = new FoldNumberWords();
    assertThat(fold.apply(List.of("brigade", "forty", "four"))).containsExactly("brigade", "44");
    assertThat(fold.apply(List.of("brigade", "fourty", "4"))).containsExactly("brigade", "44");
    assertThat(fold.apply(List.of("twenty", "group"))).containsExactly("20", "group");
    assertThat(fold.apply(List.of("seven", "seas"))).containsExactly("7", "seas");
  }

  @Test
  void joinSingleLettersKeepsATrailingLegalFormApart() {
    JoinSingleLetters join = new JoinSingleLetters(DropLegalForm::isLegalForm);
    assertThat(join.apply(List.of("partners", "v", "l", "p")))
        .containsExactly("partners", "v", "lp");
    assertThat(join.apply(List.of("a", "b", "c", "company"))).containsExactly("abc", "company");
    NormalisedName name = new NameNormaliser().normalise("Partners V L.P.", Schema.COMPANY);
    assertThat(name.key()).isEqualTo("partners v");
    assertThat(name.droppedLegalForms()).containsExactly("lp");
  }
}
