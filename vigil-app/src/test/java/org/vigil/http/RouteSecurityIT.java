/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Permission;

class RouteSecurityIT {
  @TempDir static Path dir;
  static TestServer app;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyRouteDeclaresAPermission() {
    assertThat(app.server.routes()).isNotEmpty();
    assertThat(app.server.routes()).allSatisfy(r -> assertThat(r.permission()).isNotNull());
  }

  @Test
  void onlyHealthSignInTheOpenApiDocumentAndTheStyleSheetAreAnonymous() {
    Set<String> anonymous =
        app.server.routes().stream()
            .filter(r -> r.permission() == Permission.ANONYMOUS)
            .map(r -> r.method() + " " + r.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(anonymous)
        .containsExactly(
            "GET /api/v1/health",
            "GET /api/v1/health/ready",
            "GET /api/v1/openapi.json",
            "GET /assets/vigil.css",
            "GET /login",
            "POST /api/v1/login",
            "POST /login");
  }

  @Test
  void openApiDocumentDescribesExactlyTheRegisteredApiRoutes() throws Exception {
    Client.Reply reply = app.client().get("/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode doc = reply.json();
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    String server = doc.path("servers").get(0).path("url").asText();
    Set<String> documented = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + server + path.getKey());
                assertThat(path.getValue().path(method).path("x-vigil-permission").asText())
                    .as("permission of %s %s", method, path.getKey())
                    .isEqualTo(permissionOf(method, server + path.getKey()));
              });
    }
    Set<String> registered =
        app.server.routes().stream()
            .filter(Routes::isApi)
            .map(r -> r.method() + " " + r.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void everyNonAnonymousRouteAnswers401WithoutCredentialsAndEveryPageSendsToSignIn() {
    Client anonymous = app.client();
    for (Routes.Route route : app.server.routes()) {
      if (route.permission() == Permission.ANONYMOUS) {
        continue;
      }
      if (route.permission() == Permission.TIPS) {
        // The tip routes and pages do not tell a caller without credentials that they exist.
        Client.Reply hidden =
            anonymous.send(
                HttpRequest.newBuilder(URI.create(app.base() + withParameters(route.path())))
                    .header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(hidden.status()).as(route.toString()).isEqualTo(404);
        continue;
      }
      if (Routes.isTaxii(route)) {
        // TAXII 2.1 clients are programs: 401 in TAXII's own media type, never a sign-in page.
        Client.Reply refused =
            anonymous.send(
                HttpRequest.newBuilder(URI.create(app.base() + withParameters(route.path())))
                    .header("Accept", "application/taxii+json;version=2.1")
                    .method(route.method(), HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.status()).as(route.toString()).isEqualTo(401);
        assertThat(refused.header("Content-Type"))
            .as(route.toString())
            .hasValue("application/taxii+json;version=2.1");
        continue;
      }
      if (!Routes.isApi(route) && route.method().equals("GET")) {
        Client.Reply page = anonymous.page(withParameters(route.path()));
        assertThat(page.status()).as(route.toString()).isEqualTo(303);
        assertThat(page.header("Location"))
            .as(route.toString())
            .hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
        continue;
      }
      String path = withParameters(route.path());
      if (!Routes.isApi(route)) {
        // A form of the web UI: refused with a page a person can read.
        Client.Reply refused =
            anonymous.send(
                HttpRequest.newBuilder(URI.create(app.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=x")));
        assertThat(refused.status()).as(route.toString()).isEqualTo(401);
        assertThat(refused.body()).as(route.toString()).contains("Not signed in");
        continue;
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(app.base() + path))
              .header("Content-Type", "application/json")
              .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"));
      Client.Reply reply = anonymous.send(request);
      assertThat(reply.status()).as(route.toString()).isEqualTo(401);
      assertThat(reply.errorCode()).as(route.toString()).isEqualTo("unauthenticated");
    }
  }

  @Test
  void healthAnswersAnonymouslyWithVersionAndSecurityHeaders() {
    Client.Reply reply = app.client().get("/health");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("ok");
    assertThat(reply.json().path("version").asText()).isEqualTo("test");
    assertThat(reply.header("Content-Security-Policy"))
        .hasValue(
            "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'");
    assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(reply.header("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void readinessAnswersAnonymouslyWithTheEnginesStateAndNothingOfTheDeployment() {
    Client.Reply reply = app.client().get("/health/ready");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode ready = reply.json();
    assertThat(ready.path("status").asText()).isEqualTo("ready");
    assertThat(ready.path("store").path("status").asText()).isEqualTo("ok");
    if (app.nodes() == 1) {
      assertThat(ready.path("search").path("engine").asText()).isEqualTo("lucene");
      assertThat(ready.path("search").path("status").asText()).isEqualTo("ok");
    } else {
      // a node pair searches one OpenSearch index (NodePair); its cluster is one node, no replicas
      assertThat(ready.path("search").path("engine").asText()).isEqualTo("opensearch");
      assertThat(ready.path("search").path("status").asText()).isEqualTo("green");
    }
    assertThat(ready.path("jobs").path("lagSeconds").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(ready.path("jobs").path("parked").asLong()).isZero();
    assertThat(reply.header("Cache-Control")).hasValue("no-store");
    assertThat(reply.body()).doesNotContain("jdbc").doesNotContain("127.0.0.1").doesNotContain("/");
  }

  @Test
  void unknownRouteAndWrongMethodAreJsonErrorsWithSecurityHeaders() {
    Client.Reply missing = app.client().get("/no-such-thing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("not_found");
    assertThat(missing.header("X-Content-Type-Options")).hasValue("nosniff");

    Client.Reply wrongMethod =
        app.client()
            .send(HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/health")).DELETE());
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo("method_not_allowed");
  }

  /** A concrete path for a route pattern: each {name} or <name> becomes "some-entity". */
  private static String withParameters(String pattern) {
    return pattern.replaceAll("\\{[^}]+}|<[^>]+>", "some-entity");
  }

  private static String permissionOf(String method, String path) {
    return app.server.routes().stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path))
        .map(r -> r.permission().name())
        .findFirst()
        .orElse("(not registered)");
  }
}
