/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.model.Schema;

class NameMatcherTest {

  private final NameMatcher matcher = new NameMatcher();

  private double score(String a, String b, Schema schema) {
    return matcher.compare(a, b, schema).score();
  }

  @Test
  void identicalNamesScoreOne() {
    assertThat(score("Olaf Scholz", "Olaf Scholz", Schema.PERSON)).isEqualTo(1.0);
  }

  @Test
  void personNameOrderDoesNotMatter() {
    assertThat(score("SALEK, ABDULHAI", "ABDULHAI SALEK", Schema.PERSON)).isGreaterThan(0.95);
  }

  @Test
  void spellingVariantsOfOneNameMatchAndAreExplained() {
    NameComparison result = matcher.compare("Ghasem Soleymani", "Qasem Soleimani", Schema.PERSON);
    assertThat(result.score()).isGreaterThan(0.85);
    assertThat(result.explanation().aligned())
        .extracting(PartAlignment::kind)
        .containsOnly(AlignmentKind.VARIANT);
  }

  @Test
  void transliteratedPersianNameMatchesLatinListEntry() {
    assertThat(score("قاسم سلیمانی", "Qasem Soleimani", Schema.PERSON)).isGreaterThan(0.8);
    assertThat(score("صدام حسين التكريتي", "SADDAM HUSSEIN AL-TIKRITI", Schema.PERSON))
        .isGreaterThan(0.8);
  }

  @Test
  void typoIsFuzzyWithItsDistance() {
    NameComparison result = matcher.compare("Olaf Scholze", "Olaf Scholz", Schema.PERSON);
    assertThat(result.score()).isGreaterThan(0.8);
    PartAlignment fuzzy =
        result.explanation().aligned().stream()
            .filter(a -> a.kind() == AlignmentKind.FUZZY)
            .findFirst()
            .orElseThrow();
    assertThat(fuzzy.distance()).isEqualTo(1);
    assertThat(result.explanation().describe()).contains("scholze~scholz (fuzzy, 1 edit)");
  }

  @Test
  void initialsAndMissingMiddleNamesStillMatch() {
    assertThat(score("J. Smith", "John Smith", Schema.PERSON)).isGreaterThan(0.8);
    assertThat(score("AKHTAR MANSOUR", "AKHTAR MOHAMMAD MANSOUR", Schema.PERSON))
        .isGreaterThan(0.75);
  }

  @Test
  void differentFirstNameWithSameSurnameDoesNotMatch() {
    assertThat(score("Octavian Scholz", "Olaf Scholz", Schema.PERSON)).isLessThan(0.6);
    NameComparison result = matcher.compare("Octavian Scholz", "Olaf Scholz", Schema.PERSON);
    assertThat(result.explanation().unmatchedQueryParts()).containsExactly("octavian");
    assertThat(result.explanation().unmatchedCandidateParts()).containsExactly("olaf");
  }

  @Test
  void georgeBushDoesNotMatchHabbash() {
    assertThat(score("George Bush", "Habbash", Schema.PERSON)).isLessThan(0.3);
    assertThat(score("George Bush", "George Habbash", Schema.PERSON)).isLessThan(0.6);
  }

  @Test
  void bareLegalFormDoesNotMatchCompanies() {
    assertThat(score("CORP", "ACME CORP", Schema.COMPANY)).isEqualTo(0.0);
    assertThat(score("Company", "Tactical Missiles Company", Schema.COMPANY)).isEqualTo(0.0);
  }

  @Test
  void legalFormsAreIgnoredAndReported() {
    NameComparison result =
        matcher.compare("Iskusstvo Krasoty LLC", "OOO Iskusstvo Krasoty", Schema.COMPANY);
    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.explanation().droppedLegalForms()).containsExactly("llc", "ooo");
  }

  @Test
  void commonPartsAloneAreWeakEvidence() {
    assertThat(score("Mohammad Ali", "Mohammad Ali Rezaei Khorasani", Schema.PERSON))
        .isLessThan(0.7);
  }

  @Test
  void joinedAndSplitPartsAlign() {
    assertThat(score("AlisherUsmanov", "Alisher Usmanov", Schema.PERSON)).isGreaterThan(0.85);
  }

  @Test
  void acronymMatchesTheWordsItAbbreviates() {
    assertThat(score("PLA", "People's Liberation Army", Schema.ORGANIZATION)).isGreaterThan(0.8);
  }

  @Test
  void sameScriptNamesCompareInTheirOwnScript() {
    assertThat(score("高石早苗", "高市早苗", Schema.PERSON)).isLessThan(0.7);
    assertThat(score("Сергей Лавров", "Сергей Лавров", Schema.PERSON)).isEqualTo(1.0);
  }

  @Test
  void emptyOrPunctuationNamesScoreZero() {
    assertThat(score("", "Olaf Scholz", Schema.PERSON)).isEqualTo(0.0);
    assertThat(score("?!.,", "Olaf Scholz", Schema.PERSON)).isEqualTo(0.0);
  }
}
