/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.TestServer;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;

/**
 * A real server over an H2 store ({@link TestServer}: under -Pnode-pair two nodes on one PostgreSQL
 * database and one OpenSearch index, requests alternating) with organisations and users, and a list
 * excerpt loaded for cross-referencing, for the tests of what resolution and alerts let one
 * organisation learn about another's restricted reporting. Each {@link Session} is one signed-in
 * user of the documented API.
 */
final class OrgPairServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple for tests";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD_HASH = PasswordHasher.standard().hash(PASSWORD);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Store store;
  final ListScreening screening;
  private final TestServer app;

  private OrgPairServer(TestServer app, ListScreening screening) {
    this.app = app;
    this.store = app.store;
    this.screening = screening;
  }

  /** Starts a server whose screening knows the OFAC excerpt of the test resources. */
  static OrgPairServer start(Path dir) {
    Path excerpt;
    try {
      excerpt =
          Path.of(OrgPairServer.class.getResource("/lists/sdn-json/ofac-sdn-excerpt.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    ListScreening[] made = new ListScreening[1];
    TestServer app =
        TestServer.start(
            StoreConfig.embedded(dir),
            s -> s,
            Clock.systemUTC(),
            store -> {
              ListLibrary library = ListLibrary.in(dir);
              new ListLoader(library, Optional.of(store), "public", Clock.systemUTC())
                  .loadAll(List.of(excerpt), Optional.empty(), Optional.empty(), line -> {});
              made[0] = ListScreening.over(library);
              made[0].current();
              return made[0];
            });
    return new OrgPairServer(app, made[0]);
  }

  /** The address of the node the next request goes to (on a node pair, each in turn). */
  String base() {
    return app.base();
  }

  void org(String id, String... partners) {
    store.accounts().createOrganization(id, "Organisation " + id);
    for (String partner : partners) {
      store.accounts().addPartners(id, partner);
    }
  }

  User user(String username, String orgId) {
    return store.accounts().createUser(username, orgId, Role.ANALYST, PASSWORD_HASH);
  }

  /** Resolves and cross-references the store, as the server does after an upload. */
  void resolve() {
    new ResolutionRun(screening, 0.85, Clock.systemUTC()).run(store);
  }

  Session signIn(String username) {
    Session session = new Session();
    Reply reply =
        session.post(
            "/api/v1/login",
            JSON.createObjectNode().put("username", username).put("password", PASSWORD));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String setCookie = reply.raw().headers().firstValue("Set-Cookie").orElseThrow();
    session.cookie = Optional.of(setCookie.substring(0, setCookie.indexOf(';')));
    session.csrf = Optional.of(reply.json().path("csrfToken").asText());
    return session;
  }

  /** A body for {@code POST /statements}: one source with its marking, and no statements yet. */
  static ObjectNode write(String sourceId, String tlp, String... namedUsers) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode source = body.putObject("source");
    source.put("id", sourceId);
    source.put("kind", "document");
    source.put("title", "Report " + sourceId);
    source.put("reliability", "B");
    ObjectNode marking = source.putObject("marking").put("tlp", tlp);
    ArrayNode users = marking.putArray("namedUsers");
    for (String user : namedUsers) {
      users.add(user);
    }
    body.putArray("statements");
    return body;
  }

  static void statement(
      ObjectNode body, String entityId, String schema, String property, String value) {
    ObjectNode statement = ((ArrayNode) body.get("statements")).addObject();
    statement.put("entityId", entityId);
    statement.put("schema", schema);
    statement.put("property", property);
    statement.put("value", value);
  }

  @Override
  public void close() {
    app.close();
  }

  /** A response, its body parsed when it is JSON. */
  record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {}

  /** One signed-in user. */
  final class Session {
    private Optional<String> cookie = Optional.empty();
    private Optional<String> csrf = Optional.empty();

    Reply get(String path) {
      return send(builder(path).GET());
    }

    Reply post(String path, JsonNode body) {
      HttpRequest.Builder request =
          builder(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
      csrf.ifPresent(token -> request.header("X-CSRF-Token", token));
      return send(request);
    }

    Reply post(String path) {
      return post(path, JSON.createObjectNode());
    }

    /** Writes statements and expects them stored. */
    void write(ObjectNode body) {
      Reply reply = post("/api/v1/statements", body);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private HttpRequest.Builder builder(String path) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
      cookie.ifPresent(c -> builder.header("Cookie", c));
      return builder;
    }

    private Reply send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        boolean json =
            response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return new Reply(
            response.statusCode(),
            json && !response.body().isEmpty()
                ? JSON.readTree(response.body())
                : JSON.createObjectNode(),
            response.body(),
            response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
