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
 * Stored property values weighed as claims (two birth dates that cannot both hold are a dispute),
 * and the routes for declared links and assessments: per organisation, a circle refused whole and
 * named, what the caller may not see answered as unknown.
 */
class DeclarationRoutesIT {
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
    write("src-bio-registry", "Registry extract", "ctic", "1961-04-12", "Deputy minister");
    write("src-bio-profile", "Press profile", "ctic", "1963-09-30", "Deputy minister");
    // A third date the analysts of ctic may not see takes no part, not even in counts.
    write("src-bio-customs", "Customs file", "customs", "1959-01-01", "Director");
    analyst = app.client().signedIn("alice");
    stranger = app.client().signedIn("bob");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void twoBirthDatesCannotBothHoldAndAreShownAsDisputedWithTheirSources() {
    JsonNode facts = analyst.get("/entities/bio-person/claims").json().path("items");
    List<String> captions = new ArrayList<>();
    facts.forEach(
        f -> captions.add(f.path("caption").asText() + " | " + f.path("status").asText()));
    assertThat(captions)
        .contains(
            "birthDate · Farhad Testperson · 1961-04-12 | disputed",
            "birthDate · Farhad Testperson · 1963-09-30 | disputed",
            "position · Farhad Testperson · Deputy minister | corroborated")
        .noneMatch(c -> c.contains("1959") || c.contains("Director"));
    JsonNode first = fact(facts, "1961-04-12");
    assertThat(first.path("corroboration").path("text").asText()).isEqualTo("1 origin asserts");
    assertThat(first.path("conflicts").toString()).contains("1963-09-30").doesNotContain("1959");
    String claimId = first.path("origins").get(0).path("claims").get(0).path("id").asText();
    assertThat(claimId).startsWith("bio-person~");

    Client.Reply claim = analyst.get("/claims/" + claimId);
    assertThat(claim.status()).isEqualTo(200);
    assertThat(claim.json().path("origins").get(0).path("label").asText())
        .isEqualTo("Registry extract");
    assertThat(stranger.get("/claims/" + claimId).status()).isEqualTo(404);
    assertThat(analyst.get("/claims/bio-person~nothing").status()).isEqualTo(404);

    Client.Reply graded =
        analyst.post(
            "/grades", "{\"target\":\"claim\",\"id\":\"" + claimId + "\",\"grade\":\"2\"}");
    assertThat(graded.status()).isEqualTo(201);
    assertThat(
            stranger
                .post(
                    "/grades", "{\"target\":\"claim\",\"id\":\"" + claimId + "\",\"grade\":\"2\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void aDeclaredCopyJoinsOriginsAndACircleIsRefusedWhole() {
    JsonNode position =
        fact(analyst.get("/entities/bio-person/claims").json().path("items"), "Deputy minister");
    assertThat(position.path("corroboration").path("text").asText()).isEqualTo("2 origins assert");

    Client.Reply link =
        analyst.post(
            "/origin-links",
            "{\"from\":\"src-bio-profile\",\"kind\":\"derived_from\",\"to\":\"src-bio-registry\","
                + "\"reason\":\"the profile cites the registry\"}");
    assertThat(link.status()).isEqualTo(201);
    long id = link.json().path("id").asLong();
    assertThat(
            fact(analyst.get("/entities/bio-person/claims").json().path("items"), "Deputy minister")
                .path("corroboration")
                .path("text")
                .asText())
        .isEqualTo("1 origin asserts");
    assertThat(analyst.get("/origin-links").json().path("items").toString())
        .contains("src-bio-profile");

    Client.Reply circle =
        analyst.post(
            "/origin-links",
            "{\"from\":\"src-bio-registry\",\"kind\":\"copied_from\",\"to\":\"src-bio-profile\"}");
    assertThat(circle.status()).isEqualTo(400);
    assertThat(circle.errorMessage()).contains("circle").contains("src-bio-registry -> ");
    assertThat(analyst.get("/origin-links").json().path("items")).hasSize(1);

    // The stranger neither sees, nor links to, nor undoes what is not theirs.
    assertThat(stranger.get("/origin-links").json().path("items")).isEmpty();
    assertThat(
            stranger
                .post(
                    "/origin-links",
                    "{\"from\":\"src-bio-customs\",\"kind\":\"copied_from\",\"to\":\"src-bio-registry\"}")
                .status())
        .isEqualTo(404);
    assertThat(stranger.post("/origin-links/" + id + "/undo", "").status()).isEqualTo(404);
    assertThat(analyst.post("/origin-links/" + id + "/undo", "").json().path("undone").asBoolean())
        .isTrue();
    assertThat(analyst.post("/origin-links/" + id + "/undo", "").status()).isEqualTo(404);
    assertThat(
            fact(analyst.get("/entities/bio-person/claims").json().path("items"), "Deputy minister")
                .path("corroboration")
                .path("text")
                .asText())
        .isEqualTo("2 origins assert");
  }

  @Test
  void anAssessmentKeepsItsLikelihoodsRangeAndIsTheOrganisationsOwn() {
    Client.Reply made =
        analyst.post(
            "/assessments",
            "{\"subject\":\"bio-person\",\"likelihood\":\"almost certain\","
                + "\"statement\":\"The registry date is the true one\"}");
    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().path("likelihood").asText()).isEqualTo("almost-certain");
    assertThat(made.json().path("lowPercent").asInt()).isEqualTo(95);
    assertThat(made.json().path("highPercent").asInt()).isEqualTo(99);
    long id = made.json().path("id").asLong();
    assertThat(
            analyst
                .post(
                    "/assessments",
                    "{\"subject\":\"bio-person\",\"likelihood\":\"perhaps\",\"statement\":\"x\"}")
                .status())
        .isEqualTo(400);
    assertThat(analyst.get("/assessments?subject=bio-person").json().path("items")).hasSize(1);
    // The stranger sees the person through its own file, but not ctic's assessments of it.
    assertThat(stranger.get("/assessments?subject=bio-person").json().path("items")).isEmpty();
    assertThat(stranger.get("/assessments?subject=bio-nobody").status()).isEqualTo(404);
    assertThat(stranger.post("/assessments/" + id + "/undo", "").status()).isEqualTo(404);
    assertThat(analyst.post("/assessments/" + id + "/undo", "").json().path("undone").asBoolean())
        .isTrue();
  }

  private static JsonNode fact(JsonNode facts, String value) {
    for (JsonNode f : facts) {
      if (f.path("value").asText().equals(value)) {
        return f;
      }
    }
    throw new AssertionError("no fact with value " + value + " in " + facts);
  }

  @Test
  void gradesOffTheScaleAndAchMatricesWithoutHypothesesOrWithThousandsOfItemsAreRefusedNamingWhy() {
    String claim =
        analyst
            .get("/entities/bio-person/claims")
            .json()
            .path("items")
            .get(0)
            .path("origins")
            .get(0)
            .path("claims")
            .get(0)
            .path("id")
            .asText();
    String before = analyst.get("/claims/" + claim).body();
    for (String[] bad :
        List.of(
            new String[] {"claim", "7"},
            new String[] {"claim", "B"},
            new String[] {"source", "G"},
            new String[] {"claim", "0"})) {
      Client.Reply refused =
          analyst.post(
              "/grades",
              "{\"target\":\""
                  + bad[0]
                  + "\",\"id\":\""
                  + (bad[0].equals("claim") ? claim : "src-bio-registry")
                  + "\",\"grade\":\""
                  + bad[1]
                  + "\"}");
      assertThat(refused.status()).as(bad[1]).isEqualTo(400);
      assertThat(refused.errorMessage()).as(bad[1]).contains(bad[1]);
    }
    // Nothing was stored: the claim has no grade in force.
    assertThat(analyst.get("/claims/" + claim).body()).isEqualTo(before);

    Client.Reply none = analyst.post("/ach", "{\"hypotheses\":[],\"evidence\":[{\"id\":\"E1\"}]}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.errorMessage()).contains("hypothes");
    StringBuilder many = new StringBuilder("{\"hypotheses\":[\"H1\",\"H2\"],\"evidence\":[");
    for (int i = 0; i < 5_000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"id\":\"E").append(i).append("\"}");
    }
    Client.Reply thousands = analyst.post("/ach", many.append("]}").toString());
    assertThat(thousands.status()).isEqualTo(400);
    assertThat(thousands.errorMessage()).contains("500");
  }

  private static void write(String id, String title, String org, String born, String position) {
    Source s =
        new Source(
            id,
            SourceKind.DOCUMENT,
            title,
            Reliability.C,
            Marking.of(Tlp.AMBER, org),
            Optional.empty(),
            Optional.empty(),
            SEEN);
    app.store
        .statements()
        .write(
            s,
            List.of(
                node(s, "name", "Farhad Testperson"),
                node(s, "birthDate", born),
                node(s, "position", position)));
  }

  private static Statement node(Source s, String property, String value) {
    return Statement.about("bio-person", Schema.PERSON)
        .set(property, value)
        .from(s)
        .seen(SEEN)
        .build();
  }
}
