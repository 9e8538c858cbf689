/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Permission;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;

/**
 * yente 5.5.0's {@code POST /match/{dataset}} on a real server over the fixture lists: its request
 * and response shapes, batches with a bad query in them, limit, threshold and cutoff, list filters,
 * the caller's rights, and the audit rows naming what was released.
 */
class MatchRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Store store;
  static String screenToken;
  static String readToken;

  @BeforeAll
  static void start() throws Exception {
    List<Path> lists =
        List.of(fixture("agency/partner-list.csv"), fixture("un/un-consolidated-excerpt.xml"));
    app = TestServer.withLists(dir, lists);
    store = app.store;
    store.accounts().createOrganization("ctic", "CTIC");
    String hash = PasswordHasher.standard().hash(TestServer.PASSWORD);
    User ana = store.accounts().createUser("ana", "ctic", Role.ANALYST, hash);
    screenToken =
        ApiTokens.issue(
            store.accounts(),
            ana,
            "yente",
            Duration.ofDays(1),
            Set.of(Permission.SCREEN),
            Clock.systemUTC());
    readToken =
        ApiTokens.issue(
            store.accounts(),
            ana,
            "read",
            Duration.ofDays(1),
            Set.of(Permission.READ),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(MatchRoutesIT.class.getResource("/lists/" + name).toURI());
  }

  private static Client client() {
    return app.client().withBearer(screenToken);
  }

  private static ObjectNode person(String name) {
    ObjectNode q = Client.JSON.createObjectNode().put("schema", "Person");
    q.putObject("properties").putArray("name").add(name);
    return q;
  }

  private static String batch(ObjectNode... queries) {
    ObjectNode body = Client.JSON.createObjectNode();
    ObjectNode qs = body.putObject("queries");
    for (int i = 0; i < queries.length; i++) {
      qs.set("q" + i, queries[i]);
    }
    return body.toString();
  }

  @Test
  void aBatchIsAnsweredInYentesShapeWithExplanationsAndABadQueryInItsSlot() {
    ObjectNode examplani = person("Ghasem Examplani");
    ((ObjectNode) examplani.get("properties")).putArray("birthDate").add("1957");
    ObjectNode company = Client.JSON.createObjectNode().put("schema", "Company");
    company.putObject("properties").put("name", "Example Logistik");
    ObjectNode nameless = Client.JSON.createObjectNode().put("schema", "Person");
    nameless.putObject("properties").putArray("nationality").add("ir");

    Client.Reply reply = client().post("/match/default", batch(examplani, company, nameless));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.header("x-batch-size")).hasValue("3");
    JsonNode out = reply.json();
    assertThat(out.path("limit").asInt()).isEqualTo(5);
    JsonNode q0 = out.path("responses").path("q0");
    assertThat(q0.path("status").asInt()).isEqualTo(200);
    assertThat(q0.path("query").path("schema").asText()).isEqualTo("Person");
    assertThat(q0.path("query").path("properties").path("birthDate").get(0).asText())
        .isEqualTo("1957");
    JsonNode top = q0.path("results").get(0);
    assertThat(top.path("id").asText()).isEqualTo("partner-list-A-1");
    assertThat(top.path("caption").asText()).isEqualTo("Qasem Examplani");
    assertThat(top.path("schema").asText()).isEqualTo("Person");
    assertThat(top.path("properties").path("alias").toString()).contains("Ghasem Examplani");
    assertThat(top.path("properties").path("nationality").toString()).contains("ir");
    assertThat(top.path("properties").path("topics").toString()).contains("sanction");
    assertThat(top.path("datasets").toString()).isEqualTo("[\"partner-list\"]");
    assertThat(top.path("target").asBoolean()).isTrue();
    assertThat(top.path("score").asDouble()).isGreaterThanOrEqualTo(0.7);
    assertThat(top.path("match").asBoolean()).isTrue();
    JsonNode names = top.path("explanations").path("name_match");
    assertThat(names.path("query").asText()).isEqualTo("Ghasem Examplani");
    assertThat(names.path("candidate").asText()).isEqualTo("Ghasem Examplani");
    assertThat(names.path("detail").asText()).contains("aligned");
    assertThat(top.path("explanations").path("supporting_evidence").path("detail").asText())
        .contains("birth date agrees");
    assertThat(q0.path("total").path("value").asInt()).isEqualTo(q0.path("results").size());
    assertThat(q0.path("total").path("relation").asText()).isEqualTo("eq");

    assertThat(out.path("responses").path("q1").path("results").get(0).path("id").asText())
        .isEqualTo("partner-list-A-2");
    JsonNode bad = out.path("responses").path("q2");
    assertThat(bad.path("status").asInt()).isEqualTo(400);
    assertThat(bad.path("detail").asText()).contains("no name");
    assertThat(bad.path("results")).isEmpty();
  }

  @Test
  void thresholdDecidesMatchWhileCutoffAndLimitDecideWhatIsReturned() {
    // A misspelt name scores below 1: above the default cutoff, below a strict threshold.
    Client.Reply strict =
        client().post("/match/default?threshold=0.999", batch(person("Ghasem Examplanni")));
    JsonNode top = strict.json().path("responses").path("q0").path("results").get(0);
    assertThat(top.path("id").asText()).isEqualTo("partner-list-A-1");
    assertThat(top.path("score").asDouble()).isBetween(0.7, 0.999);
    assertThat(top.path("match").asBoolean()).isFalse();

    Client.Reply loose =
        client().post("/match/default?cutoff=0&limit=1", batch(person("Saddam Hussein")));
    assertThat(loose.json().path("limit").asInt()).isEqualTo(1);
    assertThat(loose.json().path("responses").path("q0").path("results")).hasSize(1);

    Client.Reply wide =
        client().post("/match/default?cutoff=0&limit=20", batch(person("Saddam Hussein")));
    assertThat(wide.json().path("responses").path("q0").path("results").size()).isGreaterThan(1);
    for (JsonNode r : wide.json().path("responses").path("q0").path("results")) {
      assertThat(r.path("match").asBoolean()).isEqualTo(r.path("score").asDouble() >= 0.7);
    }
  }

  @Test
  void aListKeyOrTheListFiltersAnswerOnlyFromThoseLists() {
    String body = batch(person("Qasem Examplani"));
    assertThat(client().post("/match/partner-list", body).json().toString())
        .contains("partner-list-A-1");
    JsonNode un =
        client().post("/match/un-security-council-consolidated", body).json().path("responses");
    assertThat(un.toString()).doesNotContain("partner-list");
    assertThat(client().post("/match/default?exclude_dataset=partner-list", body).json().toString())
        .doesNotContain("partner-list-A-1");
    assertThat(client().post("/match/default?include_dataset=partner-list", body).json().toString())
        .contains("partner-list-A-1");
    assertThat(client().post("/match/default?exclude_schema=Person", body).json().toString())
        .doesNotContain("partner-list-A-1");
    assertThat(
            client()
                .post("/match/default?topics=poi", body)
                .json()
                .path("responses")
                .path("q0")
                .path("results"))
        .isEmpty();
  }

  @Test
  void badRequestsAreRefusedWithTheirReason() {
    assertThat(client().post("/match/no-such-list", batch(person("X"))).status()).isEqualTo(404);
    assertThat(client().post("/match/default", "{\"queries\":{}}").status()).isEqualTo(400);
    assertThat(client().post("/match/default", "{\"queries\":[]}").status()).isEqualTo(400);
    assertThat(client().post("/match/default?limit=1000", batch(person("X"))).status())
        .isEqualTo(400);
    assertThat(client().post("/match/default?threshold=2", batch(person("X"))).status())
        .isEqualTo(400);
    assertThat(client().post("/match/default?algorithm=logic-v9", batch(person("X"))).status())
        .isEqualTo(400);
    Client.Reply weights =
        client()
            .post(
                "/match/default",
                "{\"weights\":{\"name_literal\":0.8},\"queries\":{\"a\":" + person("X") + "}}");
    assertThat(weights.status()).isEqualTo(400);
    assertThat(weights.errorMessage()).contains("name_literal");
    ObjectNode[] many = new ObjectNode[MatchRoutes.MAX_BATCH + 1];
    java.util.Arrays.fill(many, person("Saddam Hussein"));
    Client.Reply tooMany = client().post("/match/default", batch(many));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorMessage()).contains("Too many queries");
  }

  @Test
  void onlyCallersWhoMayScreenAreAnsweredAndEachAnswerIsAuditedWithTheIdsReleased() {
    String body = batch(person("Qasem Examplani"));
    assertThat(app.client().post("/match/default", body).status()).isEqualTo(401);
    assertThat(app.client().withBearer(readToken).post("/match/default", body).status())
        .isEqualTo(403);
    assertThat(app.client().post("/match/no-such-list", body).status()).isEqualTo(401);

    assertThat(client().post("/match/partner-list", body).status()).isEqualTo(200);
    assertThat(store.audit().recent(10))
        .anySatisfy(
            r -> {
              assertThat(r.event().action()).isEqualTo(AuditAction.SEARCH);
              assertThat(r.event().target()).isEqualTo("match:partner-list");
              assertThat(r.event().detail())
                  .startsWith("match 1 queries (0 rejected); released 1-")
                  .contains("partner-list-A-1");
            });
  }
}
