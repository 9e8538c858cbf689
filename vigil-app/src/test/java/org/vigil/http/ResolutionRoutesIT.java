/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;
import org.vigil.resolution.ResolutionRun;
import org.vigil.watchlists.ListScreening;

/** Judgements, the review queue and the alert feed over HTTP, with markings honoured. */
class ResolutionRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client alice;
  static Client bob;
  static Client viewer;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.ANALYST);
    app.user("vera", "org-a", Role.VIEWER);
    alice = app.client().signedIn("alice");
    bob = app.client().signedIn("bob");
    viewer = app.client().signedIn("vera");
    ObjectNode one = Bodies.write("report-1", "GREEN");
    Bodies.statement(one, "p-khatib-1", "Person", "name", "Esmaeil Khatib");
    Bodies.statement(one, "p-hosseini-1", "Person", "name", "Hossein Taeb");
    Bodies.statement(one, "p-secret", "Person", "name", "Kaveh Secretly");
    ObjectNode two = Bodies.write("report-2", "GREEN");
    Bodies.statement(two, "p-khatib-2", "Person", "name", "Esmaeil Khatib");
    Bodies.statement(two, "p-hosseini-2", "Person", "name", "Hosein Taib");
    ObjectNode red = Bodies.write("report-red", "RED");
    Bodies.statement(red, "p-red", "Person", "name", "Dariush Hiddenfar");
    for (ObjectNode body : List.of(one, two, red)) {
      Client.Reply written = alice.post("/statements", body.toString());
      assertThat(written.status()).as(written.body()).isEqualTo(200);
    }
    new ResolutionRun(ListScreening.none(), 0.85, Clock.systemUTC()).run(app.store);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String judgement(String left, String right, String verdict) {
    return Client.JSON
        .createObjectNode()
        .put("left", left)
        .put("right", right)
        .put("verdict", verdict)
        .put("note", "seen together in the court papers")
        .toString();
  }

  @Test
  void machineMergeIsAJudgementThatCanBeUndoneAndStaysUndone() {
    Client.Reply history = alice.get("/judgements?entity=p-khatib-2");
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    JsonNode machine = history.json().path("items").get(0);
    assertThat(machine.path("author").asText()).isEqualTo("machine");
    assertThat(machine.path("verdict").asText()).isEqualTo("same");
    assertThat(machine.path("note").asText()).contains("Esmaeil Khatib = Esmaeil Khatib");
    assertThat(alice.get("/entities/p-khatib-2").json().path("id").asText())
        .isEqualTo("p-khatib-1");

    Client.Reply undone = alice.post("/judgements/" + machine.path("id").asLong() + "/undo", "");

    assertThat(undone.status()).as(undone.body()).isEqualTo(200);
    assertThat(undone.json().path("undone").asBoolean()).isTrue();
    assertThat(alice.get("/entities/p-khatib-1").json().path("id").asText())
        .isEqualTo("p-khatib-1");
    assertThat(alice.get("/entities/p-khatib-2").json().path("id").asText())
        .isEqualTo("p-khatib-2");
    assertThat(alice.post("/judgements/" + machine.path("id").asLong() + "/undo", "").status())
        .isEqualTo(409);
    new ResolutionRun(ListScreening.none(), 0.85, Clock.systemUTC()).run(app.store);
    assertThat(alice.get("/entities/p-khatib-2").json().path("id").asText())
        .isEqualTo("p-khatib-2");
    List<AuditAction> actions = new ArrayList<>();
    for (AuditRecord r : app.store.audit().recent(1_000)) {
      actions.add(r.event().action());
    }
    assertThat(actions).contains(AuditAction.UNDO_JUDGEMENT);
  }

  @Test
  void aContradictingJudgementIsRecordedBesideTheEarlierOne() {
    Client.Reply same =
        alice.post("/judgements", judgement("p-hosseini-1", "p-hosseini-2", "same"));
    assertThat(same.status()).as(same.body()).isEqualTo(201);
    assertThat(same.json().path("author").asText()).isEqualTo("alice");
    assertThat(same.json().path("contradicts")).isEmpty();

    Client.Reply different =
        alice.post("/judgements", judgement("p-hosseini-2", "p-hosseini-1", "different"));

    assertThat(different.status()).as(different.body()).isEqualTo(201);
    assertThat(different.json().path("contradicts").get(0).asLong())
        .isEqualTo(same.json().path("id").asLong());
    JsonNode items = alice.get("/judgements?entity=p-hosseini-1").json().path("items");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("verdict").asText()).isEqualTo("different");
    assertThat(items.get(1).path("verdict").asText()).isEqualTo("same");
    assertThat(alice.get("/entities/p-hosseini-2").json().path("id").asText())
        .isEqualTo("p-hosseini-2");
  }

  @Test
  void badJudgementsAreRefusedWithACode() {
    Client.Reply verdict =
        alice.post("/judgements", judgement("p-khatib-1", "p-khatib-2", "maybe"));
    assertThat(verdict.status()).isEqualTo(400);
    assertThat(verdict.json().path("error").path("code").asText()).isEqualTo("invalid_value");
    Client.Reply unknown = alice.post("/judgements", judgement("p-khatib-1", "p-nobody", "same"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("not_found");
    assertThat(alice.post("/judgements/999999/undo", "").status()).isEqualTo(404);
    assertThat(alice.post("/judgements/abc/undo", "").status()).isEqualTo(400);
    assertThat(viewer.post("/judgements", judgement("p-khatib-1", "p-khatib-2", "same")).status())
        .isEqualTo(403);
  }

  @Test
  void noOneJudgesOrSeesPairsWithEntitiesTheyMayNotSee() {
    Client.Reply hidden = bob.post("/judgements", judgement("p-secret", "p-red", "same"));
    assertThat(hidden.status()).isEqualTo(404);
    Client.Reply queue = bob.get("/review?limit=10");
    assertThat(queue.status()).isEqualTo(200);
    for (JsonNode item : queue.json().path("items")) {
      assertThat(item.path("left").path("id").asText()).isNotEqualTo("p-red");
      assertThat(item.path("right").path("id").asText()).isNotEqualTo("p-red");
    }
    assertThat(bob.get("/entities/p-red/matches").status()).isEqualTo(404);
    assertThat(alice.get("/review?limit=0").status()).isEqualTo(400);
  }

  @Test
  void alertsAndMatchesAnswerEvenWhenNothingWasFound() {
    Client.Reply alerts = alice.get("/alerts");
    assertThat(alerts.status()).as(alerts.body()).isEqualTo(200);
    assertThat(alerts.json().path("total").asInt()).isZero();
    Client.Reply matches = alice.get("/entities/p-khatib-1/matches");
    assertThat(matches.status()).isEqualTo(200);
    assertThat(matches.json().path("items")).isEmpty();
  }
}
