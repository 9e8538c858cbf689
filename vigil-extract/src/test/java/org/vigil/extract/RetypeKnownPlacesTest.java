/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetypeKnownPlacesTest {
  private static Mention org(String name) {
    return new Mention(
        name,
        MentionType.ORGANIZATION,
        0,
        name.length(),
        "x",
        Optional.empty(),
        Optional.empty(),
        "corenlp:ner",
        0.9);
  }

  @Test
  void cityTheRecogniserTookForAnOrganisationIsAPlace() {
    assertThat(RetypeKnownPlaces.apply(Places.shared(), List.of(org("Istanbul"))))
        .singleElement()
        .satisfies(m -> assertThat(m.type()).isEqualTo(MentionType.LOCATION));
  }

  @Test
  void datelineCityInCapitalsIsThePlace() {
    Mention place = RetypeKnownPlaces.apply(Places.shared(), List.of(org("ISTANBUL"))).get(0);

    assertThat(place.type()).isEqualTo(MentionType.LOCATION);
    assertThat(place.entityId()).isEqualTo(EntityIds.forName(MentionType.LOCATION, "Istanbul"));
  }

  @Test
  void countryWithItsArticleIsAPlace() {
    assertThat(
            RetypeKnownPlaces.apply(Places.shared(), List.of(org("the Netherlands"))).get(0).type())
        .isEqualTo(MentionType.LOCATION);
  }

  @Test
  void organisationNamedAfterAPlaceStaysAnOrganisation() {
    Mention police = org("Istanbul Police");

    assertThat(RetypeKnownPlaces.apply(Places.shared(), List.of(police))).containsExactly(police);
  }
}
