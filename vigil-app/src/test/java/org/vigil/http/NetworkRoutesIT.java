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
import org.vigil.access.Role;

/**
 * The graph API over a small network written by org A: a GREEN membership of Zindashti in his
 * network, a GREEN employment of the network by MOIS, and an AMBER+STRICT link from the network to
 * a courier. Org B (no partner) sees the GREEN part only, in every graph answer.
 */
class NetworkRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client a;
  static Client b;

  @BeforeAll
  static void writeAsOrgA() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.ANALYST);
    a = app.client().signedIn("alice");
    b = app.client().signedIn("bob");

    ObjectNode body = Bodies.write("report-graph", "GREEN");
    Bodies.statement(body, "p-naji", "Person", "name", "Naji Ibrahim Sharifi-Zindashti");
    Bodies.statement(body, "o-net", "Organization", "name", "Zindashti network");
    Bodies.statement(body, "o-mois", "PublicBody", "name", "MOIS");
    Bodies.statement(body, "m-1", "Membership", "member", "p-naji");
    Bodies.statement(body, "m-1", "Membership", "organization", "o-net");
    Bodies.statement(body, "m-1", "Membership", "description", "Zindashti leads the network.");
    Bodies.statement(body, "m-1", "Membership", "startDate", "2020");
    Bodies.statement(body, "e-1", "Employment", "employee", "o-net");
    Bodies.statement(body, "e-1", "Employment", "employer", "o-mois");
    Bodies.statement(body, "e-1", "Employment", "description", "The network works for MOIS.");
    Bodies.marked(Bodies.statement(body, "p-courier", "Person", "name", "Courier"), "AMBER+STRICT");
    Bodies.marked(Bodies.statement(body, "u-1", "UnknownLink", "subject", "o-net"), "AMBER+STRICT");
    Bodies.marked(
        Bodies.statement(body, "u-1", "UnknownLink", "object", "p-courier"), "AMBER+STRICT");
    Client.Reply written = a.post("/statements", body.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void neighboursFollowTheContractAndCarryEvidence() {
    Client.Reply reply = a.get("/graph/neighbours?entity=o-net&depth=1");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(json.path("truncated").asBoolean()).isFalse();
    assertThat(ids(json.path("nodes")))
        .containsExactlyInAnyOrder("o-net", "p-naji", "o-mois", "p-courier");
    JsonNode membership = byId(json.path("edges"), "m-1");
    assertThat(membership.path("source").asText()).isEqualTo("p-naji");
    assertThat(membership.path("target").asText()).isEqualTo("o-net");
    assertThat(membership.path("schema").asText()).isEqualTo("Membership");
    assertThat(membership.path("label").asText()).isEqualTo("member of");
    assertThat(membership.path("start").asText()).isEqualTo("2020");
    assertThat(membership.path("tlp").asText()).isEqualTo("GREEN");
    assertThat(membership.path("evidence").get(0).path("text").asText())
        .isEqualTo("Zindashti leads the network.");
    assertThat(membership.path("evidence").get(0).path("grade").asText()).isEqualTo("B");
    assertThat(byId(json.path("nodes"), "p-naji").path("caption").asText())
        .isEqualTo("Naji Ibrahim Sharifi-Zindashti");
  }

  @Test
  void aRelationRecordFoundBySearchIsCaptionedByWhatItJoinsNotItsId() {
    Client.Reply reply = a.get("/entities?q=leads");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode membership = byId(reply.json().path("hits"), "m-1");
    assertThat(membership.path("caption").asText())
        .isEqualTo("Membership: Naji Ibrahim Sharifi-Zindashti → Zindashti network");
  }

  @Test
  void amberStrictPartIsAbsentForAnotherOrganisation() {
    JsonNode neighbours = b.get("/graph/neighbours?entity=o-net").json();
    assertThat(ids(neighbours.path("nodes")))
        .containsExactlyInAnyOrder("o-net", "p-naji", "o-mois");
    assertThat(neighbours.toString()).doesNotContain("p-courier").doesNotContain("u-1");

    Client.Reply hidden = b.get("/graph/neighbours?entity=p-courier");
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.errorCode()).isEqualTo("not_found");
    assertThat(b.get("/graph/path?from=p-naji&to=p-courier").status()).isEqualTo(404);

    JsonNode degrees = b.get("/graph/centrality?entity=o-net&measure=degree").json();
    assertThat(byId(degrees.path("nodes"), "o-net").path("centrality").path("degree").asDouble())
        .isEqualTo(2.0);
    JsonNode ownerDegrees = a.get("/graph/centrality?entity=o-net&measure=degree").json();
    assertThat(
            byId(ownerDegrees.path("nodes"), "o-net").path("centrality").path("degree").asDouble())
        .isEqualTo(3.0);
  }

  @Test
  void pathConnectsWithEvidenceSentences() {
    Client.Reply reply = b.get("/graph/path?from=p-naji&to=o-mois&k=2");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(json.path("paths")).hasSize(1);
    assertThat(json.path("paths").get(0).path("length").asInt()).isEqualTo(2);
    assertThat(json.path("paths").get(0).path("edges").toString()).isEqualTo("[\"m-1\",\"e-1\"]");
    assertThat(json.path("edges").toString())
        .contains("Zindashti leads the network.")
        .contains("The network works for MOIS.");
  }

  @Test
  void communitiesSubgraphAndTimelineAnswer() {
    JsonNode communities = a.get("/graph/communities?entity=o-net").json();
    assertThat(communities.path("nodes")).allSatisfy(n -> assertThat(n.has("community")).isTrue());

    JsonNode sub = b.get("/graph/subgraph?entity=p-naji&entity=o-net").json();
    assertThat(ids(sub.path("nodes"))).containsExactly("p-naji", "o-net");
    assertThat(sub.path("edges")).hasSize(1);

    JsonNode timeline = b.get("/graph/timeline?entity=p-naji").json();
    assertThat(timeline.path("entity").asText()).isEqualTo("p-naji");
    assertThat(timeline.path("items").get(0).path("date").asText()).isEqualTo("2020");
    assertThat(timeline.path("items").get(0).path("kind").asText()).isEqualTo("statement");
  }

  @Test
  void badParametersAre400NamingThemAndUnknownIdsAre404() {
    assertBad(a.get("/graph/neighbours?entity=o-net&depth=9"), "depth 9");
    assertBad(a.get("/graph/neighbours?entity=o-net&depth=two"), "depth 'two'");
    assertBad(
        a.get("/graph/neighbours?entity=o-net&schema=Person"), "'Person' is not a link schema");
    assertBad(a.get("/graph/neighbours?entity=o-net&from=2024-13-01"), "from '2024-13-01'");
    assertBad(a.get("/graph/neighbours?entity=o-net&minConfidence=2"), "minimum confidence 2.0");
    assertBad(a.get("/graph/neighbours?entity=o-net&minGrade=Z"), "'Z'");
    assertBad(a.get("/graph/neighbours"), "entity");
    assertBad(a.get("/graph/path?from=p-naji&to=o-mois&k=11"), "k 11");
    assertBad(a.get("/graph/centrality?entity=o-net&measure=closeness"), "closeness");
    Client.Reply unknown = a.get("/graph/timeline?entity=nobody-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("not_found");
    assertThat(a.get("/graph/subgraph?entity=p-naji&entity=nobody").status()).isEqualTo(404);
  }

  private static void assertBad(Client.Reply reply, String named) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("bad_request");
    assertThat(reply.json().path("error").path("message").asText()).contains(named);
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("id").asText()));
    return out;
  }

  private static JsonNode byId(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + array);
  }
}
