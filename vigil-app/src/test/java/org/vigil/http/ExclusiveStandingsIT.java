/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * Claims that cannot both hold by where they put someone, on a real store: two ministers of one
 * ministry over overlapping dates, a person arrested and a month later at large. Each is disputed
 * with the reason in words on its claim and its page, the graph hides them on request, and what a
 * reader may not see neither disputes nor shows.
 */
class ExclusiveStandingsIT {
  private static final Instant SEEN = Instant.parse("2026-11-02T08:00:00Z");
  @TempDir static Path dir;
  static TestServer app;
  static Client analyst;
  static Client stranger;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("ctic");
    app.org("customs");
    app.user("alice", "ctic", Role.ANALYST);
    app.user("bob", "customs", Role.ANALYST);
    Source profile = source("src-minister-profile", "Reference profile", "ctic");
    write(
        profile,
        List.of(
            node("body-ministry", Schema.PUBLIC_BODY, "name", "Ministry of Testing"),
            node("khatib-t", Schema.PERSON, "name", "Esmaeil Testkhatib"),
            employment("emp-khatib", "khatib-t", "Minister of Intelligence", "2021-08", null)));
    Source rumour = source("src-minister-rumour", "Exile newsletter", "ctic");
    write(
        rumour,
        List.of(
            node("rival-t", Schema.PERSON, "name", "Reza Testrival"),
            employment("emp-rival", "rival-t", "minister of intelligence", "2023-02", "2023-09"),
            // A member of the ministry holds no single post: no dispute with the minister.
            membership("mem-clerk", "rival-t", "member", "2022")));
    Source police = source("src-police", "Police statement", "ctic");
    write(
        police,
        List.of(
            node("fugitive-t", Schema.PERSON, "name", "Omid Testfugitive"),
            event("evt-arrest", "arrest", "2024-05-02")));
    write(
        source("src-wire", "Wire story", "ctic"),
        List.of(event("evt-escape", "escape", "2024-06")));
    // Another organisation's minister over the same years: ctic's analysts never see it.
    write(
        source("src-customs-file", "Customs file", "customs"),
        List.of(
            node("hidden-t", Schema.PERSON, "name", "Hidden Testminister"),
            employment("emp-hidden", "hidden-t", "Minister of Intelligence", "2022", null)));
    analyst = app.client().signedIn("alice");
    stranger = app.client().signedIn("bob");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void twoMinistersOfOneMinistryOverOverlappingDatesAreDisputedWithTheReason() {
    JsonNode khatib = claim(analyst, "emp-khatib");
    assertThat(khatib.path("status").asText()).isEqualTo("disputed");
    assertThat(khatib.path("corroboration").path("text").asText()).isEqualTo("1 origin asserts");
    assertThat(khatib.path("disputes")).hasSize(1);
    assertThat(khatib.path("disputes").get(0).path("with").asText())
        .isEqualTo("Employment · Reza Testrival — Ministry of Testing");
    assertThat(khatib.path("disputes").get(0).path("reason").asText())
        .isEqualTo(
            "only one person holds the post of minister of intelligence of one body at a time,"
                + " and one is said to hold it from 2021-08, another 2023-02 to 2023-09");
    assertThat(khatib.toString()).doesNotContain("Hidden Testminister").doesNotContain("2022");
    assertThat(claim(analyst, "emp-rival").path("status").asText()).isEqualTo("disputed");
    assertThat(claim(analyst, "mem-clerk").path("status").asText()).isEqualTo("single_origin");

    List<String> onThePersonsPage = new ArrayList<>();
    analyst
        .get("/entities/khatib-t/claims")
        .json()
        .path("items")
        .forEach(
            f ->
                onThePersonsPage.add(
                    f.path("caption").asText() + " | " + f.path("status").asText()));
    assertThat(onThePersonsPage)
        .containsExactly("Employment · Esmaeil Testkhatib — Ministry of Testing | disputed");

    String page = analyst.page("/claims/emp-khatib").body();
    assertThat(page)
        .contains("status-disputed")
        .contains("Employment · Reza Testrival — Ministry of Testing")
        .contains("only one person holds the post of minister of intelligence");

    // The other organisation sees its own minister alone, undisputed, and none of ctic's.
    assertThat(claim(stranger, "emp-hidden").path("status").asText()).isEqualTo("single_origin");
    assertThat(stranger.get("/claims/emp-khatib").status()).isEqualTo(404);
  }

  @Test
  void anArrestAndAnEscapeAMonthLaterAreDisputedWithTheReason() {
    JsonNode escape = claim(analyst, "evt-escape");
    assertThat(escape.path("status").asText()).isEqualTo("disputed");
    assertThat(escape.path("disputes").get(0).path("reason").asText())
        .isEqualTo(
            "one is said to be held (arrested or detained) 2024-05-02 and to be at large 2024-06,"
                + " at the same time or later");
    assertThat(claim(analyst, "evt-arrest").path("status").asText()).isEqualTo("disputed");
  }

  @Test
  void theGraphHidesTheDisputedMinistersButKeepsTheMember() {
    String neighbours = "/graph/neighbours?entity=body-ministry";
    assertThat(edges(neighbours)).contains("emp-khatib", "emp-rival", "mem-clerk");
    assertThat(edges(neighbours + "&hideDisputed=true"))
        .contains("mem-clerk")
        .doesNotContain("emp-khatib", "emp-rival");
  }

  private static JsonNode claim(Client client, String id) {
    Client.Reply reply = client.get("/claims/" + id);
    assertThat(reply.status()).as(id).isEqualTo(200);
    return reply.json();
  }

  private static List<String> edges(String path) {
    Client.Reply reply = analyst.get(path);
    assertThat(reply.status()).as(path).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().get("edges").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }

  private static Source source(String id, String title, String org) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        title,
        Reliability.C,
        Marking.of(Tlp.AMBER, org),
        Optional.empty(),
        Optional.empty(),
        SEEN);
  }

  private static void write(Source s, List<List<Statement.Builder>> groups) {
    List<Statement> built = new ArrayList<>();
    for (List<Statement.Builder> group : groups) {
      for (Statement.Builder b : group) {
        built.add(b.from(s).seen(SEEN).build());
      }
    }
    app.store.statements().write(s, built);
  }

  private static List<Statement.Builder> node(
      String id, Schema schema, String property, String value) {
    return List.of(Statement.about(id, schema).set(property, value));
  }

  private static List<Statement.Builder> employment(
      String id, String person, String role, String from, String to) {
    List<Statement.Builder> out = new ArrayList<>();
    out.add(Statement.about(id, Schema.EMPLOYMENT).set("employee", person));
    out.add(Statement.about(id, Schema.EMPLOYMENT).set("employer", "body-ministry"));
    out.add(Statement.about(id, Schema.EMPLOYMENT).set("role", role));
    out.add(Statement.about(id, Schema.EMPLOYMENT).set("startDate", from));
    if (to != null) {
      out.add(Statement.about(id, Schema.EMPLOYMENT).set("endDate", to));
    }
    return out;
  }

  private static List<Statement.Builder> membership(
      String id, String person, String role, String from) {
    return List.of(
        Statement.about(id, Schema.MEMBERSHIP).set("member", person),
        Statement.about(id, Schema.MEMBERSHIP).set("organization", "body-ministry"),
        Statement.about(id, Schema.MEMBERSHIP).set("role", role),
        Statement.about(id, Schema.MEMBERSHIP).set("startDate", from));
  }

  /** An event of {@code kind} whose subject is the fugitive, reported by the police. */
  private static List<Statement.Builder> event(String id, String kind, String date) {
    return List.of(
        Statement.about(id, Schema.EVENT).set("name", kind),
        Statement.about(id, Schema.EVENT).set("date", date),
        Statement.about(id, Schema.EVENT).set("involved", "fugitive-t"),
        Statement.about(id, Schema.EVENT).set("participant", "subject: fugitive-t"));
  }
}
