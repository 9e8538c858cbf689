/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.NetworkNode;
import org.vigil.stix.StixImportPlan;
import org.vigil.stix.TlpMarkings;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.TaxiiRepository;

/**
 * STIX import: the MITRE ATT&CK ICS bundle (its Iran-linked groups as intrusion sets with their
 * aliases) and every OASIS example, kept whole and exported again under the same ids; a bad bundle
 * refuses only its bad objects, by id and reason; a document that is not a bundle writes nothing.
 */
class StixImportIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Store store;
  private StixImport importer;

  @BeforeEach
  void open() {
    store = Store.open(StoreConfig.embedded(dir.resolve("data")));
    store.accounts().createOrganization("agency", "The Agency");
    importer = new StixImport(store, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void attackIcsGroupsArriveAsIntrusionSetsWithAliasesAndKeepTheirIds() throws IOException {
    byte[] bundle = Files.readAllBytes(shared("mitre-attack/ics-attack-18.1.json"));
    StixImport.Outcome outcome =
        importer.importBundle(
            bundle, "ics-attack-18.1.json", "agency", Tlp.GREEN, Reliability.B, "test");
    assertThat(outcome.rejected()).isEmpty();
    assertThat(outcome.kept()).isEqualTo(1_826);
    Viewer reader = Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST);
    Entity oilRig =
        store
            .statements()
            .entity("intrusion-set--4ca1929c-7d64-4aab-b849-badbfc0c760d", reader)
            .orElseThrow();
    assertThat(oilRig.values("name")).containsExactly("OilRig");
    assertThat(oilRig.values("alias")).contains("APT34", "Helix Kitten", "COBALT GYPSY");
    assertThat(oilRig.values("topics")).containsExactly("crime.cyber");
    assertThat(
            store
                .statements()
                .entity("intrusion-set--fbd29c89-18ba-4c2d-b792-51c0adee049f", reader)
                .orElseThrow()
                .values("alias"))
        .contains("Elfin", "Peach Sandstorm");
    assertThat(
            store
                .statements()
                .entity("intrusion-set--f29b7c5e-2439-42ad-a86f-9f8984fafae3", reader)
                .orElseThrow()
                .values("alias"))
        .contains("Lyceum");

    String exported =
        new StixExport(store, Clock.systemUTC()).bundleFor("agency", "test", "test").toString();
    assertThat(exported)
        .contains(
            "\"id\":\"intrusion-set--4ca1929c-7d64-4aab-b849-badbfc0c760d\"",
            "\"type\":\"intrusion-set\"",
            "Helix Kitten");
    assertKeptWhole(bundle);
  }

  @Test
  void everyOasisExampleImportsAndIsKeptWholeButWhatItMarksTlpRed() throws IOException {
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(shared("oasis-examples"), "*.json")) {
      for (Path file : files) {
        byte[] bundle = Files.readAllBytes(file);
        StixImport.Outcome outcome =
            importer.importBundle(
                bundle, file.getFileName().toString(), "agency", Tlp.AMBER, Reliability.C, "test");
        // interop-objectmarking-test.json and using-granular-markings.json mark objects or some of
        // their properties with TLP 1.0's RED: refused with the reason, as RED is in every bundle
        // import; everything else is imported.
        List<String> red = redObjects(bundle);
        assertThat(outcome.rejected())
            .as(file.getFileName().toString())
            .allMatch(r -> red.contains(r.object()) && r.reason().contains("RED"));
        assertThat(outcome.rejected().stream().map(StixImportPlan.Rejected::object).distinct())
            .containsExactlyInAnyOrderElementsOf(red);
        assertKeptWhole(bundle, red);
      }
    }
  }

  @Test
  void aBadObjectIsRefusedByIdAndReasonAndTheOthersAreImported() {
    String bundle =
        """
        {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
          {"type": "intrusion-set", "spec_version": "2.1",
           "id": "intrusion-set--11111111-1111-4111-8111-111111111111",
           "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
           "name": "Good Group", "aliases": ["Good Alias"], "x_custom": {"kept": true}},
          {"type": "intrusion-set", "spec_version": "2.0",
           "id": "intrusion-set--22222222-2222-4222-8222-222222222222",
           "created": "2024-01-01T00:00:00.000Z", "name": "Old Spec"},
          {"type": "malware", "spec_version": "2.1", "id": "not-a-stix-id", "created": "2024-01-01T00:00:00.000Z"},
          {"type": "x-acme-widget", "spec_version": "2.1",
           "id": "x-acme-widget--33333333-3333-4333-8333-333333333333",
           "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z", "size": 7},
          {"type": "intrusion-set", "spec_version": "2.1",
           "id": "intrusion-set--55555555-5555-4555-8555-555555555555",
           "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00.000Z",
           "name": "Sloppy Group", "aliases": "Sloppy"},
          {"type": "threat-actor", "spec_version": "2.1",
           "id": "threat-actor--44444444-4444-4444-8444-444444444444",
           "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
           "name": "Revoked Actor", "revoked": true}
        ]}
        """;
    StixImport.Outcome outcome =
        importer.importBundle(
            bundle.getBytes(StandardCharsets.UTF_8),
            "bad.json",
            "agency",
            Tlp.GREEN,
            Reliability.F,
            "test");
    assertThat(outcome.rejected())
        .extracting(r -> r.object() + ": " + r.reason())
        .containsExactly(
            "intrusion-set--22222222-2222-4222-8222-222222222222: spec_version is '2.0', not 2.1",
            "not-a-stix-id: 'id' is not a STIX identifier",
            "intrusion-set--55555555-5555-4555-8555-555555555555: fails the OASIS STIX 2.1 schema"
                + " intrusion-set.json: 'created': does not match the regex pattern"
                + " T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}Z$; 'aliases': string found, array expected");
    assertThat(
            store
                .statements()
                .entity(
                    "intrusion-set--55555555-5555-4555-8555-555555555555",
                    Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST)))
        .isEmpty(); // nothing of a refused object is written
    assertThat(outcome.kept()).isEqualTo(3);
    assertThat(outcome.mapped()).isEqualTo(1);
    assertThat(outcome.revoked()).isEqualTo(1);
    Viewer reader = Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST);
    assertThat(
            store
                .statements()
                .entity("intrusion-set--11111111-1111-4111-8111-111111111111", reader))
        .isPresent();
    assertThat(
            store.statements().entity("threat-actor--44444444-4444-4444-8444-444444444444", reader))
        .isEmpty();
    assertThat(kept(Tlp.GREEN)).containsKey("x-acme-widget--33333333-3333-4333-8333-333333333333");
    assertThat(
            kept(Tlp.GREEN)
                .get("intrusion-set--11111111-1111-4111-8111-111111111111")
                .path("x_custom")
                .path("kept")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aDocumentThatIsNotABundleWritesNothing() {
    long before = store.statements().count();
    assertThatThrownBy(
            () ->
                importer.importBundle(
                    "{\"type\": \"bundle\", \"objects\": [".getBytes(StandardCharsets.UTF_8),
                    "cut.json",
                    "agency",
                    Tlp.GREEN,
                    Reliability.F,
                    "test"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("cut.json is not JSON");
    assertThatThrownBy(
            () ->
                importer.importBundle(
                    "{\"type\": \"indicator\"}".getBytes(StandardCharsets.UTF_8),
                    "x.json",
                    "agency",
                    Tlp.GREEN,
                    Reliability.F,
                    "test"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("neither a STIX bundle nor a STIX object");
    assertThat(store.statements().count()).isEqualTo(before);
    assertThat(kept(Tlp.GREEN)).isEmpty();
  }

  @Test
  void aRelationshipWhoseEndComesInALaterBundleLinksTheTwoWhenItArrives() {
    Viewer reader = Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST);
    String mois = "identity--0b7c1a4e-2f3d-4c5b-9a8e-7d6c5b4a3f2e";
    String network = "threat-actor--5a1f0c2b-3d4e-4f60-8a7b-9c0d1e2f3a4b";
    importer.importBundle(
        bundle(
            "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
                + mois
                + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
                + "\"name\":\"Ministry of Intelligence\",\"identity_class\":\"organization\"}",
            "{\"type\":\"relationship\",\"spec_version\":\"2.1\","
                + "\"id\":\"relationship--11111111-1111-4111-8111-111111111111\","
                + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"relationship_type\":\"directs\","
                + "\"source_ref\":\""
                + mois
                + "\",\"target_ref\":\""
                + network
                + "\"}"),
        "first.json",
        "agency",
        Tlp.GREEN,
        Reliability.B,
        "test");
    assertThat(neighbours(mois, reader)).doesNotContain(network);

    importer.importBundle(
        bundle(
            "{\"type\":\"threat-actor\",\"spec_version\":\"2.1\",\"id\":\""
                + network
                + "\",\"created\":\"2024-02-01T00:00:00.000Z\",\"modified\":\"2024-02-01T00:00:00.000Z\",\"name\":\"Zindashti network\"}"),
        "later.json",
        "agency",
        Tlp.GREEN,
        Reliability.B,
        "test");
    assertThat(neighbours(mois, reader)).contains(network);
  }

  @Test
  void tlp1MarkingsAreReadAsTheirTlp2Levels() {
    String amber = "identity--2d4c3f5e-6a71-4293-8bde-2f3a4b5c6d7e";
    String white = "identity--3e5d4a6f-7b82-43a4-9cef-3a4b5c6d7e8f";
    String red = "identity--4f6e5b7a-8c93-44b5-8d0a-4b5c6d7e8f90";
    StixImport.Outcome outcome =
        importer.importBundle(
            bundle(
                tlp1Identity(amber, "f88d31f6-486f-44da-b317-01333bde0b82"),
                tlp1Identity(white, "613f2e26-407d-48c7-9eca-b8e91df99dc9"),
                tlp1Identity(red, "5e57c739-391a-4eb3-b6be-7d15ca92d5ed")),
            "tlp1.json",
            "agency",
            Tlp.GREEN,
            Reliability.B,
            "test");
    Viewer reader = Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST);
    assertThat(store.statements().entity(amber, reader).orElseThrow().statements())
        .allMatch(s -> s.marking().tlp() == Tlp.AMBER);
    assertThat(store.statements().entity(white, reader).orElseThrow().statements())
        .as("TLP:WHITE is CLEAR, raised to the bundle's GREEN")
        .allMatch(s -> s.marking().tlp() == Tlp.GREEN);
    assertThat(store.statements().entity(red, reader)).isEmpty();
    assertThat(outcome.rejected())
        .anyMatch(r -> r.object().equals(red) && r.reason().contains("RED"));
    assertThat(kept(Tlp.AMBER)).containsKey(amber);
    assertThat(kept(Tlp.GREEN)).containsKey(white).doesNotContainKey(amber);
  }

  @Test
  void twoVersionsOfOneIdADeepObjectAndADanglingReferenceEachHaveTheirOutcome() {
    String group = "intrusion-set--55555555-5555-4555-8555-555555555555";
    String deep = "x-deep--66666666-6666-4666-8666-666666666666";
    String nested = "{\"a\":".repeat(500) + "1" + "}".repeat(500);
    StixImport.Outcome outcome =
        importer.importBundle(
            bundle(
                "{\"type\":\"intrusion-set\",\"spec_version\":\"2.1\",\"id\":\""
                    + group
                    + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                    + "\"modified\":\"2024-06-01T00:00:00.000Z\",\"name\":\"New Name\"}",
                "{\"type\":\"intrusion-set\",\"spec_version\":\"2.1\",\"id\":\""
                    + group
                    + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
                    + "\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Old Name\"}",
                "{\"type\":\"x-deep\",\"spec_version\":\"2.1\",\"id\":\""
                    + deep
                    + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"x_nested\":"
                    + nested
                    + "}",
                "{\"type\":\"relationship\",\"spec_version\":\"2.1\","
                    + "\"id\":\"relationship--77777777-7777-4777-8777-777777777777\","
                    + "\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"relationship_type\":\"uses\","
                    + "\"source_ref\":\""
                    + group
                    + "\",\"target_ref\":\"malware--88888888-8888-4888-8888-888888888888\"}"),
            "mixed.json",
            "agency",
            Tlp.GREEN,
            Reliability.C,
            "test");
    assertThat(outcome.rejected())
        .extracting(r -> r.object() + ": " + r.reason())
        .containsExactly(deep + ": nested more than 100 levels deep; at most 100");
    Viewer reader = Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST);
    assertThat(store.statements().entity(group, reader).orElseThrow().values("name"))
        .containsExactly("New Name");
    assertThat(stored(Tlp.GREEN, true).keySet())
        .contains(group + "|2024-06-01T00:00:00.000Z", group + "|2024-01-01T00:00:00.000Z")
        .noneMatch(k -> k.startsWith(deep));
    assertThat(kept(Tlp.GREEN)).containsKey("relationship--77777777-7777-4777-8777-777777777777");
    assertThat(neighbours(group, reader)).containsExactly(group);
    assertThat(outcome.dangling())
        .extracting(DanglingReferences.Dangling::object)
        .containsExactly("relationship--77777777-7777-4777-8777-777777777777");

    String tooDeep = "[".repeat(20_000) + "]".repeat(20_000);
    assertThatThrownBy(
            () ->
                importer.importBundle(
                    tooDeep.getBytes(StandardCharsets.UTF_8),
                    "deep.json",
                    "agency",
                    Tlp.GREEN,
                    Reliability.C,
                    "test"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("deep.json nests deeper than 10000 levels; nothing was imported");
  }

  @Test
  void aBundleOfSeveralBatchesIsStreamedFromItsFileAndImportedAsIfReadWhole() throws IOException {
    // An earlier import: a reference to it is not dangling.
    String earlier = person(9_999, "2024-01-01T00:00:00.000Z", "Earlier Person");
    importer.importBundle(bundle(earlier), "earlier.json", "agency", Tlp.GREEN, Reliability.B, "t");
    int n = 2 * StixImport.BATCH + 500;
    List<String> objects = new java.util.ArrayList<>();
    // position 0: a relationship whose ends come two batches later
    objects.add(relationship(1, personId(n - 100), personId(10)));
    for (int i = 1; i < n; i++) {
      objects.add(person(i, "2024-03-01T00:00:00.000Z", "Person " + i));
    }
    // an older version of person 5, and a newest version of person 6 without a name (which fails
    // the schema), both in the last batch, after the versions they go with were read
    objects.add(person(5, "2024-01-01T00:00:00.000Z", "Person 5 Old"));
    objects.add(person(6, "2024-09-01T00:00:00.000Z", null));
    String malware = "malware--88888888-8888-4888-8888-888888888888";
    objects.add(relationship(2, personId(3), malware));
    objects.add(relationship(3, personId(4), personId(9_999)));
    objects.add(
        "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"report--"
            + "99999999-9999-4999-8999-999999999999\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
            + "\"name\":\"R\",\"published\":\"2024-01-01T00:00:00.000Z\",\"object_refs\":[\""
            + personId(7)
            + "\",\"identity--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa\"]}");
    // the bundle's own properties after its objects: a stream reader must not need them first
    Path file = dir.resolve("big.json");
    Files.writeString(
        file,
        "{\"objects\":["
            + String.join(",\n", objects)
            + "],\"id\":\"bundle--44444444-4444-4444-8444-444444444444\",\"type\":\"bundle\"}");

    StixImport.Outcome outcome =
        importer.importFile(file, "agency", Tlp.GREEN, Reliability.B, "test");

    assertThat(outcome.objects()).isEqualTo(objects.size());
    assertThat(outcome.rejected())
        .extracting(r -> r.object() + ": " + r.reason())
        .containsExactly(
            personId(6)
                + ": fails the OASIS STIX 2.1 schema identity.json: 'name': required property"
                + " 'name' not found");
    // the nameless version is not valid STIX and is refused alone; person 6's valid version stays
    assertThat(outcome.kept()).isEqualTo(objects.size() - 1);
    assertThat(outcome.dangling())
        .extracting(d -> d.object() + ": " + d.reason())
        .containsExactly(
            relationshipId(2)
                + ": target_ref "
                + malware
                + " names no object of this bundle or of agency's collections (kept as it is)",
            "report--99999999-9999-4999-8999-999999999999: object_refs[1]"
                + " identity--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa names no object of this bundle"
                + " or of agency's collections (kept as it is)");
    Viewer reader = Viewer.of("u", "u", "agency", java.util.Set.of(), Role.ANALYST);
    assertThat(store.statements().entity(personId(5), reader).orElseThrow().values("name"))
        .containsExactly("Person 5");
    assertThat(store.statements().entity(personId(6), reader).orElseThrow().values("name"))
        .containsExactly("Person 6");
    assertThat(stored(Tlp.GREEN, true).keySet())
        .contains(
            personId(5) + "|2024-03-01T00:00:00.000Z",
            personId(5) + "|2024-01-01T00:00:00.000Z",
            personId(6) + "|2024-03-01T00:00:00.000Z")
        .doesNotContain(personId(6) + "|2024-09-01T00:00:00.000Z");
    assertThat(neighbours(personId(n - 100), reader)).contains(personId(10));
    assertThat(neighbours(personId(4), reader)).contains(personId(9_999));
  }

  @Test
  void aBundleCutAfterThousandsOfGoodObjectsWritesNothing() throws IOException {
    long before = store.statements().count();
    StringBuilder text = new StringBuilder("{\"type\":\"bundle\",\"objects\":[");
    for (int i = 1; i <= 3 * StixImport.BATCH; i++) {
      text.append(i == 1 ? "" : ",").append(person(i, "2024-03-01T00:00:00.000Z", "P " + i));
    }
    Path file = dir.resolve("cut.json");
    Files.writeString(file, text.append(",{\"type\":").toString());
    assertThatThrownBy(() -> importer.importFile(file, "agency", Tlp.GREEN, Reliability.B, "t"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("cut.json is not JSON (line 1)");
    assertThat(store.statements().count()).isEqualTo(before);
    assertThat(kept(Tlp.GREEN)).isEmpty();
  }

  private static String personId(int i) {
    return "identity--"
        + java.util.UUID.nameUUIDFromBytes(("person-" + i).getBytes(StandardCharsets.UTF_8));
  }

  private static String relationshipId(int i) {
    return "relationship--"
        + java.util.UUID.nameUUIDFromBytes(("rel-" + i).getBytes(StandardCharsets.UTF_8));
  }

  private static String person(int i, String modified, String name) {
    return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
        + personId(i)
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\""
        + modified
        + "\",\"identity_class\":\"individual\""
        + (name == null ? "" : ",\"name\":\"" + name + "\"")
        + "}";
  }

  private static String relationship(int i, String from, String to) {
    return "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\""
        + relationshipId(i)
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"relationship_type\":\"related-to\","
        + "\"source_ref\":\""
        + from
        + "\",\"target_ref\":\""
        + to
        + "\"}";
  }

  private static String tlp1Identity(String id, String marking) {
    return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Person "
        + id.substring(10, 14)
        + "\",\"identity_class\":\"individual\","
        + "\"object_marking_refs\":[\"marking-definition--"
        + marking
        + "\"]}";
  }

  private static byte[] bundle(String... objects) {
    return ("{\"type\":\"bundle\",\"id\":\"bundle--44444444-4444-4444-8444-444444444444\","
            + "\"objects\":["
            + String.join(",", objects)
            + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private List<String> neighbours(String entity, Viewer reader) {
    return store
        .network()
        .neighbours(new NeighbourhoodRequest(entity, 1, LinkFilter.ALL, 100), reader)
        .nodes()
        .stream()
        .map(NetworkNode::id)
        .toList();
  }

  /** Every object of the bundle is stored exactly as it came, under its id and version. */
  private void assertKeptWhole(byte[] bundle) throws IOException {
    assertKeptWhole(bundle, List.of());
  }

  /** The ids of the objects marked TLP:RED (TLP 2.0's or TLP 1.0's definition). */
  private static List<String> redObjects(byte[] bundle) throws IOException {
    JsonNode root = JSON.readTree(bundle);
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode o :
        root.has("objects") ? root.path("objects") : JSON.createArrayNode().add(root)) {
      List<JsonNode> refs = new java.util.ArrayList<>();
      o.path("object_marking_refs").forEach(refs::add);
      o.path("granular_markings").forEach(g -> refs.add(g.path("marking_ref")));
      if (refs.stream()
          .anyMatch(r -> TlpMarkings.levelOf(r.asText()).orElse(Tlp.CLEAR) == Tlp.RED)) {
        out.add(o.path("id").asText());
      }
    }
    return out;
  }

  private void assertKeptWhole(byte[] bundle, List<String> refused) throws IOException {
    Map<String, JsonNode> kept = new HashMap<>();
    for (Tlp tlp : List.of(Tlp.GREEN, Tlp.AMBER)) {
      kept.putAll(stored(tlp, true));
    }
    JsonNode root = JSON.readTree(bundle);
    for (JsonNode o :
        root.has("objects") ? root.path("objects") : JSON.createArrayNode().add(root)) {
      String key =
          o.path("id").asText() + "|" + o.path("modified").asText(o.path("created").asText(""));
      if (refused.contains(o.path("id").asText())) {
        assertThat(kept).doesNotContainKey(key);
      } else if (o.has("created")) {
        assertThat(kept.get(key)).as(key).isEqualTo(o);
      } else {
        assertThat(kept.keySet()).anyMatch(k -> k.startsWith(o.path("id").asText() + "|"));
      }
    }
  }

  private Map<String, JsonNode> kept(Tlp tlp) {
    Map<String, JsonNode> out = new HashMap<>();
    stored(tlp, false).forEach((key, o) -> out.put(key.substring(0, key.indexOf('|')), o));
    return out;
  }

  /** The stored objects of a collection by id and version: every version, or only the last. */
  private Map<String, JsonNode> stored(Tlp tlp, boolean allVersions) {
    Map<String, JsonNode> out = new HashMap<>();
    String collection = TaxiiCollections.idOf("agency", tlp);
    Optional<TaxiiRepository.Cursor> cursor = Optional.empty();
    TaxiiRepository.Filter last =
        new TaxiiRepository.Filter(
            List.of(),
            List.of(),
            false,
            !allVersions,
            allVersions,
            List.of(),
            List.of(),
            Optional.empty());
    while (true) {
      TaxiiRepository.Page page = store.taxii().objects(collection, last, cursor, 5_000);
      for (TaxiiRepository.StoredObject o : page.objects()) {
        try {
          out.put(o.objectId() + "|" + o.versionText(), JSON.readTree(o.json()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      if (!page.more()) {
        return out;
      }
      TaxiiRepository.StoredObject end = page.objects().get(page.objects().size() - 1);
      cursor =
          Optional.of(
              new TaxiiRepository.Cursor(
                  end.dateAddedMicros(), end.objectId(), end.versionMicros()));
    }
  }

  private static Path shared(String path) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/stix").resolve(path);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/stix/" + path + " is not above here");
  }
}
