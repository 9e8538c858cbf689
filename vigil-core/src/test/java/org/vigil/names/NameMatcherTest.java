/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aRotatedNameWithAConnectorTwiceKeepsItsOrder() {
    // "Bin" twice on each side pairs either way; only one way keeps the rotated order
    assertThat(
            score(
                "AL BIN NASSER, Hamad Bin Khalifa",
                "Hamad Bin Khalifa Al Bin Nasser",
                Schema.PERSON))
        .isGreaterThan(0.95);
    assertThat(score("Salman bin Muhammad", "Muhammad bin Salman", Schema.PERSON)).isLessThan(0.7);
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

  @Test
  void nicknameMatchesTheFormalGivenName() {
    NameComparison result = matcher.compare("Bill Harding", "William Harding", Schema.PERSON);
    assertThat(result.score()).isGreaterThan(0.8);
    assertThat(result.explanation().aligned())
        .extracting(PartAlignment::kind)
        .contains(AlignmentKind.NICKNAME);
    assertThat(score("Ted Morrow", "Theodore Morrow", Schema.PERSON)).isGreaterThan(0.8);
    assertThat(score("Ted Morrow", "Edward Morrow", Schema.PERSON)).isGreaterThan(0.8);
  }

  @Test
  void nicknamesOnlyCountForPeople() {
    assertThat(score("Bill Shipping", "William Shipping", Schema.COMPANY)).isLessThan(0.7);
  }

  @Test
  void consonantInitialsStandForACompoundGivenName() {
    assertThat(score("JP Morel", "Jean-Pierre Morel", Schema.PERSON)).isGreaterThan(0.8);
  }

  @Test
  void masculineAndFeminineOfOneGivenNameAreDifferentPeople() {
    assertThat(score("Mario Lombardi", "Maria Lombardi", Schema.PERSON)).isLessThan(0.7);
    assertThat(score("Roberto Lombardi", "Roberta Lombardi", Schema.PERSON)).isLessThan(0.7);
  }

  @Test
  void patronymicOnOneSideOnlyCostsLittle() {
    assertThat(score("Ivan Petrov", "Ivan Sergeyevich Petrov", Schema.PERSON))
        .isGreaterThan(score("Ivan Petrov", "Ivan Sergey Petrov", Schema.PERSON))
        .isGreaterThan(0.75);
  }

  @Test
  void swappedPartsAroundBinAreFatherAndSon() {
    assertThat(score("Khalid bin Yusuf al-Hashimi", "Khalid bin Yusuf al-Hashimi", Schema.PERSON))
        .isEqualTo(1.0);
    assertThat(score("Khalid bin Yusuf al-Hashimi", "Yusuf bin Khalid al-Hashimi", Schema.PERSON))
        .isLessThan(0.7);
  }

  @Test
  void differingSeriesNumbersAreSiblingsButAMissingNumberIsNot() {
    assertThat(score("Harbour Growth Fund II L.P.", "Harbour Growth Fund III L.P.", Schema.COMPANY))
        .isGreaterThanOrEqualTo(0.7);
    assertThat(score("Harbour Growth Fund 2014-1", "Harbour Growth Fund 2015-1", Schema.COMPANY))
        .isGreaterThanOrEqualTo(0.7);
    assertThat(score("Harbour Growth Fund", "Harbour Growth Fund II", Schema.COMPANY))
        .isLessThan(0.7);
  }

  @Test
  void aLetterWrittenTwiceIsASlipEvenInAShortPart() {
    NameComparison c = matcher.compare("Pak Chol-uun", "Pak Chol-un", Schema.PERSON);
    assertThat(c.score()).isGreaterThanOrEqualTo(0.85);
    assertThat(c.explanation().inWords()).contains("differ by 1 letter");
    assertThat(score("Abdurrahim Qasemi", "Abdurahim Qasemi", Schema.PERSON))
        .isGreaterThanOrEqualTo(0.85);
    // another letter, not a doubled one
    assertThat(score("Pak Chol-an", "Pak Chol-un", Schema.PERSON)).isLessThan(0.7);
  }

  @Test
  void anOrganisationWithAnotherBusinessWordIsAnotherCompanyButACountryNamesABranch() {
    assertThat(score("Kestrel Bank", "Kestrel Bank Trust Company", Schema.COMPANY)).isLessThan(0.7);
    assertThat(score("Nordwind", "NORDWIND SYSTEMS LTD", Schema.COMPANY)).isLessThan(0.7);
    assertThat(score("Kestrel Bank", "Kestrel Bank (Deutschland) AG", Schema.COMPANY))
        .isGreaterThanOrEqualTo(0.85);
    assertThat(score("Nordwind", "NORDWIND EUROPE LTD", Schema.COMPANY))
        .isGreaterThanOrEqualTo(0.8);
    NameComparison branch =
        matcher.compare("Nordwind Energy", "Nordwind Energy (Polska) Sp. z o.o.", Schema.COMPANY);
    assertThat(branch.score()).isGreaterThanOrEqualTo(0.9);
    assertThat(branch.explanation().inWords())
        .contains("a place only the list's name names: polska (a branch or a national subsidiary");
  }

  @Test
  void aWordOneLetterOffTheOtherNamesLegalFormIsThatLegalFormMisspelt() {
    assertThat(score("Borvik Shipping AG", "Borvik Shipping AkG", Schema.COMPANY))
        .isGreaterThanOrEqualTo(0.95);
    // a real word is no misspelt legal form however short the form
    assertThat(score("Borvik Shipping AG", "Borvik Shipping Akron", Schema.COMPANY))
        .isLessThan(0.7);
  }

  @Test
  void numberWordsMatchDigits() {
    assertThat(score("Battalion Thirty-Two", "Battalion 32", Schema.ORGANIZATION)).isEqualTo(1.0);
  }

  @Test
  void partsWrittenApartInArabicScriptMatchOneLatinPart() {
    NameComparison result = matcher.compare("نعمت الله", "Nematullah", Schema.PERSON);
    assertThat(result.score()).isGreaterThanOrEqualTo(0.7);
    assertThat(result.explanation().aligned())
        .extracting(PartAlignment::kind)
        .containsExactly(AlignmentKind.JOINED);
  }

  @Test
  void longVowelsWrittenInArabicScriptMustAppearInTheLatinSpelling() {
    assertThat(score("حسین کریمی", "Hossein Karimi", Schema.PERSON)).isGreaterThan(0.7);
    assertThat(score("حسین کریمی", "Hassan Karimi", Schema.PERSON)).isLessThan(0.7);
    assertThat(score("حسن احمدی", "Hasan Ahmadi", Schema.PERSON)).isGreaterThan(0.7);
    assertThat(score("حسن احمدی", "Hasan Ahmad", Schema.PERSON)).isLessThan(0.7);
  }

  @Test
  void extraSyllableOfAChineseGivenNameMakesAnotherName() {
    assertThat(score("王小明", "WANG Xiao", Schema.PERSON)).isLessThan(0.7);
    assertThat(score("王小", "WANG Xiao", Schema.PERSON)).isGreaterThan(0.8);
  }

  @Test
  void pashtoNameMatchesEitherRomanisationOfItsOwnLetter() {
    NameComparison zadran =
        matcher.compare("محمد عمر ځدران", "MUHAMMAD OMAR ZADRAN", Schema.PERSON);
    assertThat(zadran.score()).isGreaterThan(0.8);
    assertThat(zadran.explanation().describe()).contains("ځدران [zdran]~zadran (same consonants)");
    assertThat(score("محمد عمر ځدران", "Mohammad-Omar JADRAN", Schema.PERSON)).isGreaterThan(0.8);
  }

  @Test
  void persianLettersReadAsPersianMatchTheirPersianSpellings() {
    assertThat(score("احمد فاضلیان", "Ahmad FAZELIAN", Schema.PERSON)).isGreaterThan(0.8);
    assertThat(score("مرتضی براتی", "Morteza BARATI", Schema.PERSON)).isGreaterThan(0.8);
    assertThat(score("خالد شومان", "Khaled CHOUMAN", Schema.PERSON)).isGreaterThan(0.8);
  }

  @Test
  void seyyedIsAnHonorificThatMayBeMissing() {
    assertThat(score("Seyed Abdolrahim Mousavi", "Abdolrahim MOUSAVI", Schema.PERSON))
        .isGreaterThan(0.8);
    assertThat(score("عبدالرحیم موسوی", "Sayyed Abdolrahim MOUSAVI", Schema.PERSON))
        .isGreaterThan(0.75);
    // Seyyed is not Saeed
    assertThat(matcher.compare("Seyed Ali", "Saeed Ali", Schema.PERSON).explanation().aligned())
        .noneMatch(a -> a.kind() == AlignmentKind.VARIANT && a.queryPart().equals("seyed"));
  }

  @Test
  void persianCompoundEndingsMatchWrittenTogetherOrApart() {
    assertThat(score("Mohammad Akhundzadeh", "Mohammad Akhund Zadeh", Schema.PERSON))
        .isGreaterThan(0.9);
    assertThat(score("احمد جان آخوندزاده", "Ahmad Jan AKHUNDZADA", Schema.PERSON))
        .isGreaterThan(0.75);
  }

  @Test
  void translatedOrganisationNameMatchesWordByWordAndSaysSo() {
    NameComparison result =
        matcher.compare(
            "سازمان جغرافیایی نیروهای مسلح",
            "ARMED FORCES GEOGRAPHICAL ORGANISATION",
            Schema.ORGANIZATION);
    assertThat(result.score()).isGreaterThan(0.8);
    assertThat(result.explanation().aligned())
        .extracting(PartAlignment::kind)
        .containsOnly(AlignmentKind.TRANSLATION);
    assertThat(result.explanation().describe())
        .contains("سازمان [sazman]~organisation (translation)");
  }

  @Test
  void aLatinNameBeginningWithAVowelIsNotAnArabicNameBeginningWithAConsonant() {
    // the same two consonants, but Unsi begins with a vowel and ناز with a consonant
    assertThat(matcher.compare("ناز", "Unsi", Schema.PERSON).explanation().aligned()).isEmpty();
    // Mahdawi has a w that مهدی has not
    assertThat(score("مهدی", "Mahdawi", Schema.PERSON)).isLessThan(0.5);
  }

  @Test
  void namesWeighedOnceCompareAsTheNamesDo() {
    NameMatcher matcher = new NameMatcher();
    NameNormaliser normaliser = matcher.normaliser();
    NormalisedName query = normaliser.normalise("Ghasem Soleymani", Schema.PERSON);
    NormalisedName listed = normaliser.normalise("SOLEIMANI, Qasem", Schema.PERSON);
    NormalisedName persian = normaliser.normalise("قاسم سلیمانی", Schema.PERSON);

    assertThat(matcher.score(matcher.weigh(query), matcher.weigh(listed), Schema.PERSON))
        .isEqualTo(matcher.score(query, listed, Schema.PERSON))
        .isGreaterThan(0.7);
    assertThat(matcher.compare(matcher.weigh(persian), matcher.weigh(listed), Schema.PERSON))
        .isEqualTo(matcher.compare(persian, listed, Schema.PERSON));
  }

  @Test
  void aNameWeighedByAnotherMatcherIsRefused() {
    NameMatcher matcher = new NameMatcher();
    NameMatcher other =
        new NameMatcher(TokenWeights.fromFrequencies(java.util.Map.of("qasem", 40), 50));
    NormalisedName name = matcher.normaliser().normalise("Qasem Soleimani", Schema.PERSON);

    assertThatThrownBy(() -> matcher.score(matcher.weigh(name), other.weigh(name), Schema.PERSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Qasem Soleimani");
  }
}
