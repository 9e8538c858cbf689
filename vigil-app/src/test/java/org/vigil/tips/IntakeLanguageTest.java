/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntakeLanguageTest {
  @Test
  void everyRefusalHasItsOwnSentenceInEachLanguage() {
    for (IntakeProblem p : IntakeProblem.values()) {
      String en = IntakeLanguage.EN.problem(p, 10, 25);
      for (IntakeLanguage l : IntakeLanguage.values()) {
        String said = l.problem(p, 10, 25);
        assertFalse(said.isBlank(), l + " " + p);
        assertFalse(said.contains("%s"), l + " " + p + ": " + said);
        if (l != IntakeLanguage.EN) {
          assertNotEquals(en, said, l + " " + p + " is not translated");
        }
      }
    }
  }

  @Test
  void theSizeRefusalNamesBothCaps() {
    assertTrue(
        IntakeLanguage.EN.problem(IntakeProblem.TOO_LARGE, 10, 25).contains("at most 10 MB"));
    assertTrue(
        IntakeLanguage.EN.problem(IntakeProblem.TOO_LARGE, 10, 25).contains("at most 25 MB"));
    assertTrue(IntakeLanguage.FA.problem(IntakeProblem.TOO_LARGE, 10, 25).contains("25"));
    assertTrue(IntakeLanguage.AR.problem(IntakeProblem.TOO_LARGE, 10, 25).contains("25"));
  }

  @Test
  void aTipsterWithoutJavaScriptIsToldWhatTurningItOnWouldChange() {
    assertTrue(
        IntakeLanguage.EN.problem(IntakeProblem.BUSY_UNPROVEN, 10, 25).contains("JavaScript"));
    assertTrue(
        IntakeLanguage.FA.problem(IntakeProblem.BUSY_UNPROVEN, 10, 25).contains("جاوااسکریپت"));
    assertTrue(
        IntakeLanguage.AR.problem(IntakeProblem.BUSY_UNPROVEN, 10, 25).contains("جافاسكريبت"));
  }
}
