/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.ReportFixture.names;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A third news-style report written for issue 12's check (session 10: another country, service and
 * wording than the first two): a defection from a service whose acronym does not spell its name's
 * initials, a suspected abduction by its agents alleged by a newspaper and denied by the
 * government, and an arrest of two people listed beside a description. Three rules were fixed on
 * what it first showed (the defector was read as the acronym, the acronym's later use as a place,
 * and only the first of the listed people arrested), so it is no longer unseen text.
 */
class ExileReportTest {
  private static Extraction read;

  @BeforeAll
  static void read() {
    read = ReportFixture.read("exile-report.txt");
  }

  private static List<ExtractedEvent> events(String kind) {
    return ReportFixture.events(read, kind);
  }

  @Test
  void defectorIsTheOfficerNotTheServiceHeLeft() {
    assertThat(events("defection"))
        .anySatisfy(
            e -> {
              assertThat(names(e, "defector")).containsExactly("A senior officer");
              assertThat(names(e, "from")).isNotEmpty();
              assertThat(names(e, "to")).contains("Colombia");
              assertThat(e.attribution().claimant().map(Mention::text))
                  .hasValue("the Colombian foreign ministry");
            });
  }

  @Test
  void suspectedAbductionByAgentsOfTheServiceIsAllegedAndDenied() {
    assertThat(events("kidnapping"))
        .anySatisfy(
            e -> {
              assertThat(names(e, "victim")).contains("Carmen Villalba");
              assertThat(names(e, "perpetrator")).isNotEmpty();
              assertThat(e.attribution().claimant().map(Mention::name)).hasValue("El Pais");
              assertThat(e.attribution().stance()).isEqualTo(Stance.ALLEGES);
            });
    assertThat(read.claims())
        .anySatisfy(
            c -> {
              assertThat(c.claimant().name()).isEqualTo("Caracas");
              assertThat(c.stance()).isEqualTo(Stance.DENIES);
            });
  }

  @Test
  void everyPersonListedBesideTheDescriptionIsArrested() {
    assertThat(events("arrest"))
        .anySatisfy(e -> assertThat(names(e, "subject")).contains("Pedro Linares", "Jose Marquez"));
  }
}
