/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixSchemaVerdicts.Verdict;

/**
 * The quick reading of the OASIS schemas ({@link StixSchemaVerdicts}) against networknt's, on the
 * objects of the OASIS examples, the OASIS validator's test objects and ATT&CK ICS (from
 * ../shared/data), on objects written here, and on damaged copies of all of them (each property
 * removed, or given a value of every kind, a name the schemas refuse added): wherever the quick
 * reading says pass, networknt passes; wherever it says fail, networknt fails; and what {@link
 * StixSchemas#problem} answers is networknt's answer, word for word.
 */
class StixSchemaVerdictsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHARED =
      Path.of(System.getProperty("vigil.sharedData", "../../shared/data"), "stix");

  @Test
  void theQuickReadingNeverPassesWhatTheValidatorRefusesNorRefusesWhatItPasses()
      throws IOException {
    List<JsonNode> originals = new ArrayList<>(written());
    originals.addAll(sampled(shared()));
    int checked = 0;
    int refused = 0;
    int decided = 0;
    for (JsonNode original : originals) {
      for (JsonNode v : damaged(original)) {
        Verdict quick = StixSchemas.quickVerdict(v);
        Optional<String> validator = StixSchemas.validatorProblem(StixSchemas.fileOf(v), v);
        if (quick == Verdict.PASS) {
          assertThat(validator).as("networknt on %s", v).isEmpty();
        } else if (quick == Verdict.FAIL) {
          assertThat(validator).as("networknt on %s", v).isPresent();
        }
        assertThat(StixSchemas.problem(v)).as("the check on %s", v).isEqualTo(validator);
        checked++;
        refused += validator.isPresent() ? 1 : 0;
        decided += quick == Verdict.UNSURE ? 0 : 1;
      }
    }

    // Enough of both kinds to mean something, and the quick reading decides nearly all of them.
    assertThat(checked).isGreaterThan(2_000);
    assertThat(refused).isGreaterThan(checked / 4);
    assertThat(checked - refused).isGreaterThan(checked / 10);
    assertThat(decided).isGreaterThan(checked * 9 / 10);
  }

  @Test
  void everyAttackIcsObjectIsPassedByTheQuickReadingAlone() throws IOException {
    Path ics = SHARED.resolve("mitre-attack/ics-attack-18.1.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(ics), "no shared ATT&CK ICS");
    int n = 0;
    for (JsonNode o : JSON.readTree(ics.toFile()).path("objects")) {
      assertThat(StixSchemas.quickVerdict(o)).as("%s", o.path("id")).isEqualTo(Verdict.PASS);
      n++;
    }
    assertThat(n).isEqualTo(1_826);
  }

  /** Objects of several types, valid, written here so that the comparison never runs empty. */
  private static List<JsonNode> written() throws IOException {
    String t = "\"2024-01-01T00:00:00.000Z\"";
    String common = ",\"spec_version\":\"2.1\",\"created\":" + t + ",\"modified\":" + t;
    List<String> texts =
        List.of(
            "{\"type\":\"identity\",\"id\":\"identity--10000000-0000-4000-8000-000000000001\""
                + common
                + ",\"name\":\"MOIS\",\"identity_class\":\"organization\","
                + "\"sectors\":[\"government\"],\"confidence\":80,\"labels\":[\"x\"],"
                + "\"external_references\":[{\"source_name\":\"cve\",\"external_id\":"
                + "\"CVE-2020-1234\"},{\"source_name\":\"capec\",\"external_id\":\"CAPEC-7\"},"
                + "{\"source_name\":\"web\",\"url\":\"https://example.org/a\"}],"
                + "\"object_marking_refs\":[\"marking-definition--f88d31f6-486f-44da-b317-"
                + "01333bde0b82\"],\"granular_markings\":[{\"selectors\":[\"name\"],"
                + "\"marking_ref\":\"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82\"}],"
                + "\"extensions\":{\"x-acme-ext\":{\"rank\":1}},\"x_acme_hex\":\"0a\"}",
            "{\"type\":\"intrusion-set\",\"id\":\"intrusion-set--10000000-0000-4000-8000-"
                + "000000000002\""
                + common
                + ",\"name\":\"OilRig\",\"aliases\":[\"APT34\"],\"first_seen\":"
                + t
                + ",\"goals\":[\"x\"]}",
            "{\"type\":\"relationship\",\"id\":\"relationship--10000000-0000-4000-8000-"
                + "000000000003\""
                + common
                + ",\"relationship_type\":\"uses\",\"source_ref\":\"intrusion-set--10000000-0000-"
                + "4000-8000-000000000002\",\"target_ref\":\"identity--10000000-0000-4000-8000-"
                + "000000000001\",\"start_time\":"
                + t
                + "}",
            "{\"type\":\"indicator\",\"id\":\"indicator--10000000-0000-4000-8000-000000000004\""
                + common
                + ",\"pattern\":\"[ipv4-addr:value = '10.0.0.1']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":"
                + t
                + ",\"indicator_types\":[\"malicious-activity\"],\"kill_chain_phases\":"
                + "[{\"kill_chain_name\":\"lm\",\"phase_name\":\"recon\"}]}",
            "{\"type\":\"file\",\"spec_version\":\"2.1\",\"id\":\"file--10000000-0000-4000-8000-"
                + "000000000005\",\"name\":\"a.exe\",\"size\":12,\"hashes\":{\"SHA-256\":"
                + "\"aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f\"}}",
            "{\"type\":\"software\",\"spec_version\":\"2.1\",\"id\":\"software--10000000-0000-"
                + "4000-8000-000000000006\",\"name\":\"Word\",\"cpe\":\"cpe:2.3:a:microsoft:"
                + "word:2000:*:*:*:*:*:*:*\",\"languages\":[\"en\"]}",
            "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":"
                + "\"marking-definition--10000000-0000-4000-8000-000000000007\",\"created\":"
                + t
                + ",\"definition_type\":\"statement\",\"definition\":{\"statement\":\"(c) x\"}}",
            "{\"type\":\"x-mitre-tactic\",\"id\":\"x-mitre-tactic--10000000-0000-4000-8000-"
                + "000000000008\""
                + common
                + ",\"name\":\"Evasion\",\"x_mitre_shortname\":\"evasion\"}",
            "{\"type\":\"x-acme-implant\",\"id\":\"x-acme-implant--10000000-0000-4000-8000-"
                + "000000000009\",\"hash\":\"ab\"}",
            "{\"type\":\"extension-definition\",\"id\":\"extension-definition--10000000-0000-"
                + "4000-8000-00000000000a\""
                + common
                + ",\"created_by_ref\":\"identity--10000000-0000-4000-8000-000000000001\","
                + "\"name\":\"x\",\"schema\":\"https://example.org/s\",\"version\":\"1.0\","
                + "\"extension_types\":[\"toplevel-property-extension\"],"
                + "\"extension_properties\":[\"x_rank\"]}",
            "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\"ipv4-addr--10000000-"
                + "0000-4000-8000-00000000000b\",\"value\":\"10.0.0.1\"}",
            "{\"type\":\"network-traffic\",\"spec_version\":\"2.1\",\"id\":\"network-traffic--"
                + "10000000-0000-4000-8000-00000000000c\",\"protocols\":[\"tcp\"],"
                + "\"src_port\":80,\"src_ref\":\"ipv4-addr--10000000-0000-4000-8000-00000000000b\","
                + "\"extensions\":{\"http-request-ext\":{\"request_method\":"
                + "\"get\",\"request_value\":\"/\"}}}");
    List<JsonNode> out = new ArrayList<>();
    for (String text : texts) {
      JsonNode o = JSON.readTree(text);
      assertThat(StixSchemas.validatorProblem(StixSchemas.fileOf(o), o)).as(text).isEmpty();
      out.add(o);
    }
    return out;
  }

  /** Every STIX object of the shared bundles and validator examples (none when absent). */
  private static List<JsonNode> shared() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String folder : List.of("oasis-examples", "validator-test-examples", "mitre-attack")) {
      Path dir = SHARED.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          JsonNode doc;
          try {
            doc = JSON.readTree(f.toFile());
          } catch (IOException e) {
            continue; // some validator examples are not JSON on purpose
          }
          collect(doc, out);
        }
      }
    }
    return out;
  }

  private static void collect(JsonNode doc, List<JsonNode> out) {
    if (doc.isArray()) {
      doc.forEach(d -> collect(d, out));
    } else if (doc.isObject() && "bundle".equals(doc.path("type").asText())) {
      doc.path("objects").forEach(d -> collect(d, out));
    } else if (doc.isObject() && doc.path("type").isTextual() && doc.path("id").isTextual()) {
      out.add(doc);
    }
  }

  /** At most three objects of each type, so that every type met is damaged. */
  private static List<JsonNode> sampled(List<JsonNode> all) {
    Map<String, Integer> seen = new HashMap<>();
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : all) {
      if (seen.merge(o.path("type").asText(), 1, Integer::sum) <= 3) {
        out.add(o);
      }
    }
    return out;
  }

  /** {@code o} itself and copies with one thing changed, at the top and one level down. */
  private static List<JsonNode> damaged(JsonNode o) {
    List<JsonNode> out = new ArrayList<>();
    out.add(o);
    if (!o.isObject()) {
      return out;
    }
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      ObjectNode removed = o.deepCopy();
      removed.remove(name);
      out.add(removed);
      for (JsonNode value : VALUES) {
        ObjectNode changed = o.deepCopy();
        changed.set(name, value);
        out.add(changed);
      }
      JsonNode inner = o.get(name);
      // One level down: the first element of an array of objects, or an object's properties.
      JsonNode target = inner.isArray() && inner.size() > 0 ? inner.get(0) : inner;
      if (target.isObject()) {
        List<String> innerNames = new ArrayList<>();
        target.fieldNames().forEachRemaining(innerNames::add);
        for (String innerName : innerNames) {
          for (JsonNode value : INNER_VALUES) {
            ObjectNode changed = o.deepCopy();
            JsonNode copy = inner.isArray() ? changed.get(name).get(0) : changed.get(name);
            ((ObjectNode) copy).set(innerName, value);
            out.add(changed);
          }
          ObjectNode changed = o.deepCopy();
          JsonNode copy = inner.isArray() ? changed.get(name).get(0) : changed.get(name);
          ((ObjectNode) copy).remove(innerName);
          out.add(changed);
        }
      }
    }
    for (String added : ADDED_NAMES) {
      ObjectNode changed = o.deepCopy();
      changed.put(added, "zz");
      out.add(changed);
    }
    return out;
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<JsonNode> VALUES =
      List.of(
          F.nullNode(),
          F.textNode(""),
          F.textNode("x"),
          F.textNode("2024-01-01T00:00:00Z"),
          F.textNode("2024-13-01T00:00:00.000Z"),
          F.textNode("indicator--10000000-0000-4000-8000-000000000001"),
          F.textNode("relationship--10000000-0000-4000-8000-000000000001"),
          F.textNode("Not-A-Type--x"),
          F.arrayNode(),
          F.arrayNode().add("x"),
          F.arrayNode().add(1),
          F.arrayNode().add(F.objectNode()),
          F.objectNode(),
          F.objectNode().put("a", 1),
          F.objectNode().set("x-acme-ext", F.objectNode().put("rank", 1)),
          F.numberNode(0),
          F.numberNode(-1),
          F.numberNode(101),
          F.numberNode(1.5),
          F.numberNode(2.0),
          F.booleanNode(true));

  private static final List<JsonNode> INNER_VALUES =
      List.of(
          F.nullNode(),
          F.textNode("x"),
          F.textNode("CVE-2020-1234"),
          F.textNode("cve"),
          F.textNode("not a url"),
          F.arrayNode(),
          F.objectNode(),
          F.numberNode(1),
          F.numberNode(1.5));

  private static final List<String> ADDED_NAMES =
      List.of("X", "ab", "id", "aa_bin", "aa_hex", "x_custom", "severity", "extensions", "Ünï");
}
