/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

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

/**
 * Org A (a partner of org C) writes an AMBER+STRICT, an AMBER and a GREEN statement about one
 * person; org B sees only the GREEN one, org C the AMBER and GREEN ones, through every read route.
 */
class MarkingScenarioIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client a;
  static Client b;
  static Client c;

  @BeforeAll
  static void writeAsOrgA() {
    app = TestServer.start(dir);
    app.threeAnalysts();
    a = app.client().signedIn("alice");
    b = app.client().signedIn("bob");
    c = app.client().signedIn("carol");

    ObjectNode body = Bodies.write("report-a-1", "GREEN");
    Bodies.statement(body, "person-ghorbani", "Person", "name", "Reza Ghorbani");
    Bodies.marked(
        Bodies.statement(body, "person-ghorbani", "Person", "alias", "Abu Mahdi Tabrizi"), "AMBER");
    Bodies.marked(
        Bodies.statement(
            body, "person-ghorbani", "Person", "notes", "Recruits couriers in Trabzon"),
        "AMBER+STRICT");
    Bodies.marked(
        Bodies.statement(body, "strict-only-entity", "Person", "name", "Kaveh Strictly"),
        "AMBER+STRICT");
    Client.Reply written = a.post("/statements", body.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    assertThat(written.json().path("inserted").asInt()).isEqualTo(4);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void ownerSeesEveryLevel() {
    assertThat(values(a, "person-ghorbani"))
        .containsExactlyInAnyOrder(
            "Reza Ghorbani", "Abu Mahdi Tabrizi", "Recruits couriers in Trabzon");
  }

  @Test
  void nonPartnerSeesOnlyGreen() {
    assertThat(values(b, "person-ghorbani")).containsExactly("Reza Ghorbani");
    Client.Reply entity = b.get("/entities/person-ghorbani");
    assertThat(entity.body()).doesNotContain("Tabrizi").doesNotContain("Trabzon");
  }

  @Test
  void partnerSeesAmberAndGreenButNotAmberStrict() {
    assertThat(values(c, "person-ghorbani"))
        .containsExactlyInAnyOrder("Reza Ghorbani", "Abu Mahdi Tabrizi");
  }

  @Test
  void valuesCarryTheirProvenance() {
    JsonNode name =
        a.get("/entities/person-ghorbani").json().path("properties").path("name").get(0);
    assertThat(name.path("source").path("id").asText())
        .as("a new source id is stored in its organisation's id space")
        .isEqualTo("org-a:report-a-1");
    assertThat(name.path("source").path("title").asText()).isEqualTo("Report report-a-1");
    assertThat(name.path("source").path("reliability").asText()).isEqualTo("B");
    assertThat(name.path("marking").path("tlp").asText()).isEqualTo("GREEN");
    assertThat(name.path("marking").path("owner").asText()).isEqualTo("org-a");
    assertThat(name.path("extractor").asText()).isNotEmpty();
    assertThat(name.path("firstSeen").asText()).isNotEmpty();
  }

  @Test
  void searchHidesWhatTheReaderMayNotSee() {
    assertThat(hits(b, "Ghorbani")).containsExactly("person-ghorbani");
    assertThat(b.search("Ghorbani").body()).doesNotContain("Tabrizi").doesNotContain("Trabzon");
    assertThat(hits(b, "Tabrizi")).isEmpty();
    assertThat(b.search("Tabrizi").json().path("total").asLong()).isZero();
    assertThat(hits(b, "Trabzon")).isEmpty();

    assertThat(hits(c, "Tabrizi")).containsExactly("person-ghorbani");
    assertThat(hits(c, "Trabzon")).isEmpty();
    assertThat(hits(c, "Strictly")).isEmpty();

    assertThat(hits(a, "Trabzon")).containsExactly("person-ghorbani");
  }

  @Test
  void anEntityTheReaderMayNotSeeLooksExactlyLikeAMissingOne() {
    Client.Reply hidden = b.get("/entities/strict-only-entity");
    Client.Reply missing = b.get("/entities/no-such-entity");
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(hidden.errorCode()).isEqualTo("not_found").isEqualTo(missing.errorCode());
    assertThat(hidden.errorMessage().replace("strict-only-entity", "X"))
        .isEqualTo(missing.errorMessage().replace("no-such-entity", "X"));
    assertThat(c.get("/entities/strict-only-entity").status()).isEqualTo(404);
    assertThat(a.get("/entities/strict-only-entity").status()).isEqualTo(200);
  }

  private static List<String> values(Client client, String entityId) {
    Client.Reply reply = client.get("/entities/" + entityId);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> values = new ArrayList<>();
    reply
        .json()
        .path("properties")
        .forEach(list -> list.forEach(v -> values.add(v.path("value").asText())));
    return values;
  }

  private static List<String> hits(Client client, String query) {
    Client.Reply reply = client.search(query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }
}
