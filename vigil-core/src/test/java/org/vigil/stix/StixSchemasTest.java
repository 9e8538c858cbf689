/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Tlp;

/**
 * Import checks each object against the OASIS schema of its type, and refuses only the bad ones.
 */
class StixSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String T = "\"2024-01-01T00:00:00.000Z\"";

  @Test
  void anObjectFailingItsSchemaIsRefusedByIdAndPropertyAndTheOthersAreKept() throws IOException {
    String good = "intrusion-set--10000000-0000-4000-8000-000000000001";
    String badAliases = "intrusion-set--10000000-0000-4000-8000-000000000002";
    String noRelType = "relationship--10000000-0000-4000-8000-000000000003";
    String noMillis = "identity--10000000-0000-4000-8000-000000000004";
    String badConfidence = "threat-actor--10000000-0000-4000-8000-000000000005";
    StixImportPlan plan =
        StixBundleReader.plan(
            bundle(
                sdo(good, "intrusion-set", "\"name\":\"OilRig\",\"aliases\":[\"APT34\"]"),
                sdo(badAliases, "intrusion-set", "\"name\":\"APT33\",\"aliases\":\"Elfin\""),
                sdo(
                    noRelType,
                    "relationship",
                    "\"source_ref\":\"" + good + "\",\"target_ref\":\"" + good + "\""),
                "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
                    + noMillis
                    + "\",\"created\":\"2024-01-01T00:00:00Z\","
                    + "\"modified\":\"2024-01-01T00:00:00Z\",\"name\":\"MOIS\"}",
                sdo(badConfidence, "threat-actor", "\"name\":\"HEXANE\",\"confidence\":101")),
            source());

    assertThat(plan.kept()).extracting(o -> o.get("id").asText()).containsExactly(good);
    assertThat(plan.rejected())
        .extracting(StixImportPlan.Rejected::object)
        .containsExactly(badAliases, noRelType, noMillis, badConfidence);
    assertThat(reason(plan, badAliases))
        .startsWith("fails the OASIS STIX 2.1 schema intrusion-set.json")
        .contains("'aliases'", "array");
    assertThat(reason(plan, noRelType)).contains("'relationship_type'");
    assertThat(reason(plan, noMillis)).contains("'created'");
    assertThat(reason(plan, badConfidence)).contains("'confidence'", "100");
  }

  @Test
  void customObjectsAndCustomPropertiesAreCheckedOnlyByTheCommonPropertiesAndKept()
      throws IOException {
    String tactic = "x-mitre-tactic--20000000-0000-4000-8000-000000000001";
    String actor = "threat-actor--20000000-0000-4000-8000-000000000002";
    String customObservable = "x-acme-implant--20000000-0000-4000-8000-000000000003";
    String customNoModified = "x-acme-thing--20000000-0000-4000-8000-000000000004";
    StixImportPlan plan =
        StixBundleReader.plan(
            bundle(
                sdo(tactic, "x-mitre-tactic", "\"x_mitre_shortname\":\"evasion\",\"name\":\"E\""),
                sdo(actor, "threat-actor", "\"name\":\"HEXANE\",\"x_acme_rank\":{\"a\":[1,2]}"),
                "{\"type\":\"x-acme-implant\",\"id\":\"" + customObservable + "\",\"hash\":\"ab\"}",
                "{\"type\":\"x-acme-thing\",\"spec_version\":\"2.1\",\"id\":\""
                    + customNoModified
                    + "\",\"created\":"
                    + T
                    + "}"),
            source());

    assertThat(plan.kept())
        .extracting(o -> o.get("id").asText())
        .containsExactly(tactic, actor, customObservable);
    assertThat(plan.kept().get(1).get("x_acme_rank").toString()).isEqualTo("{\"a\":[1,2]}");
    assertThat(plan.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.object()).isEqualTo(customNoModified);
              assertThat(r.reason()).contains("core.json", "'modified'");
            });
  }

  @Test
  void theOasisExamplesShapesAndAHostileExtensionNameAreAnsweredPromptly() throws IOException {
    // ([a-z][a-z0-9]*)+ in the schemas' extension-name pattern backtracks exponentially on a
    // long name that fails it; the rewritten pattern answers at once.
    String id = "identity--30000000-0000-4000-8000-000000000001";
    JsonNode hostile =
        JSON.readTree(
            sdo(
                id,
                "identity",
                "\"name\":\"x\",\"extensions\":{\"" + "a".repeat(60) + "!\":{\"k\":\"v\"}}"));
    Optional<String> problem = StixSchemas.problem(hostile);
    assertThat(problem).isPresent();
    assertThat(problem.get()).contains("'extensions'");
    assertThat(StixSchemas.problem(JSON.readTree(sdo(id, "identity", "\"name\":\"x\"")))).isEmpty();
  }

  private static String reason(StixImportPlan plan, String id) {
    return plan.rejected().stream()
        .filter(r -> r.object().equals(id))
        .findFirst()
        .orElseThrow()
        .reason();
  }

  private static String sdo(String id, String type, String rest) {
    return "{\"type\":\""
        + type
        + "\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":"
        + T
        + ",\"modified\":"
        + T
        + ","
        + rest
        + "}";
  }

  private static JsonNode bundle(String... objects) throws IOException {
    return JSON.readTree(
        "{\"type\":\"bundle\",\"id\":\"bundle--40000000-0000-4000-8000-000000000001\",\"objects\":["
            + String.join(",", objects)
            + "]}");
  }

  private static Source source() {
    return new Source(
        "s",
        SourceKind.STIX_BUNDLE,
        "test",
        Reliability.B,
        Marking.of(Tlp.GREEN, "org-a"),
        Optional.empty(),
        Optional.empty(),
        Instant.EPOCH);
  }
}
