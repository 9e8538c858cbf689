/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

class StixBundleReaderTest {
  private static final String MOIS = "identity--0b7c1a4e-2f3d-4c5b-9a8e-7d6c5b4a3f2e";
  private static final String ABSENT_ACTOR = "threat-actor--5a1f0c2b-3d4e-4f60-8a7b-9c0d1e2f3a4b";
  private static final String ABSENT_MALWARE = "malware--6b2a1d3c-4e5f-4071-8b9c-0d1e2f3a4b5c";
  private static final String REVOKED = "identity--7c3b2e4d-5f60-4182-9cad-1e2f3a4b5c6d";

  @Test
  void aRelationshipToAMappedTypeNotInTheBundleIsALinkThatWaitsForItsEnd() throws IOException {
    StixImportPlan plan =
        StixBundleReader.plan(
            bundle(
                identity(MOIS, false),
                relationship("relationship--11111111-1111-4111-8111-111111111111", ABSENT_ACTOR)),
            source());
    assertThat(plan.statements())
        .filteredOn(s -> s.schema() == Schema.UNKNOWN_LINK)
        .extracting(Statement::property, Statement::value)
        .contains(
            tuple("subject", MOIS), tuple("object", ABSENT_ACTOR), tuple("role", "attributed-to"));
  }

  @Test
  void aRelationshipToATypeVigilDoesNotMapOrToARevokedObjectIsKeptWholeButNoLink()
      throws IOException {
    StixImportPlan plan =
        StixBundleReader.plan(
            bundle(
                identity(MOIS, false),
                identity(REVOKED, true),
                relationship("relationship--22222222-2222-4222-8222-222222222222", ABSENT_MALWARE),
                relationship("relationship--33333333-3333-4333-8333-333333333333", REVOKED)),
            source());
    assertThat(plan.statements()).noneMatch(s -> s.schema() == Schema.UNKNOWN_LINK);
    assertThat(plan.kept()).hasSize(4);
    assertThat(plan.rejected()).isEmpty();
  }

  private static JsonNode bundle(String... objects) throws IOException {
    return new ObjectMapper()
        .readTree(
            "{\"type\":\"bundle\",\"id\":\"bundle--44444444-4444-4444-8444-444444444444\","
                + "\"objects\":["
                + String.join(",", objects)
                + "]}");
  }

  private static String identity(String id, boolean revoked) {
    return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"name\":\"Ministry of Intelligence\",\"identity_class\":\"organization\","
        + "\"revoked\":"
        + revoked
        + "}";
  }

  private static String relationship(String id, String target) {
    return "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"relationship_type\":\"attributed-to\",\"source_ref\":\""
        + MOIS
        + "\",\"target_ref\":\""
        + target
        + "\"}";
  }

  private static Source source() {
    return new Source(
        "stix-test",
        SourceKind.STIX_BUNDLE,
        "test bundle",
        Reliability.B,
        Marking.of(Tlp.GREEN, "agency"),
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2024-01-02T00:00:00Z"));
  }
}
