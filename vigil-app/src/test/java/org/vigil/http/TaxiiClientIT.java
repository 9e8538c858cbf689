/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.ApiTokens;
import org.vigil.model.Tlp;
import org.vigil.sharing.SampleNetwork;
import org.vigil.sharing.StixExport;
import org.vigil.sharing.TaxiiCollections;
import org.vigil.stix.TlpMarkings;

/**
 * Vigil's TAXII 2.1 server driven by the OASIS client (../shared/tools/taxii2-client) on Debian's
 * python3: discovery, collections, paging a 10,000-object collection with several page sizes while
 * objects are added, added_after resumption, manifest, versions, add and status, delete; and a
 * partner's token that pulls every collection it is offered and receives nothing it may not read.
 */
class TaxiiClientIT {
  private static final String MEDIA = "application/taxii+json;version=2.1";

  @TempDir Path dir;
  private TestServer app;
  private User agency;
  private User partner;
  private User stranger;

  @BeforeEach
  void start() {
    app = TestServer.start(dir);
    app.org("agency");
    app.org("partner", "agency");
    app.org("stranger");
    agency = app.user("agency-analyst", "agency", Role.ANALYST);
    partner = app.user("partner-analyst", "partner", Role.ANALYST);
    stranger = app.user("stranger-analyst", "stranger", Role.ANALYST);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void oasisClientWalksPagesResumesAndAddsWithoutDuplicatesOrGaps() {
    JsonNode out = run(token(agency), "walk");
    assertThat(out.path("title").asText()).isEqualTo("Vigil TAXII 2.1");
    assertThat(out.path("api_root_versions").get(0).asText()).isEqualTo(MEDIA);
    // The agency's four levels, and its partner's CLEAR, GREEN and AMBER (not AMBER+STRICT).
    assertThat(out.path("collections").size()).isEqualTo(7);
    assertThat(out.path("bulk_success").asInt()).isEqualTo(10_000);
    for (String size : List.of("250", "1000", "3333")) {
      JsonNode p = out.path("paging").path(size);
      assertThat(p.path("duplicates").asInt()).as("duplicates at %s", size).isZero();
      assertThat(p.path("initial_missing").asInt()).as("missing at %s", size).isZero();
      assertThat(p.path("resumed_duplicates").asInt()).as("resumed twice at %s", size).isZero();
      assertThat(p.path("gaps_after_resume").asInt()).as("gaps at %s", size).isZero();
      assertThat(p.path("objects").asInt() + p.path("resumed").asInt())
          .as("walk and resumption together at %s", size)
          .isEqualTo(p.path("collection_size").asInt());
      assertThat(p.path("pages").asInt()).isGreaterThanOrEqualTo(10_000 / Integer.parseInt(size));
    }
    assertThat(out.path("manifest_count").asInt()).isGreaterThanOrEqualTo(10_000);
    assertThat(out.path("manifest_media_types").toString())
        .isEqualTo("[\"application/stix+json;version=2.1\"]");
    assertThat(out.path("manifest_has_dates").asBoolean()).isTrue();
    assertThat(out.path("versions").toString())
        .isEqualTo("[\"2026-01-01T00:00:00.000Z\",\"2026-02-01T00:00:00.000Z\"]");
    assertThat(out.path("latest_name").asText()).isEqualTo("bulk 0 renamed");
    assertThat(out.path("all_versions_count").asInt()).isEqualTo(2);
    assertThat(out.path("first_version_name").asText()).isEqualTo("bulk 0");
    assertThat(out.path("by_type").asInt()).isEqualTo(1);
    JsonNode status = out.path("status");
    assertThat(status.path("status").asText()).isEqualTo("complete");
    assertThat(status.path("total").asInt()).isEqualTo(2);
    assertThat(status.path("success").asInt()).isEqualTo(1);
    assertThat(status.path("failure").asInt()).isEqualTo(1);
    assertThat(status.path("failures").get(0).path("message").asText()).contains("identifier");
    assertThat(out.path("deleted_gone").asBoolean()).isTrue();
    assertThat(out.path("media_types").toString()).isEqualTo("[\"" + MEDIA + "\"]");
  }

  @Test
  void partnerTokenPullingEveryCollectionReceivesNothingItMayNotRead() {
    Set<String> allowed = new TreeSet<>();
    Set<String> forbidden = new TreeSet<>();
    for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT)) {
      List<String> agencyIds = addThroughApi(agency, "agency", tlp);
      List<String> strangerIds = addThroughApi(stranger, "stranger", tlp);
      (tlp == Tlp.AMBER_STRICT ? forbidden : allowed).addAll(agencyIds);
      forbidden.addAll(strangerIds);
    }
    JsonNode out = run(token(partner), "leak");
    Set<String> received = new TreeSet<>();
    out.path("ids").forEach(id -> received.add(id.asText()));
    assertThat(received).doesNotContainAnyElementsOf(forbidden);
    assertThat(received).containsAll(allowed);
    List<String> titles = new ArrayList<>();
    out.path("collections").forEach(c -> titles.add(c.path("title").asText()));
    assertThat(titles)
        .noneMatch(
            t -> t.contains("stranger") || t.contains("AMBER+STRICT") && t.contains("agency"));
    assertThat(out.path("media_types").toString()).isEqualTo("[\"" + MEDIA + "\"]");
  }

  @Test
  void partnerTokenPullsThePublishedSampleNetworkWithMarkingsAndEvidenceReports() {
    SampleNetwork.write(app.store, agency.id());
    new StixExport(app.store, Clock.systemUTC()).publish("agency", "test", "test");
    JsonNode out = run(token(partner), "leak");
    String pulled = out.path("objects").toString();
    assertThat(pulled)
        .contains(
            "Naji Ibrahim Sharifi-Zindashti",
            "Zindashti Network",
            "Ministry of Intelligence and Security",
            "Esmail Khatib",
            "Treasury sanctions MOIS-backed Zindashti network",
            "Agency report 7: the network's couriers");
    assertThat(pulled).doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY);
    Set<String> types = new TreeSet<>();
    Set<String> markings = new TreeSet<>();
    for (JsonNode o : out.path("objects")) {
      types.add(o.path("type").asText());
      o.path("object_marking_refs").forEach(m -> markings.add(m.asText()));
    }
    assertThat(types)
        .contains("identity", "threat-actor", "relationship", "report", "note", "location");
    assertThat(markings)
        .containsExactlyInAnyOrder(TlpMarkings.id(Tlp.GREEN), TlpMarkings.id(Tlp.AMBER));
    assertThat(types).contains("marking-definition");
  }

  /** Adds three objects to an organisation's collection of one level, as one of its users. */
  private List<String> addThroughApi(User user, String org, Tlp tlp) {
    List<String> ids = new ArrayList<>();
    StringBuilder objects = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      String id =
          "identity--"
              + java.util.UUID.nameUUIDFromBytes((org + tlp + i).getBytes(StandardCharsets.UTF_8));
      ids.add(id);
      objects
          .append(objects.length() == 0 ? "" : ",")
          .append("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"")
          .append(id)
          .append(
              "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",")
          .append("\"name\":\"canary ")
          .append(org)
          .append(' ')
          .append(tlp.code())
          .append("\"}");
    }
    Client.Reply reply =
        app.client()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            app.base()
                                + "/taxii2/api/collections/"
                                + TaxiiCollections.idOf(org, tlp)
                                + "/objects/"))
                    .header("Authorization", "Bearer " + token(user))
                    .header("Accept", MEDIA)
                    .header("Content-Type", MEDIA)
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"objects\":[" + objects + "]}")));
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.header("Content-Type")).hasValue(MEDIA);
    try {
      assertThat(Client.JSON.readTree(reply.body()).path("success_count").asInt()).isEqualTo(3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  private String token(User user) {
    return ApiTokens.issue(
        app.store.accounts(), user, "taxii", Duration.ofDays(1), Clock.systemUTC());
  }

  private JsonNode run(String token, String mode) {
    try {
      Path script = dir.resolve("taxii_client_check.py");
      try (InputStream in = TaxiiClientIT.class.getResourceAsStream("taxii_client_check.py")) {
        Files.copy(in, script);
      }
      ProcessBuilder pb =
          new ProcessBuilder("/usr/bin/python3", script.toString(), app.base(), token, mode);
      pb.environment().put("PYTHONPATH", clientPath().toString());
      pb.redirectError(dir.resolve("python-" + mode + ".err").toFile());
      Process p = pb.start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      String err = Files.readString(dir.resolve("python-" + mode + ".err"));
      assertThat(exit).as("the OASIS client failed:\n" + err + "\n" + stdout).isZero();
      return Client.JSON.readTree(stdout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The OASIS client in ../shared/tools, found from the module's folder upwards. */
  private static Path clientPath() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/tools/taxii2-client");
      if (Files.isDirectory(candidate.resolve("taxii2client"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "the OASIS TAXII client is not in shared/tools/taxii2-client above " + here);
  }
}
