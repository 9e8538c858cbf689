/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalendarWordsTest {
  @Test
  void monthsAndWeekdaysInAnyCaseAreCalendarWords() {
    assertThat(CalendarWords.isCalendarWord("May")).isTrue();
    assertThat(CalendarWords.isCalendarWord("SUNDAY")).isTrue();
    assertThat(CalendarWords.isCalendarWord("october")).isTrue();
    assertThat(CalendarWords.MONTHS).hasSize(12).startsWith("january");
    assertThat(CalendarWords.WEEKDAYS).hasSize(7).startsWith("monday");
  }

  @Test
  void otherWordsAreNot() {
    assertThat(CalendarWords.isCalendarWord("Mayor")).isFalse();
    assertThat(CalendarWords.isCalendarWord("morning")).isFalse();
    assertThat(CalendarWords.isCalendarWord("Tehran")).isFalse();
  }

  @Test
  void dottedCapitalIUnderTheTurkishLocaleIsStillFound() {
    // "FRIDAY" lower-cased under tr_TR would give a dotless ı and miss.
    assertThat(CalendarWords.isCalendarWord("FRIDAY")).isTrue();
  }
}
