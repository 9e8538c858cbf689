/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.model.Statement;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * FtM import, the reverse of the export: the sample network exported for a partner and imported
 * into the partner's own store comes back out with the same entities, names, properties, references
 * and markings, loads in npm followthemoney, and a second import writes exactly the same
 * statements; bad lines are skipped with their line number and reason and the rest is imported.
 */
class FtmImportIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRoundTripOfOurOwnExportKeepsNamesPropertiesReferencesAndMarkings() throws IOException {
    Path lines = dir.resolve("partner.ftm.jsonl");
    List<ObjectNode> exported;
    try (Store agency = Store.open(StoreConfig.embedded(dir.resolve("agency")))) {
      agency.accounts().createOrganization(SampleNetwork.OWNER, "The Agency");
      agency.accounts().createOrganization("partner", "The Partner");
      agency.accounts().addPartners(SampleNetwork.OWNER, "partner");
      User red = agency.accounts().createUser("red-reader", SampleNetwork.OWNER, Role.ANALYST, "x");
      SampleNetwork.write(agency, red.id());
      exported = new FtmExport(agency, Clock.systemUTC()).exportFor("partner", "t", "t").entities();
      write(lines, exported);
    }
    try (Store partner = Store.open(StoreConfig.embedded(dir.resolve("partner")))) {
      partner.accounts().createOrganization("partner", "The Partner");
      FtmImport importer = new FtmImport(partner, Clock.systemUTC());
      FtmImport.Outcome first = importer.importFile(lines, "partner", Optional.empty(), "test");
      assertThat(first.skipped()).isEmpty();
      assertThat(first.entities()).isEqualTo(exported.size()).isEqualTo(first.lines());
      Set<String> statementsAfterFirst = statementIds(partner);

      List<ObjectNode> again =
          new FtmExport(partner, Clock.systemUTC()).exportFor("partner", "t", "t").entities();
      assertThat(comparable(again)).isEqualTo(comparable(exported));
      Path back = dir.resolve("back.ftm.jsonl");
      write(back, again);
      JsonNode check = FtmModel.check(back, dir);
      assertThat(check.path("failures").toString()).isEqualTo("[]");
      assertThat(check.path("loaded").asInt()).isEqualTo(exported.size());
      assertThat(check.path("dangling").toString()).isEqualTo("[]");
      assertThat(check.path("references").asInt()).isGreaterThan(3);
      assertThat(again.toString())
          .contains("Naji Ibrahim Sharifi-Zindashti", "Naji Zindashti")
          .doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY);

      FtmImport.Outcome second = importer.importFile(lines, "partner", Optional.empty(), "test");
      assertThat(second.sourceId()).isEqualTo(first.sourceId());
      assertThat(second.statements()).isEqualTo(first.statements());
      assertThat(statementIds(partner)).isEqualTo(statementsAfterFirst);
      assertThat(partner.audit().recent(5))
          .anySatisfy(
              r -> {
                assertThat(r.event().action()).isEqualTo(AuditAction.WRITE);
                assertThat(r.event().target()).isEqualTo(first.sourceId());
                assertThat(r.event().detail()).contains("partner.ftm.jsonl", "0 skipped");
              });
    }
  }

  @Test
  void badLinesAreSkippedWithLineNumberAndReasonAndTheRestIsImported() throws IOException {
    Path lines = dir.resolve("mixed.ftm.jsonl");
    Files.writeString(
        lines,
        String.join(
            "\n",
            "{\"id\":\"p-ok\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Lena Okafor\"],"
                + "\"birthDate\":[\"1971-02\"]}}",
            "{\"id\":\"broken\",\"schema\":",
            "{\"id\":\"ship-1\",\"schema\":\"Spaceship\",\"properties\":{\"name\":[\"X\"]}}",
            "",
            "{\"id\":\"m-1\",\"schema\":\"Membership\",\"properties\":{\"member\":[\"p-ok\"]}}",
            "{\"id\":\"p-partly\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Omar Haddad\"],"
                + "\"favouriteColour\":[\"blue\"],\"birthDate\":[\"not a date\"]}}",
            "{\"id\":\"p-red\",\"schema\":\"Person\",\"marking\":\"TLP:RED\","
                + "\"properties\":{\"name\":[\"Hidden\"]}}",
            "{\"id\":\"no spaces allowed\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Y\"]}}",
            "{\"id\":\"p-ok\",\"schema\":\"Vessel\",\"properties\":{\"name\":[\"Lena\"]}}",
            "{\"id\":\"m-2\",\"schema\":\"Membership\",\"properties\":{\"member\":[\"p-ok\"],"
                + "\"organization\":[\"org-elsewhere\"]}}"),
        StandardCharsets.UTF_8);
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")))) {
      store.accounts().createOrganization("ops", "Ops");
      FtmImport.Outcome outcome =
          new FtmImport(store, Clock.systemUTC())
              .importFile(lines, "ops", Optional.empty(), "test");
      assertThat(outcome.skipped().stream().map(FtmImport.Skipped::toString))
          .containsExactly(
              outcome.skipped().get(0).toString(),
              "line 3 (ship-1): unknown schema 'Spaceship'",
              "line 5 (m-1): Membership m-1 has no 'organization'; a Membership needs member and"
                  + " organization",
              "line 6 (p-partly): 'favouriteColour' is not a property of Person",
              outcome.skipped().get(4).toString(),
              "line 7 (p-red): TLP:RED names its readers and is not imported",
              "line 8 (no spaces allowed): not a valid entity id",
              "line 9 (p-ok): is Vessel here and Person on an earlier line");
      assertThat(outcome.skipped().get(0).toString()).startsWith("line 2 (line): malformed JSON");
      assertThat(outcome.skipped().get(4).toString())
          .startsWith("line 6 (p-partly): Person.birthDate: 'not a date' is not a date");
      assertThat(outcome.lines()).isEqualTo(9);
      assertThat(outcome.entities()).isEqualTo(3);
      assertThat(outcome.statements()).isEqualTo(5);
      assertThat(store.statements().entity("p-partly", org.vigil.access.Viewer.system()))
          .hasValueSatisfying(e -> assertThat(e.values("name")).containsExactly("Omar Haddad"));
      assertThat(store.statements().entity("m-2", org.vigil.access.Viewer.system()))
          .hasValueSatisfying(
              e ->
                  assertThat(e.statements())
                      .allSatisfy(
                          s -> assertThat(s.marking().tlp().label()).isEqualTo("TLP:AMBER")));
    }
  }

  /** What must survive a round trip, by entity id (the datasets name the new source). */
  private static Map<String, String> comparable(List<ObjectNode> entities) {
    Map<String, String> out = new TreeMap<>();
    for (ObjectNode e : entities) {
      ObjectNode copy = e.deepCopy();
      copy.remove("datasets");
      ObjectNode sorted = JSON.createObjectNode();
      new TreeMap<String, JsonNode>(toMap(copy.path("properties")))
          .forEach(
              (k, v) -> {
                List<String> values = new java.util.ArrayList<>();
                v.forEach(x -> values.add(x.asText()));
                values.sort(null);
                values.forEach(x -> sorted.withArray(k).add(x));
              });
      copy.set("properties", sorted);
      out.put(e.path("id").asText(), copy.toString());
    }
    return out;
  }

  private static Map<String, JsonNode> toMap(JsonNode object) {
    Map<String, JsonNode> out = new TreeMap<>();
    object.properties().forEach(p -> out.put(p.getKey(), p.getValue()));
    return out;
  }

  private static Set<String> statementIds(Store store) {
    Set<String> ids = new TreeSet<>();
    store
        .statements()
        .scanEntities(e -> e.statements().stream().map(Statement::id).forEach(ids::add));
    return ids;
  }

  private static void write(Path file, List<ObjectNode> entities) throws IOException {
    StringBuilder text = new StringBuilder();
    for (ObjectNode e : entities) {
      text.append(JSON.writeValueAsString(e)).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
