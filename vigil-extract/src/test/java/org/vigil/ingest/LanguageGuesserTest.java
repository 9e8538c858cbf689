/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
  @Test
  void englishGermanAndSpanishAreToldApart() {
    assertThat(code("The ministry said that the network was led by a trafficker in the city."))
        .isEqualTo("en");
    assertThat(
            code(
                "Das Ministerium sagte, dass das Netzwerk von einem Händler geführt wurde und nicht"))
        .isEqualTo("de");
    assertThat(code("El ministerio dijo que la red fue dirigida por un traficante de la ciudad."))
        .isEqualTo("es");
  }

  @Test
  void persianIsToldFromArabicByItsOwnLetters() {
    assertThat(code("وزارت اطلاعات جمهوری اسلامی ایران گفت که این شبکه را یک قاچاقچی رهبری می‌کرد"))
        .isEqualTo("fa");
    assertThat(code("قالت وزارة الاستخبارات إن الشبكة كان يقودها مهرب مخدرات معروف في المنطقة"))
        .isEqualTo("ar");
  }

  @Test
  void russianIsRecognisedByScript() {
    assertThat(code("Министерство заявило, что сетью руководил известный торговец наркотиками."))
        .isEqualTo("ru");
  }

  @Test
  void tooShortOrUnplaceableTextGetsNoLanguage() {
    assertThat(LanguageGuesser.guess("OFAC")).isEmpty();
    assertThat(LanguageGuesser.guess("xq zvb rrt kklm ppqz wwxy qqrs tvvw zzyx")).isEmpty();
  }

  private static String code(String text) {
    return LanguageGuesser.guess(text).orElseThrow().code();
  }
}
