/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.cases.CaseView;
import org.vigil.places.Geocoding;
import org.vigil.places.Place;

/** The case map's JSON block: valid JSON, unplaced names counted, and no text can close it. */
class CaseMapDataTest {
  @Test
  void theMapDataIsJsonThatNoNameCanBreakOutOf() throws Exception {
    Place tehran = new Place("Tehran", "IR", "26", 35.69, 51.39);
    String hostile = "</script><script>alert(1)</script> & \u2028";
    CaseView.Located placed =
        new CaseView.Located(
            "e1",
            hostile,
            "Event",
            "/entities/e1",
            "location",
            "2026-12-07",
            Optional.of("2020-10"),
            Optional.of(2),
            List.of("p1"),
            new Geocoding.Placed("Tehran", tehran, "the only place"));
    CaseView.Located unplaced =
        new CaseView.Located(
            "e2",
            "Somewhere",
            "Person",
            "/entities/e2",
            "birthPlace",
            "2026-12-07",
            Optional.empty(),
            Optional.empty(),
            List.of(),
            new Geocoding.Unplaced("Georgia", Geocoding.Reason.COUNTRY_OR_DIVISION, "which?"));
    String json = CaseMapData.json(List.of(placed, unplaced), List.of());
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    JsonNode read = new ObjectMapper().readTree(json);
    assertThat(read.get("unplaced").asInt()).isEqualTo(1);
    assertThat(read.get("markers")).hasSize(1);
    JsonNode m = read.get("markers").get(0);
    assertThat(m.get("entity").asText()).isEqualTo(hostile);
    assertThat(m.get("date").asText()).isEqualTo("2020-10");
    assertThat(m.get("grade").asInt()).isEqualTo(2);
    assertThat(m.get("lat").asDouble()).isEqualTo(35.69);
    assertThat(m.get("place").asText()).isEqualTo("Tehran (IR)");
  }
}
