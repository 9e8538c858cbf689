/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/** What the entity page says of an entity's places: placed, or left unplaced with the reason. */
class StatedPlacesTest {
  private static final Source SOURCE =
      new Source(
          "src-places",
          SourceKind.DOCUMENT,
          "places",
          Reliability.B,
          Marking.of(Tlp.GREEN, "org-a"),
          Optional.empty(),
          Optional.empty(),
          Instant.parse("2026-12-07T00:00:00Z"));

  private static Statement fact(String property, String value) {
    return Statement.about("p1", Schema.PERSON)
        .set(property, value)
        .from(SOURCE)
        .extractor("test", 1.0)
        .build();
  }

  @Test
  void anAmbiguousPlaceIsLeftUnplacedWithItsReasonAndACountryInContextPlacesAnother() {
    Entity e =
        Entity.assemble(
            "p1",
            List.of("p1"),
            List.of(
                fact("name", "A Person"),
                fact("birthPlace", "Georgia"),
                fact("address", "Tbilisi"),
                fact("address", "Tbilisi")));
    List<StatedPlaces.Stated> places = StatedPlaces.of(e);
    assertThat(places).hasSize(2);
    Geocoding georgia =
        places.stream()
            .filter(p -> p.property().equals("birthPlace"))
            .findFirst()
            .orElseThrow()
            .geocoding();
    assertThat(georgia).isInstanceOf(Geocoding.Unplaced.class);
    assertThat(((Geocoding.Unplaced) georgia).why()).contains("United States");
    assertThat(
            places.stream()
                .filter(p -> p.property().equals("address"))
                .findFirst()
                .orElseThrow()
                .geocoding())
        .isInstanceOf(Geocoding.Placed.class);

    Entity georgian =
        Entity.assemble(
            "p1",
            List.of("p1"),
            List.of(
                fact("name", "A Person"),
                fact("nationality", "ge"),
                fact("birthPlace", "Georgia")));
    assertThat(StatedPlaces.of(georgian)).hasSize(1);
    assertThat(StatedPlaces.of(georgian).get(0).geocoding()).isInstanceOf(Geocoding.Placed.class);
    assertThat(StatedPlaces.of(Entity.assemble("p1", List.of("p1"), List.of(fact("name", "X")))))
        .isEmpty();
  }
}
