/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.PasswordHasher;
import org.vigil.model.Tlp;
import org.vigil.sharing.TaxiiCollections;

/**
 * Probes a hostile partner analyst (Bob, organisation B, a partner of A) and B's administrator make
 * against organisation A's objects on the routes the adversarial matrix only probes generically:
 * grades, ACH, case members, status and delete, alert reviews, /me/*, /users/*, and TAXII add and
 * delete. Each write leaves A's object as it was, and each answer to a guessed id of A's is the
 * answer to an id that never existed, so that neither a count nor an "already there" tells Bob
 * anything.
 */
class HostilePartnerProbesIT {
  @TempDir static Path dir;
  static OrgPairServer server;
  static OrgPairServer.Session alice;
  static OrgPairServer.Session bob;
  static OrgPairServer.Session bAdmin;
  static String strictSource;

  @BeforeAll
  static void start() {
    server = OrgPairServer.start(dir);
    server.org("org-a");
    server.org("org-b", "org-a");
    server.user("alice", "org-a");
    server.user("bob", "org-b");
    server
        .store
        .accounts()
        .createUser(
            "b-admin", "org-b", Role.ADMIN, PasswordHasher.standard().hash(OrgPairServer.PASSWORD));
    alice = server.signIn("alice");
    bob = server.signIn("bob");
    bAdmin = server.signIn("b-admin");
    ObjectNode strict = OrgPairServer.write("a-strict-report", "AMBER+STRICT");
    OrgPairServer.statement(strict, "a-person", "Person", "name", "Orsolya Brandt");
    OrgPairServer.Reply written = alice.post("/api/v1/statements", strict);
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    strictSource = written.json().path("sourceId").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void gradingAnotherOrganisationsStrictSourceAnswersLikeASourceThatNeverExisted() {
    OrgPairServer.Reply victim = bob.post("/api/v1/grades", grade(strictSource));
    OrgPairServer.Reply never = bob.post("/api/v1/grades", grade("no-such-source-7"));
    assertThat(victim.status()).isEqualTo(never.status()).isEqualTo(404);
    assertThat(victim.body().replace(strictSource, "X"))
        .isEqualTo(never.body().replace("no-such-source-7", "X"));
    assertThat(server.store.grades().gradesInForce(server.store.accounts().viewer(user("alice"))))
        .noneMatch(g -> g.gradedBy().equals("bob"));
  }

  @Test
  void undoingAnotherOrganisationsGradeAnswersLikeAGradeThatNeverExistedAndKeepsIt() {
    OrgPairServer.Reply own = alice.post("/api/v1/grades", grade(strictSource));
    assertThat(own.status()).as(own.body()).isEqualTo(201);
    long id = own.json().path("id").asLong();
    OrgPairServer.Reply victim = bob.post("/api/v1/grades/" + id + "/undo");
    OrgPairServer.Reply never = bob.post("/api/v1/grades/" + (id + 1_000_000) + "/undo");
    assertThat(victim.status()).isEqualTo(never.status()).isEqualTo(404);
    assertThat(victim.body().replace(Long.toString(id), "X"))
        .isEqualTo(never.body().replace(Long.toString(id + 1_000_000), "X"));
    assertThat(server.store.grades().gradesInForce(server.store.accounts().viewer(user("alice"))))
        .anyMatch(g -> g.id() == id);
  }

  @Test
  void achOnlyEchoesWhatItIsGivenAndNamesNothingOfAnotherOrganisation() {
    ObjectNode matrix = OrgPairServer.JSON.createObjectNode();
    matrix.putArray("hypotheses").add("H1").add("H2");
    ObjectNode evidence = matrix.putArray("evidence").addObject();
    evidence.put("id", strictSource);
    evidence.put("text", "guess");
    evidence.putObject("ratings").put("H1", "C").put("H2", "I");
    OrgPairServer.Reply reply = bob.post("/api/v1/ach", matrix);
    assertThat(reply.body()).doesNotContain("Orsolya", "Brandt", "AMBER+STRICT");
  }

  @Test
  void caseMembersStatusAndDeleteOnAnotherOrganisationsCaseAnswerLikeACaseThatNeverExisted() {
    OrgPairServer.Reply created =
        alice.post(
            "/api/v1/cases",
            OrgPairServer.JSON
                .createObjectNode()
                .put("title", "Harbour watch")
                .put("tlp", "AMBER"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("id").asText();
    String never = id.substring(0, id.length() - 4) + "0000";
    for (String action : new String[] {"members", "status", "delete"}) {
      ObjectNode body = OrgPairServer.JSON.createObjectNode();
      body.put("kind", "user").put("member", "bob").put("rights", "write").put("status", "closed");
      OrgPairServer.Reply victim = bob.post("/api/v1/cases/" + id + "/" + action, body);
      OrgPairServer.Reply guessed = bob.post("/api/v1/cases/" + never + "/" + action, body);
      assertThat(victim.status()).as(action).isEqualTo(guessed.status()).isEqualTo(404);
      assertThat(victim.body().replace(id, "X"))
          .as(action)
          .isEqualTo(guessed.body().replace(never, "X"));
    }
    OrgPairServer.Reply still = alice.get("/api/v1/cases/" + id);
    assertThat(still.status()).isEqualTo(200);
    assertThat(still.body()).contains("Harbour watch").doesNotContain("\"bob\"");
    assertThat(bob.get("/api/v1/cases/" + id).status()).isEqualTo(404);
  }

  @Test
  void reviewingAnAlertOfAnotherOrganisationAnswersLikeAnAlertThatNeverExisted() {
    ObjectNode review = OrgPairServer.JSON.createObjectNode().put("decision", "dismiss");
    review.put("reason", "probe");
    OrgPairServer.Reply low = bob.post("/api/v1/alerts/1/review", review);
    OrgPairServer.Reply high = bob.post("/api/v1/alerts/987654321/review", review);
    assertThat(low.status()).isEqualTo(high.status());
    assertThat(low.body().replace("987654321", "1"))
        .isEqualTo(high.body().replace("987654321", "1"));
    OrgPairServer.Reply listLow = bob.post("/api/v1/list-alerts/1/review", review);
    OrgPairServer.Reply listHigh = bob.post("/api/v1/list-alerts/987654321/review", review);
    assertThat(listLow.status()).isEqualTo(listHigh.status());
  }

  @Test
  void endingAnotherUsersSessionOrRevokingTheirTokenChangesNothingAndAnswersLikeAnUnknownId() {
    String aliceSession =
        alice.get("/api/v1/me/sessions").json().path("items").get(0).path("id").asText();
    OrgPairServer.Reply tokenReply =
        alice.post("/api/v1/me/tokens", OrgPairServer.JSON.createObjectNode().put("label", "t"));
    assertThat(tokenReply.status()).as(tokenReply.body()).isEqualTo(201);
    String aliceTokenId =
        alice.get("/api/v1/me/tokens").json().path("items").get(0).path("id").asText();
    String aliceToken = tokenReply.json().path("token").asText();

    OrgPairServer.Reply endVictim = bob.post("/api/v1/me/sessions/" + aliceSession + "/end");
    OrgPairServer.Reply endNever = bob.post("/api/v1/me/sessions/0123456789abcdef/end");
    assertThat(endVictim.status()).isEqualTo(endNever.status()).isEqualTo(404);
    assertThat(endVictim.body().replace(aliceSession, "X"))
        .isEqualTo(endNever.body().replace("0123456789abcdef", "X"));
    OrgPairServer.Reply revokeVictim = bob.post("/api/v1/me/tokens/" + aliceTokenId + "/revoke");
    OrgPairServer.Reply revokeNever = bob.post("/api/v1/me/tokens/999999999/revoke");
    assertThat(revokeVictim.status()).isEqualTo(revokeNever.status());
    assertThat(revokeVictim.body().replace(aliceTokenId, "X"))
        .isEqualTo(revokeNever.body().replace("999999999", "X"));

    assertThat(alice.get("/api/v1/me/sessions").status()).isEqualTo(200);
    assertThat(bearer("/api/v1/me/tokens", aliceToken)).isEqualTo(200);
  }

  @Test
  void anotherOrganisationsAdministratorCannotDisableAUserOrLearnThatTheyExist() {
    OrgPairServer.Reply victim = bAdmin.post("/api/v1/users/alice/disable");
    OrgPairServer.Reply never = bAdmin.post("/api/v1/users/no-such-user-7/disable");
    assertThat(victim.status()).isEqualTo(never.status()).isEqualTo(404);
    assertThat(victim.body().replace("alice", "X"))
        .isEqualTo(never.body().replace("no-such-user-7", "X"));
    assertThat(user("alice").enabled()).isTrue();
    assertThat(bAdmin.get("/api/v1/users").body()).doesNotContain("alice");
    assertThat(alice.get("/api/v1/me/sessions").status()).isEqualTo(200);
  }

  @Test
  void addingToOrDeletingFromAnotherOrganisationsCollectionChangesNothingAndTellsNothing() {
    String aliceToken =
        ApiTokens.issue(
            server.store.accounts(), user("alice"), "t", Duration.ofDays(1), Clock.systemUTC());
    String bobToken =
        ApiTokens.issue(
            server.store.accounts(), user("bob"), "t", Duration.ofDays(1), Clock.systemUTC());
    String object = "identity--6b1d8e0c-8e4b-4a2f-9a51-3c2d1e0f9a77";
    String envelope =
        "{\"objects\":[{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
            + object
            + "\",\"created\":\"2024-01-01T00:00:00.000Z\","
            + "\"modified\":\"2024-01-01T00:00:00.000Z\","
            + "\"name\":\"Orsolya Brandt\",\"identity_class\":\"individual\"}]}";
    // A's AMBER collection: Bob, of a partner, may read it and knows it exists; he may not write.
    String amber = TaxiiCollections.idOf("org-a", Tlp.AMBER);
    // A's AMBER+STRICT collection: Bob may not know of it at all.
    String strict = TaxiiCollections.idOf("org-a", Tlp.AMBER_STRICT);
    for (String collection : new String[] {amber, strict}) {
      assertThat(taxii("POST", collection, "", envelope, aliceToken)[0]).isEqualTo("202");
    }
    String never = "00000000-0000-5000-8000-000000000000";
    for (String method : new String[] {"POST", "DELETE"}) {
      String path = method.equals("DELETE") ? object + "/" : "";
      assertThat(taxii(method, amber, path, envelope, bobToken)[0]).as(method).isEqualTo("403");
      String[] victim = taxii(method, strict, path, envelope, bobToken);
      String[] guessed = taxii(method, never, path, envelope, bobToken);
      assertThat(victim[0]).as(method).isEqualTo(guessed[0]).isEqualTo("404");
      assertThat(victim[1].replace(strict, "X")).isEqualTo(guessed[1].replace(never, "X"));
    }
    for (String collection : new String[] {amber, strict}) {
      assertThat(taxii("GET", collection, object + "/", null, aliceToken)[1])
          .contains("Orsolya Brandt");
    }
  }

  private static User user(String name) {
    return server.store.accounts().userByName(name).orElseThrow();
  }

  private static ObjectNode grade(String sourceId) {
    return OrgPairServer.JSON
        .createObjectNode()
        .put("target", "source")
        .put("id", sourceId)
        .put("grade", "A")
        .put("reason", "probe");
  }

  private static int bearer(String path, String token) {
    return send(
            HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + token)
                .GET())[0]
            .equals("200")
        ? 200
        : 0;
  }

  /** A TAXII request: its status and body. */
  private static String[] taxii(
      String method, String collection, String path, String body, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(
                    server.base() + "/taxii2/api/collections/" + collection + "/objects/" + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/taxii+json;version=2.1");
    if (method.equals("POST")) {
      b.header("Content-Type", "application/taxii+json;version=2.1")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(b);
  }

  private static String[] send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  b.timeout(Duration.ofSeconds(60)).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new String[] {Integer.toString(r.statusCode()), r.body()};
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
