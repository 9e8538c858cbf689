/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

class StixMappingTest {
  private static final Instant T = Instant.parse("2024-01-30T12:00:00Z");
  private static final Source GREEN = source("src-green", Tlp.GREEN);
  private static final Source AMBER = source("src-amber", Tlp.AMBER);

  @Test
  void aSanctionedOrganisationIsAThreatActorMarkedAsItsNameWithItsMoreRestrictedAliasMarkedApart() {
    List<Entity> entities =
        List.of(
            entity(
                "net",
                Schema.ORGANIZATION,
                s("net", Schema.ORGANIZATION, "name", "Zindashti Network", GREEN),
                s("net", Schema.ORGANIZATION, "alias", "The Network", AMBER)),
            entity(
                "sanction",
                Schema.SANCTION,
                s("sanction", Schema.SANCTION, "entity", "net", GREEN),
                s("sanction", Schema.SANCTION, "program", "IRAN-HR", GREEN)));
    StixObjects out = StixMapping.map(entities, Map.of("src-green", GREEN, "src-amber", AMBER));
    ObjectNode actor = only(out, "threat-actor");
    assertThat(actor.get("id").asText()).isEqualTo(StixIds.of("threat-actor", "net"));
    assertThat(actor.get("aliases").get(0).asText()).isEqualTo("The Network");
    assertThat(actor.get("object_marking_refs").get(0).asText())
        .isEqualTo(TlpMarkings.id(Tlp.GREEN));
    assertThat(actor.get("granular_markings").toString())
        .isEqualTo(
            "[{\"marking_ref\":\""
                + TlpMarkings.id(Tlp.AMBER)
                + "\",\"selectors\":[\"aliases.[0]\"]}]");
    ObjectNode note = only(out, "note");
    assertThat(note.get("object_refs").get(0).asText()).isEqualTo(actor.get("id").asText());
    assertThat(note.get("object_marking_refs").get(0).asText())
        .isEqualTo(TlpMarkings.id(Tlp.GREEN));
    assertThat(out.objects())
        .filteredOn(o -> o.get("type").asText().equals("marking-definition"))
        .extracting(o -> o.get("name").asText())
        .containsExactlyInAnyOrder("TLP:GREEN", "TLP:AMBER");
    assertThat(out.objects())
        .filteredOn(o -> o.get("type").asText().equals("report"))
        .extracting(o -> o.get("name").asText() + " " + o.get("object_refs").size())
        .containsExactlyInAnyOrder("src-green 2", "src-amber 1");
  }

  @Test
  void aLinkWhoseOtherEndIsNotExportedIsLeftOut() {
    List<Entity> entities =
        List.of(
            entity("p", Schema.PERSON, s("p", Schema.PERSON, "name", "Esmail Khatib", GREEN)),
            entity(
                "m",
                Schema.MEMBERSHIP,
                s("m", Schema.MEMBERSHIP, "member", "p", GREEN),
                s("m", Schema.MEMBERSHIP, "organization", "hidden-org", GREEN)));
    StixObjects out = StixMapping.map(entities, Map.of());
    assertThat(out.objects()).noneMatch(o -> o.get("type").asText().equals("relationship"));
    assertThat(out.leftOut()).containsExactly("m");
  }

  @Test
  void credibilityFollowsTheStixAdmiraltyScale() {
    assertThat(StixMapping.confidence(Credibility.CONFIRMED)).contains(90);
    assertThat(StixMapping.confidence(Credibility.PROBABLY_TRUE)).contains(70);
    assertThat(StixMapping.confidence(Credibility.IMPROBABLE)).contains(10);
    assertThat(StixMapping.confidence(Credibility.CANNOT_BE_JUDGED)).isEmpty();
  }

  @Test
  void anImportedObjectKeepsItsStixId() {
    String id = "intrusion-set--4ca1929c-7d64-4aab-b849-badbfc0c760d";
    List<Entity> entities =
        List.of(
            entity(
                id,
                Schema.ORGANIZATION,
                s(id, Schema.ORGANIZATION, "name", "OilRig", GREEN),
                s(id, Schema.ORGANIZATION, "topics", "crime.cyber", GREEN)));
    assertThat(only(StixMapping.map(entities, Map.of()), "intrusion-set").get("id").asText())
        .isEqualTo(id);
  }

  private static ObjectNode only(StixObjects out, String type) {
    List<ObjectNode> found = new ArrayList<>();
    out.objects().stream().filter(o -> o.get("type").asText().equals(type)).forEach(found::add);
    assertThat(found).as(type).hasSize(1);
    return found.get(0);
  }

  private static Entity entity(String id, Schema schema, Statement... statements) {
    return Entity.assemble(id, List.of(id), List.of(statements));
  }

  private static Statement s(
      String id, Schema schema, String property, String value, Source source) {
    return Statement.about(id, schema).set(property, value).from(source).seen(T).build();
  }

  private static Source source(String id, Tlp tlp) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        id,
        Reliability.B,
        Marking.of(tlp, "agency"),
        Optional.empty(),
        Optional.empty(),
        T);
  }
}
