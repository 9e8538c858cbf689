/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * OpenSearch's REST API over the JDK's HTTP client, JSON through Jackson: the few calls the index
 * needs, each answering the response's JSON or throwing. A cluster that cannot be reached, times
 * out or answers 5xx is {@link SearchUnavailableException}; any other error answer is a bug in the
 * request and throws {@link IllegalStateException} with OpenSearch's reason. Thread-safe.
 */
final class OpenSearchClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final URI base;
  private final HttpClient http;
  final ObjectMapper json = new ObjectMapper();

  OpenSearchClient(URI base) {
    requireNonNull(base, "base");
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    if (!"http".equals(this.base.getScheme()) && !"https".equals(this.base.getScheme())) {
      throw new IllegalArgumentException("an OpenSearch URL is http(s)://host:port, not " + base);
    }
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  URI base() {
    return base;
  }

  JsonNode get(String path) {
    return send("GET", path, Optional.empty(), "application/json").orElseThrow();
  }

  /** A GET that gives up after {@code timeout}: for probes that must answer quickly. */
  JsonNode get(String path, Duration timeout) {
    return send("GET", path, Optional.empty(), "application/json", timeout).orElseThrow();
  }

  /** The answer, or empty when the resource does not exist (404). */
  Optional<JsonNode> find(String path) {
    return send("GET", path, Optional.empty(), "application/json");
  }

  JsonNode put(String path, Object body) {
    return send("PUT", path, Optional.of(write(body)), "application/json").orElseThrow();
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, Optional.of(write(body)), "application/json").orElseThrow();
  }

  /** Deletes; a resource that does not exist is already deleted. */
  void delete(String path) {
    send("DELETE", path, Optional.empty(), "application/json");
  }

  /** A bulk request: {@code ndjson} is newline-delimited action and source lines. */
  JsonNode bulk(String path, String ndjson) {
    return send("POST", path, Optional.of(ndjson), "application/x-ndjson").orElseThrow();
  }

  String write(Object body) {
    try {
      return body instanceof String s ? s : json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a request body as JSON", e);
    }
  }

  private Optional<JsonNode> send(
      String method, String path, Optional<String> body, String contentType) {
    return send(method, path, body, contentType, REQUEST_TIMEOUT);
  }

  private Optional<JsonNode> send(
      String method, String path, Optional<String> body, String contentType, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", contentType)
            .method(
                method,
                body.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                    .orElse(HttpRequest.BodyPublishers.noBody()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpTimeoutException e) {
      throw new SearchUnavailableException("the search cluster at " + base + " does not answer", e);
    } catch (IOException e) {
      throw new SearchUnavailableException("the search cluster at " + base + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchUnavailableException("interrupted while waiting for the search cluster", e);
    }
    int status = response.statusCode();
    if (status == 404 && !"POST".equals(method)) {
      return Optional.empty();
    }
    if (status == 408 && path.startsWith("_cluster/health")) {
      // A health wait that timed out answers 408 with the health as it stands: an answer, not a
      // failure; the caller reads "timed_out" and "status".
      return Optional.of(readJson(path, response.body()));
    }
    if (status >= 500) {
      throw new SearchUnavailableException(
          "the search cluster answered "
              + status
              + " to "
              + method
              + " "
              + path
              + ": "
              + reason(response.body()),
          null);
    }
    if (status >= 300) {
      throw new IllegalStateException(
          "OpenSearch refused "
              + method
              + " "
              + path
              + " ("
              + status
              + "): "
              + reason(response.body()));
    }
    return Optional.of(readJson(path, response.body()));
  }

  private JsonNode readJson(String path, String body) {
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("OpenSearch answered " + path + " with no JSON", e);
    }
  }

  private String reason(String body) {
    try {
      JsonNode error = json.readTree(body).path("error");
      JsonNode reason = error.path("root_cause").path(0).path("reason");
      if (reason.isTextual()) {
        return reason.asText();
      }
      return error.path("reason").asText(body.length() > 300 ? body.substring(0, 300) : body);
    } catch (JsonProcessingException e) {
      return body.length() > 300 ? body.substring(0, 300) : body;
    }
  }
}
