/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An API client for tests, with one user's credentials: a session cookie and CSRF token after
 * {@link #login}, or a bearer token. Cookies are handled by hand so tests see exactly what is sent.
 */
public final class Client {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Supplier<String> base;
  private Optional<String> cookie = Optional.empty();
  private Optional<String> csrf = Optional.empty();
  private Optional<String> bearer = Optional.empty();

  public Client(String base) {
    this(() -> base);
  }

  /**
   * A client that asks {@code base} for the server's address at each request: on a node pair, the
   * nodes in turn.
   */
  public Client(Supplier<String> base) {
    this.base = base;
  }

  /** A response with its body parsed when it is JSON. */
  public record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {
    public String errorCode() {
      return json.path("error").path("code").asText();
    }

    public String errorMessage() {
      return json.path("error").path("message").asText();
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  public Reply login(String username, String password) {
    String body =
        JSON.createObjectNode().put("username", username).put("password", password).toString();
    Reply reply = send(request("/login").POST(HttpRequest.BodyPublishers.ofString(body)));
    if (reply.status() == 200) {
      String setCookie = reply.header("Set-Cookie").orElseThrow();
      cookie = Optional.of(setCookie.substring(0, setCookie.indexOf(';')));
      csrf = Optional.of(reply.json().path("csrfToken").asText());
    }
    return reply;
  }

  public Client signedIn(String username) {
    Reply reply = login(username, TestServer.PASSWORD);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return this;
  }

  public Client withBearer(String token) {
    bearer = Optional.of(token);
    return this;
  }

  public Client withCookie(String rawCookie) {
    cookie = Optional.of(rawCookie);
    return this;
  }

  /** The CSRF token of a session opened elsewhere (on another node), for its POSTs. */
  public Client withCsrfToken(String token) {
    csrf = Optional.of(token);
    return this;
  }

  /** The session cookie, when signed in by session ("name=value"). */
  public Optional<String> cookie() {
    return cookie;
  }

  public Optional<String> csrfToken() {
    return csrf;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  /** GETs a page of the web UI (a path outside the API prefix) with this client's credentials. */
  public Reply page(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base.get() + path)).timeout(Duration.ofSeconds(30)).GET();
    cookie.ifPresent(c -> builder.header("Cookie", c));
    bearer.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    return send(builder);
  }

  /**
   * POSTs a form of the web UI (a path outside the API prefix) with this client's cookie and no
   * CSRF header: the token, if any, must be among the fields, as a browser sends it.
   */
  public Reply form(String path, java.util.Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base.get() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    cookie.ifPresent(c -> builder.header("Cookie", c));
    return send(builder);
  }

  /** POSTs one file as multipart field "file" to an API path, with or without the CSRF header. */
  public Reply upload(String path, String fileName, byte[] content, boolean withCsrf) {
    String boundary = "----vigil-test-" + Long.toHexString(System.nanoTime());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base.get() + Routes.PREFIX + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    cookie.ifPresent(c -> builder.header("Cookie", c));
    if (withCsrf) {
      csrf.ifPresent(token -> builder.header("X-CSRF-Token", token));
    }
    return send(builder);
  }

  public Reply search(String query) {
    return get("/entities?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  /** POSTs with the CSRF header when signed in by session. */
  public Reply post(String path, String body) {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    csrf.ifPresent(token -> request.header("X-CSRF-Token", token));
    return send(request);
  }

  public Reply postWithoutCsrf(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json =
          response.body().isEmpty()
              ? JSON.createObjectNode()
              : response
                      .headers()
                      .firstValue("Content-Type")
                      .orElse("")
                      .startsWith("application/json")
                  ? JSON.readTree(response.body())
                  : JSON.createObjectNode();
      return new Reply(response.statusCode(), json, response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base.get() + Routes.PREFIX + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json");
    cookie.ifPresent(c -> builder.header("Cookie", c));
    bearer.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    return builder;
  }
}
