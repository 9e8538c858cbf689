/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

  @TempDir Path dir;
  private TestServer app;
  private String token;
  private String readOnly;

  @BeforeEach
  void start() {
    app = TestServer.start(dir);
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
