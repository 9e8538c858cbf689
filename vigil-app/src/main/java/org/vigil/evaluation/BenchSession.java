/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark's signed-in user of a served Vigil: the session cookie and the CSRF token that forms
 * send, from {@code POST /api/v1/login}.
 */
record BenchSession(String base, String cookie, String csrf) {

  static BenchSession signIn(HttpClient http, String base, String user, String password)
      throws IOException, InterruptedException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("username", user);
    body.put("password", password);
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        new ObjectMapper().writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 200) {
      throw new IllegalStateException("the benchmark user cannot sign in: " + reply.body());
    }
    String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
    String csrf = new ObjectMapper().readTree(reply.body()).path("csrfToken").asText();
    return new BenchSession(base, setCookie.substring(0, setCookie.indexOf(';')), csrf);
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Cookie", cookie)
        .GET();
  }

  HttpRequest.Builder form(String path, String fields) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(fields + "&csrf=" + encode(csrf)));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
