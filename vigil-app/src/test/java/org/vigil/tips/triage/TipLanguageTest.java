/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TipLanguageTest {

  @Test
  void anEnglishLineIsEnglish() {
    assertThat(TipLanguage.of("The man from the ministry was at the house on Tuesday."))
        .isEqualTo(TipLanguage.EN);
  }

  @Test
  void aPersianLineIsPersian() {
    assertThat(TipLanguage.of("مردی از وزارت اطلاعات دیروز به خانه ما آمد و سراغ برادرم را گرفت."))
        .isEqualTo(TipLanguage.FA);
  }

  @Test
  void persianTypedOnAnArabicKeyboardIsStillPersianByItsWords() {
    // Arabic yeh (U+064A) and kaf (U+0643) where Persian writes its own; the words are Persian.
    assertThat(TipLanguage.of("او از وزارت اطلاعات است و اين را به ما گفت كه"))
        .isEqualTo(TipLanguage.FA);
  }

  @Test
  void anArabicLineIsArabic() {
    assertThat(TipLanguage.of("رأيت رجلاً من الاستخبارات في المدينة التي نسكن فيها."))
        .isEqualTo(TipLanguage.AR);
  }

  @Test
  void aPersianTipNamingSomeoneInLatinLettersIsPersian() {
    assertThat(TipLanguage.of("ناجی ابراهیم زندشتی (Naji Sharifi-Zindashti) را در استانبول دیدم"))
        .isEqualTo(TipLanguage.FA);
  }

  @Test
  void otherLanguagesAndScriptsAreOther() {
    assertThat(TipLanguage.of("Le ministère a envoyé des hommes dans notre rue hier soir."))
        .isEqualTo(TipLanguage.OTHER);
    assertThat(TipLanguage.of("Вчера к нам приходили люди из министерства."))
        .isEqualTo(TipLanguage.OTHER);
    assertThat(TipLanguage.of("שלום לכולם")).isEqualTo(TipLanguage.OTHER);
  }

  @Test
  void aTextWithoutLettersIsOther() {
    assertThat(TipLanguage.of("")).isEqualTo(TipLanguage.OTHER);
    assertThat(TipLanguage.of("+98 912 000 0000 !!!")).isEqualTo(TipLanguage.OTHER);
  }

  @Test
  void codesAreLowerCaseWhateverTheLocale() {
    assertThat(TipLanguage.FA.code()).isEqualTo("fa");
    assertThat(TipLanguage.OTHER.code()).isEqualTo("other");
  }
}
