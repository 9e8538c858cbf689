/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.places.Geocoding;
import org.vigil.places.Place;

/** A case entity's movements: its placed, dated events in time order, one stop per event. */
class CasePlacesTest {
  private static final Place ISTANBUL = new Place("Istanbul", "TR", "34", 41.01, 28.95);
  private static final Place TEHRAN = new Place("Tehran", "IR", "26", 35.69, 51.39);

  private static CaseView.Item person(String id) {
    return new CaseView.Item(id, id, "Person", "/entities/" + id, Optional.empty());
  }

  private static CaseView.Located event(String id, String date, Geocoding where, String... who) {
    return new CaseView.Located(
        id,
        id,
        "Event",
        "/entities/" + id,
        "location",
        "2026-12-07",
        Optional.ofNullable(date),
        Optional.empty(),
        List.of(who),
        where);
  }

  @Test
  void anEntityInvolvedInTwoPlacedDatedEventsHasAPathInTimeOrder() {
    Geocoding istanbul = new Geocoding.Placed("Istanbul", ISTANBUL, "the only place");
    Geocoding tehran = new Geocoding.Placed("Tehran", TEHRAN, "the only place");
    Geocoding maryland =
        new Geocoding.Unplaced("Maryland", Geocoding.Reason.UNKNOWN, "no such place");
    List<CaseView.Located> places =
        List.of(
            event("e-late", "2023-05", tehran, "chaab"),
            event("e-early", "2020-10", istanbul, "chaab", "other"),
            event("e-early", "2020-10", tehran, "chaab"), // a second place of one event
            event("e-unplaced", "2021", maryland, "chaab"),
            event("e-undated", null, istanbul, "chaab"),
            event("e-one", "2019", istanbul, "other"));
    List<CaseView.Path> paths =
        CasePlaces.paths(List.of(person("chaab"), person("other"), person("none")), places);
    assertThat(paths).hasSize(2);
    CaseView.Path chaab = paths.get(0);
    assertThat(chaab.entityId()).isEqualTo("chaab");
    assertThat(chaab.stops())
        .extracting(CaseView.Located::entityId)
        .containsExactly("e-early", "e-late");
    assertThat(chaab.stops().get(0).geocoding()).isEqualTo(istanbul);
    assertThat(paths.get(1).stops())
        .extracting(l -> l.date().orElseThrow())
        .containsExactly("2019", "2020-10");
  }
}
