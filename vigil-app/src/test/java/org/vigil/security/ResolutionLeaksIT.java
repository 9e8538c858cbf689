/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.User;
import org.vigil.security.OrgPairServer.Reply;
import org.vigil.security.OrgPairServer.Session;

/**
 * Organisation A holds a TLP:RED report, shared with its analyst Alice only, on "Hadrik Solvenne";
 * organisation B's analyst Bob writes a GREEN report on "Hadrik Solvene", born the same day. The
 * machine may merge the two for Alice, who may read both; nothing Bob can ask for (entity, page,
 * judgements, graph, search, review queue) may change because A's report exists.
 */
class ResolutionLeaksIT {
  private static final String RED_SPELLING = "Solvenne";
  private static final String STRICT_NOTE = "CANARY-STRICT-NOTE from our strict source";

  @TempDir static Path dir;
  static OrgPairServer app;
  static Session alice;
  static Session amir;
  static Session bob;

  @BeforeAll
  static void start() {
    app = OrgPairServer.start(dir);
    app.org("org-a");
    app.org("org-b");
    User aliceUser = app.user("alice", "org-a");
    app.user("amir", "org-a");
    app.user("bob", "org-b");
    alice = app.signIn("alice");
    amir = app.signIn("amir");
    bob = app.signIn("bob");

    ObjectNode red = OrgPairServer.write("a-red-report", "RED", aliceUser.id());
    OrgPairServer.statement(red, "a-hadrik", "Person", "name", "Hadrik " + RED_SPELLING);
    OrgPairServer.statement(red, "a-hadrik", "Person", "birthDate", "1971-03-02");
    OrgPairServer.statement(red, "a-cell", "Organization", "name", "Ashgrove Cell");
    OrgPairServer.statement(red, "a-link", "Membership", "member", "a-hadrik");
    OrgPairServer.statement(red, "a-link", "Membership", "organization", "a-cell");
    alice.write(red);

    ObjectNode strict = OrgPairServer.write("a-strict-report", "AMBER+STRICT");
    OrgPairServer.statement(strict, "a-strict-person", "Person", "name", "Oren Talvik");
    alice.write(strict);

    ObjectNode green = OrgPairServer.write("b-green-report", "GREEN");
    OrgPairServer.statement(green, "b-hadrik", "Person", "name", "Hadrik Solvene");
    OrgPairServer.statement(green, "b-hadrik", "Person", "birthDate", "1971-03-02");
    OrgPairServer.statement(green, "b-firm", "Organization", "name", "Solvene Freight");
    OrgPairServer.statement(green, "b-link", "Membership", "member", "b-hadrik");
    OrgPairServer.statement(green, "b-link", "Membership", "organization", "b-firm");
    OrgPairServer.statement(green, "b-other", "Person", "name", "Lenna Varsk");
    bob.write(green);

    app.resolve();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theReaderOfBothReportsSeesTheMachineMerge() {
    Reply entity = alice.get("/api/v1/entities/b-hadrik");
    assertThat(entity.status()).as(entity.body()).isEqualTo(200);
    assertThat(entity.json().path("id").asText()).isEqualTo("a-hadrik");
    assertThat(texts(entity.json().path("members"))).containsExactly("a-hadrik", "b-hadrik");
  }

  @Test
  void restrictedSpellingNeverReachesAnotherOrganisationsJudgementNote() {
    Reply history = bob.get("/api/v1/judgements?entity=b-hadrik");
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.body()).doesNotContain(RED_SPELLING).doesNotContain("a-hadrik");
  }

  @Test
  void entityReadsShowOnlyTheMembersTheReaderMaySee() {
    Reply entity = bob.get("/api/v1/entities/b-hadrik");
    assertThat(entity.status()).as(entity.body()).isEqualTo(200);
    assertThat(entity.json().path("id").asText()).isEqualTo("b-hadrik");
    assertThat(texts(entity.json().path("members"))).containsExactly("b-hadrik");
    assertThat(entity.body()).doesNotContain("a-hadrik").doesNotContain(RED_SPELLING);
    assertThat(bob.get("/api/v1/entities/a-hadrik").status()).isEqualTo(404);
    Reply page = bob.get("/entities/b-hadrik");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("a-hadrik").doesNotContain(RED_SPELLING);
  }

  @Test
  void graphReadsCarryNoRestrictedIds() {
    for (String query :
        List.of(
            "/api/v1/graph/neighbours?entity=b-hadrik",
            "/api/v1/graph/neighbours?entity=b-firm&depth=2",
            "/api/v1/graph/communities?entity=b-firm",
            "/api/v1/graph/centrality?entity=b-firm",
            "/api/v1/graph/timeline?entity=b-hadrik",
            "/api/v1/graph/subgraph?entity=b-hadrik&entity=b-firm")) {
      Reply reply = bob.get(query);
      assertThat(reply.status()).as(query + " " + reply.body()).isEqualTo(200);
      assertThat(reply.body())
          .as(query)
          .doesNotContain("a-hadrik")
          .doesNotContain("a-cell")
          .doesNotContain("Ashgrove")
          .doesNotContain(RED_SPELLING);
    }
  }

  @Test
  void searchAndReviewQueueCarryNoRestrictedIds() {
    Reply search = bob.get("/api/v1/entities?q=Hadrik");
    assertThat(search.status()).as(search.body()).isEqualTo(200);
    assertThat(search.body()).doesNotContain("a-hadrik").doesNotContain(RED_SPELLING);
    Reply review = bob.get("/api/v1/review");
    assertThat(review.status()).as(review.body()).isEqualTo(200);
    assertThat(review.body()).doesNotContain("a-hadrik").doesNotContain(RED_SPELLING);
  }

  @Test
  void aColleagueOutsideTheRedAudienceDoesNotSeeTheMergeEither() {
    Reply entity = amir.get("/api/v1/entities/b-hadrik");
    assertThat(entity.status()).as(entity.body()).isEqualTo(200);
    assertThat(entity.json().path("id").asText()).isEqualTo("b-hadrik");
    assertThat(entity.body()).doesNotContain("a-hadrik").doesNotContain(RED_SPELLING);
  }

  @Test
  void anotherOrganisationsJudgementNotesStayWithIt() {
    Reply made =
        alice.post(
            "/api/v1/judgements",
            judgement("a-strict-person", "b-other", "same").put("note", STRICT_NOTE));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(alice.get("/api/v1/judgements?entity=b-other").body()).contains(STRICT_NOTE);

    Reply history = bob.get("/api/v1/judgements?entity=b-other");
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.body()).doesNotContain(STRICT_NOTE).doesNotContain("a-strict-person");
    Reply entity = bob.get("/api/v1/entities/b-other");
    assertThat(entity.json().path("id").asText()).isEqualTo("b-other");
    assertThat(entity.body()).doesNotContain("a-strict-person");
    Reply page = bob.get("/entities/b-other");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(STRICT_NOTE).doesNotContain("a-strict-person");
  }

  @Test
  void onlyTheJudgingOrganisationUndoesItsJudgement() {
    Reply made = alice.post("/api/v1/judgements", judgement("b-firm", "b-other", "different"));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    long id = made.json().path("id").asLong();

    Reply undo = bob.post("/api/v1/judgements/" + id + "/undo");
    Reply none = bob.post("/api/v1/judgements/987654321/undo");

    assertThat(undo.status()).isEqualTo(none.status()).isEqualTo(404);
    assertThat(undo.json().path("error").path("code").asText())
        .isEqualTo(none.json().path("error").path("code").asText());
    assertThat(undo.body()).doesNotContain("b-firm");
    JsonNode items = alice.get("/api/v1/judgements?entity=b-firm").json().path("items");
    assertThat(items.get(0).path("undone").asBoolean()).isFalse();
    Reply colleague = amir.post("/api/v1/judgements/" + id + "/undo");
    assertThat(colleague.status()).as(colleague.body()).isEqualTo(200);
  }

  @Test
  void judgingIdsTheCallerCannotSeeIsAnsweredAsIfTheyDidNotExist() {
    Reply hidden = bob.post("/api/v1/judgements", judgement("b-hadrik", "a-hadrik", "same"));
    Reply missing =
        bob.post("/api/v1/judgements", judgement("b-hadrik", "x-nobody-at-all", "same"));

    assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(404);
    assertThat(hidden.json().path("error").path("code").asText())
        .isEqualTo(missing.json().path("error").path("code").asText());
    assertThat(hidden.json().path("error").path("message").asText().replace("a-hadrik", "ID"))
        .isEqualTo(
            missing.json().path("error").path("message").asText().replace("x-nobody-at-all", "ID"));
    Reply history = bob.get("/api/v1/judgements?entity=a-hadrik");
    assertThat(history.status()).isEqualTo(404);
  }

  private static ObjectNode judgement(String left, String right, String verdict) {
    return OrgPairServer.JSON
        .createObjectNode()
        .put("left", left)
        .put("right", right)
        .put("verdict", verdict);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
