/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.ApiTokens;
import org.vigil.model.Tlp;
import org.vigil.sharing.TaxiiCollections;

/**
 * The TAXII 2.1 server's refusals: 401 without a token, 406 for an Accept it cannot answer, 415 for
 * a body that is not TAXII JSON, 404 for a collection the caller may not know of (the same as one
 * that never existed), 403 for a read-only token's write; each in TAXII's exact media type.
 */
class TaxiiServerIT {
  private static final String MEDIA = "application/taxii+json;version=2.1";
  private static final long LIMIT = 64 * 1024;

  @TempDir Path dir;
  private TestServer app;
  private String token;
  private String readOnly;

  @BeforeEach
  void start() {
    app = TestServer.start(dir, s -> s.withMaxBodyBytes(LIMIT));
    app.org("agency");
    app.org("stranger");
    User analyst = app.user("agency-analyst", "agency", Role.ANALYST);
    token =
        ApiTokens.issue(app.store.accounts(), analyst, "t", Duration.ofDays(1), Clock.systemUTC());
    readOnly =
        ApiTokens.issue(
            app.store.accounts(),
            analyst,
            "r",
            Duration.ofDays(1),
            java.util.Set.of(org.vigil.access.Permission.READ),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void withoutTokenEveryTaxiiRouteAnswers401InTaxiiMediaType() {
    Client.Reply reply = send(get("/taxii2/api/collections/"));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("Content-Type")).hasValue(MEDIA);
    assertThat(reply.body()).contains("\"http_status\":\"401\"");
  }

  @Test
  void anAcceptOtherThanTaxii21Is406() {
    for (String accept :
        new String[] {"application/json", "application/taxii+json;version=2.0", "text/html"}) {
      Client.Reply reply =
          send(get("/taxii2/").header("Authorization", "Bearer " + token).header("Accept", accept));
      assertThat(reply.status()).as(accept).isEqualTo(406);
      assertThat(reply.header("Content-Type")).as(accept).hasValue(MEDIA);
    }
    Client.Reply plain =
        send(
            get("/taxii2/")
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/taxii+json"));
    assertThat(plain.status()).isEqualTo(200);
  }

  @Test
  void aBodyThatIsNotTaxiiJsonIs415() {
    Client.Reply reply =
        send(
            HttpRequest.newBuilder(uri(objects("agency", Tlp.GREEN)))
                .header("Authorization", "Bearer " + token)
                .header("Accept", MEDIA)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[]}")));
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.header("Content-Type")).hasValue(MEDIA);
  }

  @Test
  void aStrangersCollectionAnswersExactlyLikeOneThatNeverExisted() {
    Client.Reply foreign = send(authorised(objects("stranger", Tlp.GREEN)));
    Client.Reply never =
        send(authorised("/taxii2/api/collections/00000000-0000-5000-8000-000000000000/objects/"));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(never.status()).isEqualTo(404);
    assertThat(foreign.body().replace(TaxiiCollections.idOf("stranger", Tlp.GREEN), "ID"))
        .isEqualTo(never.body().replace("00000000-0000-5000-8000-000000000000", "ID"));
    assertThat(foreign.header("Content-Type")).hasValue(MEDIA);
    Client.Reply unknownRoute = send(authorised("/taxii2/no-such-thing/"));
    assertThat(unknownRoute.status()).isEqualTo(404);
    assertThat(unknownRoute.header("Content-Type")).hasValue(MEDIA);
  }

  @Test
  void aReadOnlyTokenCannotAdd() {
    Client.Reply reply =
        send(
            HttpRequest.newBuilder(uri(objects("agency", Tlp.GREEN)))
                .header("Authorization", "Bearer " + readOnly)
                .header("Accept", MEDIA)
                .header("Content-Type", MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objects\":[]}")));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("Content-Type")).hasValue(MEDIA);
  }

  @Test
  void anEmptyCollectionAnswersAnEnvelopeWithoutObjects() {
    Client.Reply reply = send(authorised(objects("agency", Tlp.AMBER)));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"more\":false}");
    assertThat(reply.header("X-TAXII-Date-Added-First")).isEmpty();
  }

  @Test
  void anAddOverMaxContentLengthIs413InTaxiiMediaTypeWhetherItsLengthIsDeclaredOrNot() {
    Client.Reply root = send(authorised("/taxii2/api/"));
    assertThat(json(root).path("max_content_length").asLong()).isEqualTo(LIMIT);
    byte[] big =
        ("{\"objects\":[{\"x\":\"" + "x".repeat((int) LIMIT) + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    for (HttpRequest.BodyPublisher body :
        List.of(
            HttpRequest.BodyPublishers.ofByteArray(big),
            // chunked, with no Content-Length: counted while it is read
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))) {
      Client.Reply reply = send(post(objects("agency", Tlp.GREEN), body));
      assertThat(reply.status()).isEqualTo(413);
      assertThat(reply.header("Content-Type")).hasValue(MEDIA);
      assertThat(json(reply).path("http_status").asText()).isEqualTo("413");
      assertThat(json(reply).path("description").asText()).contains(Long.toString(LIMIT));
    }
    assertThat(send(authorised(objects("agency", Tlp.GREEN))).body()).isEqualTo("{\"more\":false}");
  }

  @Test
  void anAddedRelationshipToAnObjectFoundNowhereSaysSoInItsStatusAndIsAdded() {
    String known = "identity--10000000-0000-4000-8000-000000000001";
    String absent = "identity--20000000-0000-4000-8000-000000000002";
    String strangers = "identity--30000000-0000-4000-8000-000000000003";
    String here = "identity--40000000-0000-4000-8000-000000000004";
    // the stranger holds one end: whether it does is not told to agency
    String foreign = TaxiiCollections.idOf("stranger", Tlp.GREEN);
    app.store.taxii().ensureCollection(foreign, "stranger", Tlp.GREEN);
    app.store
        .taxii()
        .add(
            foreign,
            List.of(
                new org.vigil.store.TaxiiRepository.NewObject(
                    strangers,
                    org.vigil.stix.StixTime.micros(java.time.Instant.parse("2024-01-01T00:00:00Z")),
                    "2024-01-01T00:00:00.000Z",
                    "identity",
                    "2.1",
                    identity(strangers))),
            org.vigil.stix.StixTime.micros(java.time.Instant.now()));
    Client.Reply first = send(post(objects("agency", Tlp.AMBER), envelope(identity(known))));
    assertThat(first.status()).isEqualTo(202);
    Client.Reply added =
        send(
            post(
                objects("agency", Tlp.GREEN),
                envelope(
                    identity(here),
                    relationship(1, here, known),
                    relationship(2, here, absent),
                    relationship(3, here, strangers))));
    assertThat(added.status()).isEqualTo(202);
    assertThat(json(added).path("success_count").asInt()).isEqualTo(4);
    java.util.Map<String, String> messages = new java.util.HashMap<>();
    json(added)
        .path("successes")
        .forEach(d -> messages.put(d.path("id").asText(), d.path("message").asText("")));
    assertThat(messages.get(relationshipId(1))).isEmpty();
    assertThat(messages.get(here)).isEmpty();
    assertThat(messages.get(relationshipId(2)))
        .isEqualTo(
            "dangling reference: target_ref "
                + absent
                + " names no object of this request or of agency's collections (kept as it is)");
    assertThat(messages.get(relationshipId(3))).contains("target_ref " + strangers + " names no");
    Client.Reply status =
        send(authorised("/taxii2/api/status/" + json(added).path("id").asText() + "/"));
    assertThat(json(status).path("successes")).isEqualTo(json(added).path("successes"));
    assertThat(send(authorised(objects("agency", Tlp.GREEN))).body())
        .contains(relationshipId(2), relationshipId(3));
  }

  /** The body of a TAXII answer (the test client parses only application/json). */
  private static com.fasterxml.jackson.databind.JsonNode json(Client.Reply reply) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder post(String path, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", MEDIA)
        .header("Content-Type", MEDIA)
        .POST(body);
  }

  private static HttpRequest.BodyPublisher envelope(String... objects) {
    return HttpRequest.BodyPublishers.ofString("{\"objects\":[" + String.join(",", objects) + "]}");
  }

  private static String identity(String id) {
    return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"name\":\"N\",\"identity_class\":\"organization\"}";
  }

  private static String relationshipId(int i) {
    return "relationship--5000000" + i + "-0000-4000-8000-000000000000";
  }

  private static String relationship(int i, String from, String to) {
    return "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\""
        + relationshipId(i)
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"relationship_type\":\"related-to\",\"source_ref\":\""
        + from
        + "\",\"target_ref\":\""
        + to
        + "\"}";
  }

  private static String objects(String org, Tlp tlp) {
    return "/taxii2/api/collections/" + TaxiiCollections.idOf(org, tlp) + "/objects/";
  }

  private HttpRequest.Builder authorised(String path) {
    return get(path).header("Authorization", "Bearer " + token).header("Accept", MEDIA);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private URI uri(String path) {
    return URI.create(app.base() + path);
  }

  private Client.Reply send(HttpRequest.Builder request) {
    return app.client().send(request);
  }
}
