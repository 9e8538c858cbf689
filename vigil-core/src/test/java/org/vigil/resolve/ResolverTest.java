/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

class ResolverTest {
  private final Resolver resolver = new Resolver();

  private static ResolutionRecord org(String id, String doc, String... names) {
    return ResolutionRecord.named(id, Schema.ORGANIZATION, names).withDocuments(Set.of(doc));
  }

  private static ResolutionRecord person(String id, String doc, String... names) {
    return ResolutionRecord.named(id, Schema.PERSON, names).withDocuments(Set.of(doc));
  }

  private static boolean together(ResolutionResult result, String a, String b) {
    return result.clusters().stream().anyMatch(c -> c.contains(a) && c.contains(b));
  }

  @Test
  void misspeltAcronymInOneReportResolvesWithItsOriginal() {
    ResolutionResult result =
        resolver.resolve(List.of(org("x-irgc", "doc-1", "IRGC"), org("x-ircg", "doc-1", "IRCG")));

    assertTrue(together(result, "x-irgc", "x-ircg"));
    PairScore merge = result.merges().get(0);
    assertTrue(
        merge.reasons().contains("name: IRCG ~ IRGC (one transposition)")
            || merge.reasons().contains("name: IRGC ~ IRCG (one transposition)"),
        merge.reasons().toString());
  }

  @Test
  void misspeltAcronymsInDifferentReportsWaitForReview() {
    ResolutionResult result =
        resolver.resolve(List.of(org("x-irgc", "doc-1", "IRGC"), org("x-ircg", "doc-2", "IRCG")));

    assertTrue(result.merges().isEmpty());
    assertEquals(1, result.review().size());
  }

  @Test
  void acronymOfALongNameIsAMatch() {
    ResolutionResult result =
        resolver.resolve(
            List.of(
                org("x-long", "doc-1", "Ministry of Intelligence and Security"),
                org("x-short", "doc-1", "MOIS")));

    assertTrue(together(result, "x-long", "x-short"));
    assertTrue(
        result.merges().get(0).reasons().get(0).contains("is the acronym of"),
        result.merges().get(0).reasons().toString());
  }

  @Test
  void sameFullNameInTwoReportsMerges() {
    ResolutionResult result =
        resolver.resolve(
            List.of(
                person("esmaeil-khatib", "demo-profile", "Esmaeil Khatib"),
                person("x-person-1", "doc-2", "Esmaeil Khatib")));

    assertEquals(List.of(List.of("esmaeil-khatib", "x-person-1")), result.clusters());
    assertEquals(1.0, result.merges().get(0).score());
  }

  @Test
  void sharedAliasAloneNeverMerges() {
    ResolutionResult result =
        resolver.resolve(
            List.of(
                org("apt-a", "catalogue-a", "Sofacy Group", "Fancy Bear"),
                org("apt-b", "catalogue-b", "Lazarus", "Fancy Bear")));

    assertTrue(result.merges().isEmpty());
    assertEquals(1, result.review().size());
    assertTrue(
        result.review().get(0).pair().reasons().stream().anyMatch(r -> r.contains("only aliases")));
  }

  @Test
  void conflictingNationalityOrBirthDateForbidsTheMerge() {
    ResolutionRecord a = person("p-1", "doc-1", "Ali Reza Hosseini").withCountries(List.of("ir"));
    ResolutionRecord b = person("p-2", "doc-1", "Ali Reza Hosseini").withCountries(List.of("af"));
    ResolutionRecord c =
        person("p-3", "doc-1", "Ali Reza Hosseini")
            .withBirthDates(List.of(PartialDate.parse("1961")));
    ResolutionRecord d =
        person("p-4", "doc-1", "Ali Reza Hosseini")
            .withBirthDates(List.of(PartialDate.parse("1975-03-02")));

    ResolutionResult result = resolver.resolve(List.of(a, b, c, d));

    assertFalse(together(result, "p-1", "p-2"));
    assertFalse(together(result, "p-3", "p-4"));
    PairScore ab =
        result.review().stream()
            .map(ReviewItem::pair)
            .filter(p -> p.left().equals("p-1") && p.right().equals("p-2"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("nationality: ir vs af"), ab.conflicts());
  }

  @Test
  void aChainOfMergesNeverJoinsRecordsInConflict() {
    // p-2 has no birth date, so it may join either; p-1 and p-3 may not end up together.
    ResolutionRecord a =
        person("p-1", "doc-1", "Hassan Nasser").withBirthDates(List.of(PartialDate.parse("1960")));
    ResolutionRecord b = person("p-2", "doc-1", "Hassan Nasser");
    ResolutionRecord c =
        person("p-3", "doc-1", "Hassan Nasser").withBirthDates(List.of(PartialDate.parse("1980")));

    ResolutionResult result = resolver.resolve(List.of(a, b, c));

    assertFalse(together(result, "p-1", "p-3"));
    assertEquals(1, result.merges().size());
    assertTrue(
        result.review().stream()
            .anyMatch(
                r ->
                    r.pair()
                        .reasons()
                        .contains("not merged: it would join records that conflict")));
  }

  @Test
  void twoEntriesOfOneListAreNeverMerged() {
    ResolutionResult result =
        resolver.resolve(
            List.of(
                ResolutionRecord.named("sdn-1", Schema.PERSON, "Mohammad Ali Rezaei")
                    .listedIn("sdn"),
                ResolutionRecord.named("sdn-2", Schema.PERSON, "Mohammad Ali Rezaei")
                    .listedIn("sdn")));

    assertTrue(result.merges().isEmpty());
  }

  @Test
  void aPersonAndAnOrganisationAreNeverPaired() {
    ResolutionResult result =
        resolver.resolve(List.of(person("p", "doc-1", "Hamas"), org("o", "doc-1", "Hamas")));

    assertTrue(result.merges().isEmpty());
    assertTrue(result.review().isEmpty());
  }

  @Test
  void analystsJudgementsAreRespected() {
    List<ResolutionRecord> records =
        List.of(person("a", "doc-1", "Noori al-Maliki"), person("b", "doc-2", "Noori Maliki"));

    assertEquals(1, resolver.resolve(records).merges().size());
    ResolutionResult apart =
        resolver.resolve(records, Set.of(RecordPair.of("b", "a")), Set.of(RecordPair.of("a", "b")));
    assertTrue(apart.merges().isEmpty());
    assertTrue(apart.review().isEmpty());
  }

  @Test
  void reviewQueueRanksPairsThatMatterFirst() {
    ResolutionRecord quiet1 = person("q1", "doc-1", "Salah al-Din");
    ResolutionRecord quiet2 = person("q2", "doc-2", "Salahddin");
    ResolutionRecord loud1 = person("l1", "doc-1", "Hussein Dheqan").withWeight(40, 12, 1.0);
    ResolutionRecord loud2 = person("l2", "doc-3", "Husein Dhiqan").withWeight(5, 2, 0.0);

    ResolutionResult result = resolver.resolve(List.of(quiet1, quiet2, loud1, loud2));

    assertEquals(2, result.review().size(), result.review().toString());
    assertEquals("l1", result.review().get(0).pair().left());
    assertTrue(result.review().get(0).impact() > result.review().get(1).impact());
  }
}
