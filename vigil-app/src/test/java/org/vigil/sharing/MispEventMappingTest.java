/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

class MispEventMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UUID = "5a3c2fcd-8328-42bb-a95e-4f4402de0b81";

  private final MispEventMapping mapping =
      new MispEventMapping(MispImport.attributeTypes(), "agency", Optional.empty());

  private static JsonNode event(String attributes, String tags, String extra) throws Exception {
    return JSON.readTree(
        ("{'Event': {'uuid': '"
                + UUID
                + "', 'info': 'Courier network', 'date': '2026-03-04',"
                + " 'Tag': ["
                + tags
                + "], 'Attribute': ["
                + attributes
                + "]"
                + extra
                + "}}")
            .replace('\'', '"'));
  }

  private static List<String> values(MispEventMapping.Mapped m, Schema schema, String property) {
    return m.statements().stream()
        .filter(s -> s.schema() == schema && s.property().equals(property))
        .map(Statement::value)
        .toList();
  }

  @Test
  void anEventBecomesADocumentSourceMarkedAndGradedByItsTags() throws Exception {
    MispEventMapping.Mapped m =
        mapping.map(
            event(
                "",
                "{'name': 'tlp:green'}, {'name': 'admiralty-scale:source-reliability=\\\"b\\\"'},"
                    + " {'name': 'admiralty-scale:information-credibility=\\\"2\\\"'},"
                    + " {'name': 'osint'}, {'name': 'tlp:ex:chr'}",
                ""),
            "e.json");
    assertThat(m.source().id()).isEqualTo("misp-" + UUID);
    assertThat(m.source().kind()).isEqualTo(SourceKind.DOCUMENT);
    assertThat(m.source().title()).isEqualTo("Courier network");
    assertThat(m.source().retrievedAt()).hasToString("2026-03-04T00:00:00Z");
    assertThat(m.source().marking().tlp()).isEqualTo(Tlp.GREEN);
    assertThat(m.source().marking().ownerOrg()).isEqualTo("agency");
    assertThat(m.source().reliability()).isEqualTo(Reliability.B);
    assertThat(values(m, Schema.DOCUMENT, "keywords")).containsExactly("osint", "tlp:ex:chr");
    assertThat(m.statements())
        .allSatisfy(s -> assertThat(s.credibility()).contains(Credibility.ofGrade(2)));
  }

  @Test
  void theImportersMarkingWinsOnlyWhenStricterAndRedIsRefused() throws Exception {
    MispEventMapping strict =
        new MispEventMapping(MispImport.attributeTypes(), "agency", Optional.of(Tlp.AMBER));
    assertThat(strict.map(event("", "{'name': 'tlp:clear'}", ""), "e").source().marking().tlp())
        .isEqualTo(Tlp.AMBER);
    assertThat(
            strict.map(event("", "{'name': 'tlp:amber+strict'}", ""), "e").source().marking().tlp())
        .isEqualTo(Tlp.AMBER_STRICT);
    assertThat(mapping.map(event("", "", ""), "e").source().marking().tlp()).isEqualTo(Tlp.AMBER);
    assertThatThrownBy(() -> mapping.map(event("", "{'name': 'tlp:red'}", ""), "e"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(UUID)
        .hasMessageContaining("RED");
  }

  @Test
  void namingAttributesBecomeEntitiesAndTheRestNotesOfTheSourceAndUnknownTypesAreSkipped()
      throws Exception {
    MispEventMapping.Mapped m =
        mapping.map(
            event(
                "{'type': 'full-name', 'category': 'Person', 'value': 'Reza Hosseini'},"
                    + " {'type': 'email-src', 'category': 'Payload delivery', 'value': 'r@example.org'},"
                    + " {'type': 'phone-number', 'category': 'Person', 'value': '+98 21 5555'},"
                    + " {'type': 'text', 'category': 'Attribution', 'value': 'Quds Logistics'},"
                    + " {'type': 'btc', 'category': 'Financial fraud', 'value': '1BoatSLRHtKNngkdXEeobR76b53LETtpyT'},"
                    + " {'type': 'no-such-type', 'uuid': 'a-1', 'value': 'x'},"
                    + " {'type': 'domain', 'category': 'Network activity'}",
                "",
                ""),
            "e.json");
    assertThat(values(m, Schema.PERSON, "name")).containsExactly("Reza Hosseini");
    assertThat(values(m, Schema.LEGAL_ENTITY, "email")).containsExactly("r@example.org");
    assertThat(values(m, Schema.LEGAL_ENTITY, "phone")).hasSize(1);
    assertThat(values(m, Schema.ORGANIZATION, "name")).containsExactly("Quds Logistics");
    assertThat(values(m, Schema.DOCUMENT, "notes"))
        .containsExactly("btc=1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
    assertThat(m.attributes()).isEqualTo(7);
    assertThat(m.imported()).isEqualTo(5);
    assertThat(m.entities()).isEqualTo(4);
    assertThat(m.skipped())
        .extracting(MispEventMapping.Skipped::what, MispEventMapping.Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "attribute 5 (a-1)", "unknown attribute type 'no-such-type'"),
            org.assertj.core.groups.Tuple.tuple("attribute 6", "it has no value"));
  }

  @Test
  void aPersonObjectIsOneEntityAndAThreatActorClusterAnOrganisationWithItsSynonyms()
      throws Exception {
    MispEventMapping.Mapped m =
        mapping.map(
            event(
                "",
                "",
                ", 'Object': [{'name': 'person', 'uuid': 'o-1', 'Attribute': ["
                    + "{'type': 'first-name', 'object_relation': 'first-name', 'value': 'Reza'},"
                    + "{'type': 'last-name', 'object_relation': 'last-name', 'value': 'Hosseini'},"
                    + "{'type': 'date-of-birth', 'object_relation': 'date-of-birth', 'value': '1971-02-03'}]},"
                    + " {'name': 'file', 'Attribute': [{'type': 'filename', 'object_relation': 'filename', 'value': 'a.doc'}]}],"
                    + " 'Galaxy': [{'type': 'threat-actor', 'GalaxyCluster': [{'uuid': 'c-1', 'value': 'Sofacy',"
                    + " 'tag_name': 'misp-galaxy:threat-actor=\\\"Sofacy\\\"',"
                    + " 'meta': {'synonyms': ['APT28', 'Fancy Bear'], 'country': ['RU']}}]},"
                    + " {'type': 'tool', 'GalaxyCluster': [{'value': 'X-Agent', 'tag_name': 'misp-galaxy:tool=\\\"X-Agent\\\"'}]}]"),
            "e.json");
    List<Statement> person =
        m.statements().stream().filter(s -> s.schema() == Schema.PERSON).toList();
    assertThat(person).extracting(Statement::entityId).containsOnly(person.get(0).entityId());
    assertThat(person)
        .extracting(Statement::property)
        .containsExactly("firstName", "lastName", "birthDate");
    assertThat(values(m, Schema.DOCUMENT, "notes")).containsExactly("filename=a.doc");
    assertThat(values(m, Schema.ORGANIZATION, "name")).containsExactly("Sofacy");
    assertThat(values(m, Schema.ORGANIZATION, "alias")).containsExactly("APT28", "Fancy Bear");
    assertThat(values(m, Schema.ORGANIZATION, "country")).containsExactly("ru");
    assertThat(values(m, Schema.DOCUMENT, "keywords"))
        .containsExactly("misp-galaxy:threat-actor=\"Sofacy\"", "misp-galaxy:tool=\"X-Agent\"");
    assertThat(m.attributes()).isEqualTo(4);
    assertThat(m.imported()).isEqualTo(4);
  }

  @Test
  void ourOwnFeedsCommentsBringAnAttributeBackToItsEntityAndMappingAgainGivesTheSameIds()
      throws Exception {
    JsonNode e =
        event(
            "{'type': 'full-name', 'category': 'Person', 'value': 'Reza Hosseini',"
                + " 'comment': 'Person.name of Reza Hosseini (p-1)'},"
                + " {'type': 'text', 'category': 'Person', 'value': '1971-02-03',"
                + " 'comment': 'Person.birthDate of Reza Hosseini (p-1)'}",
            "",
            "");
    MispEventMapping.Mapped first = mapping.map(e, "e.json");
    List<Statement> person =
        first.statements().stream().filter(s -> s.schema() == Schema.PERSON).toList();
    assertThat(person).extracting(Statement::property).containsExactly("name", "birthDate");
    assertThat(person).extracting(Statement::entityId).containsOnly(person.get(0).entityId());
    assertThat(mapping.map(e, "again.json").statements())
        .extracting(Statement::id)
        .containsExactlyElementsOf(first.statements().stream().map(Statement::id).toList());
  }

  @Test
  void anEventWithoutUuidOrNotAnEventIsRefusedNamingIt() throws Exception {
    assertThatThrownBy(
            () ->
                mapping.map(
                    JSON.readTree("{\"Event\": {\"info\": \"Lost\", \"date\": \"2026-01-01\"}}"),
                    "lost.json"))
        .hasMessage("event 'Lost' in lost.json has no uuid");
    assertThatThrownBy(() -> mapping.map(JSON.readTree("{\"type\": \"tea\"}"), "galaxy.json"))
        .hasMessageContaining("galaxy.json is not a MISP event");
  }
}
