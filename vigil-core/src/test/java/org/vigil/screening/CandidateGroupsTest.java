/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

class CandidateGroupsTest {

  private static ListEntry entry(String id, Schema schema, String name, String dob, String remark) {
    return new ListEntry(
        id,
        schema,
        name,
        List.of(),
        dob.isEmpty() ? List.of() : List.of(PartialDate.parse(dob)),
        List.of("ir"),
        List.of("IRGC"),
        Optional.empty(),
        "test",
        remark.isEmpty() ? List.of() : List.of(remark));
  }

  private static ListRelease release(String dataset, ListEntry... entries) {
    return new ListRelease(dataset, Optional.empty(), "0".repeat(64), List.of(entries));
  }

  private final Screener screener =
      Screener.build(
          List.of(
              release(
                  "OFAC SDN",
                  entry("7440", Schema.PERSON, "SOLEIMANI, Qasem", "1957-03-11", "POB Qom"),
                  entry("9000", Schema.PERSON, "SOLEYMANI, Ghasem", "1966-01-01", ""),
                  entry("9100", Schema.VESSEL, "QASEM SOLEIMANI", "", "")),
              release(
                  "UN SC",
                  entry("IRi.039", Schema.PERSON, "Qasem Soleimani", "1957-03-11", ""),
                  entry("IRi.040", Schema.PERSON, "Ghasem Soleymani", "1971", ""))));

  private List<CandidateGroups.Group> groups(ScreeningQuery query) {
    return CandidateGroups.of(screener.screen(query.withThreshold(0.3)), screener);
  }

  private static List<String> ids(CandidateGroups.Group group) {
    return group.members().stream()
        .map(c -> c.match().dataset() + " " + c.match().entityId())
        .toList();
  }

  @Test
  void onePersonsEntriesOnTwoListsAreOneCandidate() {
    List<CandidateGroups.Group> groups =
        groups(ScreeningQuery.of("Qasem Soleimani").withSchema(Schema.PERSON));

    assertThat(groups)
        .anySatisfy(
            g -> assertThat(ids(g)).containsExactlyInAnyOrder("OFAC SDN 7440", "UN SC IRi.039"));
  }

  @Test
  void sameNameWithDifferentBirthDatesStaysApart() {
    List<CandidateGroups.Group> groups =
        groups(ScreeningQuery.of("Ghasem Soleymani").withSchema(Schema.PERSON));

    assertThat(groups)
        .noneSatisfy(g -> assertThat(ids(g)).contains("OFAC SDN 9000", "UN SC IRi.040"));
    assertThat(groups.stream().flatMap(g -> ids(g).stream()))
        .contains("OFAC SDN 9000", "UN SC IRi.040");
  }

  @Test
  void entriesOfOneListAndOfOtherSchemataAreNeverGrouped() {
    List<CandidateGroups.Group> groups = groups(ScreeningQuery.of("Qasem Soleimani"));

    for (CandidateGroups.Group g : groups) {
      assertThat(g.members().stream().map(c -> c.match().dataset()).distinct().count())
          .isEqualTo(g.members().size());
      assertThat(g.members().stream().map(c -> c.match().schema()).distinct()).hasSize(1);
    }
    assertThat(groups.stream().flatMap(g -> ids(g).stream())).contains("OFAC SDN 9100");
  }

  @Test
  void eachCandidateCarriesWhatItsListSays() {
    CandidateGroups.Candidate best =
        groups(ScreeningQuery.of("Qasem Soleimani").withSchema(Schema.PERSON)).get(0).best();

    ListEntry entry = best.entry().orElseThrow();
    assertThat(entry.birthDates()).containsExactly(PartialDate.parse("1957-03-11"));
    assertThat(entry.programs()).containsExactly("IRGC");
    assertThat(screener.entry("OFAC SDN", "7440").orElseThrow().remarks())
        .containsExactly("POB Qom");
    assertThat(screener.entry("OFAC SDN", "no-such")).isEmpty();
  }

  @Test
  void aPersonQueryRanksAVesselOfTheSameNameBelowThePeopleAndSaysWhy() {
    List<ScreeningMatch> matches =
        screener
            .screen(
                ScreeningQuery.of("Qasem Soleimani").withSchema(Schema.PERSON).withThreshold(0.3))
            .matches();

    ScreeningMatch vessel =
        matches.stream().filter(m -> m.schema() == Schema.VESSEL).findFirst().orElseThrow();
    assertThat(matches.indexOf(vessel)).isGreaterThan(1);
    assertThat(vessel.evidence()).anySatisfy(e -> assertThat(e).contains("schema differs"));
  }
}
