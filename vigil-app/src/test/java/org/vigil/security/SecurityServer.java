/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.ServerSettings;
import org.vigil.http.TestServer;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListScreening;

/**
 * A real server over an H2 store ({@link TestServer}: under -Pnode-pair two nodes on one PostgreSQL
 * database and one OpenSearch index, requests alternating), on a clock the test moves, and a plain
 * HTTP client for it.
 */
final class SecurityServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";
  private static final String PASSWORD_HASH = PasswordHasher.standard().hash(PASSWORD);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A clock the test moves by hand, starting now. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  final Store store;
  final ManualClock clock = new ManualClock();
  private final TestServer app;

  SecurityServer(Path dir, UnaryOperator<ServerSettings> settings) {
    this.app =
        TestServer.start(StoreConfig.embedded(dir), settings, clock, s -> ListScreening.none());
    this.store = app.store;
  }

  /** The address of the node the next request goes to (on a node pair, each in turn). */
  String base() {
    return app.base();
  }

  void org(String id) {
    store.accounts().createOrganization(id, "Organisation " + id);
  }

  User user(String username, String orgId, Role role) {
    return store.accounts().createUser(username, orgId, role, PASSWORD_HASH);
  }

  /** A response, its body parsed when it is JSON. */
  record Reply(int status, JsonNode json, HttpResponse<String> raw) {
    String code() {
      return json.path("error").path("code").asText();
    }

    List<String> cookies() {
      return raw.headers().allValues("Set-Cookie");
    }

    /** The session cookie as a browser sends it back ("vigil_session=..."). */
    String sessionCookie() {
      return cookies().stream()
          .filter(c -> c.startsWith("vigil_session="))
          .map(c -> c.substring(0, c.indexOf(';')))
          .findFirst()
          .orElseThrow();
    }
  }

  Reply login(String username, String password, String... headers) {
    return login(
        JSON.createObjectNode().put("username", username).put("password", password), headers);
  }

  Reply login(JsonNode body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
    all.addAll(List.of(headers));
    return send("POST", "/api/v1/login", body.toString(), all.toArray(String[]::new));
  }

  /** A signed-in session: its cookie and CSRF token, as headers for later requests. */
  String[] session(String username, String password) {
    Reply reply = login(username, password);
    if (reply.status() != 200) {
      throw new AssertionError("sign-in of " + username + " failed: " + reply.raw().body());
    }
    return new String[] {
      "Cookie", reply.sessionCookie(), "X-CSRF-Token", reply.json().path("csrfToken").asText()
    };
  }

  Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Reply post(String path, Object body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
    all.addAll(List.of(headers));
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send("POST", path, text, all.toArray(String[]::new));
  }

  static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  Reply send(String method, String path, String body, String... headers) {
    return sendTo(base(), method, path, body, headers);
  }

  /** A request to the node at {@code base}, such as one whose Origin header names that node. */
  Reply sendTo(String base, String method, String path, String body, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json =
          response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
              ? JSON.readTree(response.body())
              : JSON.createObjectNode();
      return new Reply(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
