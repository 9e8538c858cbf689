/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The FollowTheMoney export of the sample network, read by npm {@code @alephdata/followthemoney}
 * 3.8.4 (installed by this test into target/): every line loads in its model, every entity
 * reference resolves inside the export, nothing a recipient may not read is in it, and the released
 * ids are audited.
 */
class FtmExportIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(StoreConfig.embedded(dir.resolve("data")));
    store.accounts().createOrganization(SampleNetwork.OWNER, "The Agency");
    store.accounts().createOrganization("partner", "The Partner");
    store.accounts().createOrganization("stranger", "The Stranger");
    store.accounts().addPartners(SampleNetwork.OWNER, "partner");
    User red = store.accounts().createUser("red-reader", SampleNetwork.OWNER, Role.ANALYST, "x");
    SampleNetwork.write(store, red.id());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyLineLoadsInTheFtmModelAndEveryReferenceResolves() {
    for (String recipient : List.of(SampleNetwork.OWNER, "partner", "stranger")) {
      FtmExport.Outcome outcome = export(recipient);
      JsonNode check = check(outcome);
      assertThat(check.path("failures").toString()).as(recipient).isEqualTo("[]");
      assertThat(check.path("loaded").asInt())
          .as(recipient)
          .isEqualTo(outcome.entities().size())
          .isEqualTo(check.path("lines").asInt());
      assertThat(check.path("dangling").toString()).as(recipient).isEqualTo("[]");
    }
    FtmExport.Outcome agency = export(SampleNetwork.OWNER);
    assertThat(check(agency).path("references").asInt()).isGreaterThan(3);
    String all = agency.entities().toString();
    assertThat(all)
        .contains(
            "Naji Ibrahim Sharifi-Zindashti",
            "Zindashti Network",
            "Ministry of Intelligence and Security",
            SampleNetwork.STRICT_CANARY)
        .doesNotContain(SampleNetwork.RED_CANARY);
    assertThat(agency.bySchema()).containsKeys("Person", "Organization", "Membership");
  }

  @Test
  void aPartnerReceivesNeitherStrictNorRedAndTheReleasedIdsAreAudited() {
    FtmExport.Outcome partner = export("partner");
    String all = partner.entities().toString();
    assertThat(all).doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY);
    assertThat(all).contains("Naji Ibrahim Sharifi-Zindashti");
    for (ObjectNode e : partner.entities()) {
      assertThat(e.path("marking").asText()).isIn("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER");
    }
    FtmExport.Outcome stranger = export("stranger");
    for (ObjectNode e : stranger.entities()) {
      assertThat(e.path("marking").asText()).isIn("TLP:CLEAR", "TLP:GREEN");
    }
    ObjectNode zindashti =
        partner.entities().stream()
            .filter(e -> e.path("id").asText().equals("zindashti"))
            .findFirst()
            .orElseThrow();
    assertThat(zindashti.path("datasets").toString())
        .isEqualTo("[\"src-agency-report-7\",\"src-treasury-jy2041\"]");
    assertThat(zindashti.path("marking").asText()).isEqualTo("TLP:AMBER");
    // The agency's AMBER report reaches its partner, not a stranger.
    assertThat(all).contains("\"Naji Zindashti\"", "src-agency-report-7");
    assertThat(stranger.entities().toString())
        .doesNotContain("\"Naji Zindashti\"", "src-agency-report-7")
        .contains("Naji Ibrahim Sharifi-Zindashti");
    Set<String> audited = new TreeSet<>();
    store
        .audit()
        .recent(50)
        .forEach(
            r -> {
              if (r.event().action() == AuditAction.EXPORT
                  && r.event().target().equals("ftm:partner")) {
                String detail = r.event().detail();
                audited.addAll(List.of(detail.substring(detail.indexOf("): ") + 3).split(",")));
              }
            });
    Set<String> released = new TreeSet<>();
    partner.entities().forEach(e -> released.add(e.path("id").asText()));
    assertThat(audited).containsAll(released);
  }

  private FtmExport.Outcome export(String recipient) {
    return new FtmExport(store, Clock.systemUTC()).exportFor(recipient, "test", "test");
  }

  private JsonNode check(FtmExport.Outcome outcome) {
    try {
      Path lines = Files.createTempFile(dir, "export", ".jsonl");
      StringBuilder text = new StringBuilder();
      for (ObjectNode e : outcome.entities()) {
        text.append(JSON.writeValueAsString(e)).append('\n');
      }
      Files.writeString(lines, text, StandardCharsets.UTF_8);
      return FtmModel.check(lines, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
