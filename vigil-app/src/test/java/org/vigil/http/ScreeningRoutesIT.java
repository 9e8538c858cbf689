/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;

/** {@code POST /screen} and {@code GET /lists} on a real server over the fixture lists. */
class ScreeningRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Store store;
  static ListLoader loader;

  @BeforeAll
  static void start() throws Exception {
    List<Path> lists =
        List.of(fixture("agency/partner-list.csv"), fixture("un/un-consolidated-excerpt.xml"));
    app =
        TestServer.start(
            StoreConfig.embedded(dir),
            s -> s,
            Clock.systemUTC(),
            opened -> {
              ListLibrary library = ListLibrary.in(dir);
              loader = new ListLoader(library, Optional.of(opened), "public", Clock.systemUTC());
              loader.loadAll(lists, Optional.empty(), Optional.empty(), line -> {});
              return ListScreening.over(library);
            });
    store = app.store;
    store.accounts().createOrganization("ctic", "CTIC");
    String hash = PasswordHasher.standard().hash(TestServer.PASSWORD);
    store.accounts().createUser("ana", "ctic", Role.ANALYST, hash);
    store.accounts().createUser("vic", "ctic", Role.VIEWER, hash);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ScreeningRoutesIT.class.getResource("/lists/" + name).toURI());
  }

  private static Client analyst() {
    return app.client().signedIn("ana");
  }

  private static ObjectNode query(String name) {
    return Client.JSON.createObjectNode().put("name", name);
  }

  @Test
  void oneQueryIsAnsweredWithExplainedMatches() {
    ObjectNode q = query("Ghasem Examplani").put("schema", "Person").put("birthDate", "1957");
    Client.Reply reply = analyst().post("/screen", q.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode match = reply.json().path("matches").get(0);
    assertThat(match.path("dataset").asText()).isEqualTo("partner-list");
    assertThat(match.path("entityId").asText()).isEqualTo("A-1");
    assertThat(match.path("name").asText()).isEqualTo("Qasem Examplani");
    assertThat(match.path("matchedName").asText()).isEqualTo("Ghasem Examplani");
    assertThat(match.path("programs")).extracting(JsonNode::asText).contains("WATCH");
    assertThat(match.path("score").asDouble()).isGreaterThanOrEqualTo(0.7);
    assertThat(match.path("explanation").asText()).contains("aligned:");
    assertThat(match.path("evidence").toString()).contains("birth date agrees");
    assertThat(match.path("reasons").asText())
        .startsWith("partner-list entry A-1, \"Qasem Examplani\", scores ")
        .contains("through its name \"Ghasem Examplani\".")
        .contains("Birth date agrees");
    assertThat(reply.json().path("query").path("limit").asInt()).isEqualTo(5);

    List<AuditRecord> recent = store.audit().recent(20);
    assertThat(recent)
        .anySatisfy(
            r -> {
              assertThat(r.event().action()).isEqualTo(AuditAction.SEARCH);
              assertThat(r.event().detail()).isEqualTo("screen 1 queries");
            });
  }

  @Test
  void aViewerMayScreenAndSeeTheLists() {
    Client viewer = app.client().signedIn("vic");
    assertThat(viewer.post("/screen", query("Saddam Hussein").toString()).status()).isEqualTo(200);
    Client.Reply lists = viewer.get("/lists");
    assertThat(lists.status()).isEqualTo(200);
    assertThat(lists.json().path("lists")).hasSizeGreaterThanOrEqualTo(2);
    JsonNode un = null;
    for (JsonNode list : lists.json().path("lists")) {
      if (list.path("dataset").asText().startsWith("UN ")) {
        un = list;
      }
    }
    assertThat(un).isNotNull();
    assertThat(un.path("entries").asInt()).isEqualTo(6);
    assertThat(un.path("published").asText()).isEqualTo("2026-02-27");
    assertThat(un.path("sha256").asText()).hasSize(64);
    assertThat(un.path("release").asText()).startsWith("un-security-council-consolidated/");
  }

  @Test
  void aBatchAnswersEveryGoodItemAndNamesEachBadOne() {
    ArrayNode queries = Client.JSON.createArrayNode();
    queries.add(query("Qasem Examplani"));
    queries.add(query(""));
    queries.add(query("x".repeat(10_000)));
    queries.add(query("bad\u0007name"));
    queries.add(query("!!! ... ???"));
    queries.add("just a string");
    queries.add(query("Example Logistics GmbH").put("schema", "Spaceship"));
    queries.add(query("Example Logistics GmbH").put("limit", 0));
    queries.add(query("Example Logistics GmbH").put("threshold", "high"));
    queries.add(query("Example Logistics GmbH").put("country", "Atlantis"));
    queries.add(query("Example Logistik").put("threshold", 0).put("limit", 2));
    ObjectNode body = Client.JSON.createObjectNode();
    body.set("queries", queries);

    Client.Reply reply = analyst().post("/screen", body.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode results = reply.json().path("results");
    assertThat(results).hasSize(11);
    assertThat(reply.json().path("rejected").asInt()).isEqualTo(8);
    assertThat(reply.json().path("screened").asInt()).isEqualTo(3);
    for (int i = 0; i < results.size(); i++) {
      assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
    }
    assertThat(results.get(0).path("matches").get(0).path("entityId").asText()).isEqualTo("A-1");
    assertThat(results.get(1).path("error").path("message").asText()).contains("queries[1].name");
    assertThat(results.get(2).path("error").path("message").asText()).contains("limit is 512");
    assertThat(results.get(3).path("error").path("message").asText()).contains("control character");
    assertThat(results.get(4).has("error")).isFalse();
    assertThat(results.get(4).path("matches")).isEmpty();
    assertThat(results.get(5).path("error").path("code").asText()).isEqualTo("bad_request");
    assertThat(results.get(6).path("error").path("message").asText()).contains("Spaceship");
    assertThat(results.get(7).path("error").path("message").asText()).contains("limit 0");
    assertThat(results.get(8).path("error").path("message").asText())
        .contains("queries[8].threshold");
    assertThat(results.get(9).path("error").path("message").asText()).contains("Atlantis");
    assertThat(results.get(10).path("matches").size()).isBetween(1, 2);
    assertThat(store.audit().recent(5))
        .anySatisfy(r -> assertThat(r.event().detail()).startsWith("screen 11 queries"));
  }

  @Test
  void aBadSingleQueryIsA400AndNeverA500() {
    Client client = analyst();
    for (String body :
        List.of(
            query("").toString(),
            query("   ").toString(),
            query("z".repeat(10_000)).toString(),
            query("null\u0000byte").toString(),
            "{}",
            "{\"name\": 42}",
            "{\"queries\": \"all\"}",
            "{\"queries\": []}",
            "[1, 2]",
            "{not json")) {
      Client.Reply reply = client.post("/screen", body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.errorCode()).as(body).isIn("bad_request", "invalid_value");
      assertThat(reply.errorMessage()).as(body).isNotBlank();
    }
    ArrayNode many = Client.JSON.createArrayNode();
    for (int i = 0; i < ScreeningRoutes.MAX_QUERIES + 1; i++) {
      many.add(query("name " + i));
    }
    ObjectNode tooMany = Client.JSON.createObjectNode();
    tooMany.set("queries", many);
    Client.Reply reply = client.post("/screen", tooMany.toString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorMessage()).contains("1000");

    Client.Reply punctuation = client.post("/screen", query("-- // ..").toString());
    assertThat(punctuation.status()).isEqualTo(200);
    assertThat(punctuation.json().path("matches")).isEmpty();
  }

  @Test
  void aListLoadedWhileServingIsScreenedNext() throws Exception {
    Client client = analyst();
    assertThat(
            client
                .post("/screen", query("AEROCARIBBEAN AIRLINES").toString())
                .json()
                .path("matches"))
        .isEmpty();
    loader.loadAll(
        List.of(fixture("sdn-json/ofac-sdn-excerpt.json")),
        Optional.empty(),
        Optional.empty(),
        line -> {});
    JsonNode matches =
        client.post("/screen", query("AEROCARIBBEAN AIRLINES").toString()).json().path("matches");
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).path("dataset").asText()).isEqualTo("OFAC SDN");
  }
}
