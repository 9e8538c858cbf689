/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;

/** Signing in and out of the web UI with a form, as a browser does. */
class SignInPageIT {
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir static Path dir;
  static TestServer app;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.user("alice", "org-a", Role.ANALYST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aBrowserSignsInIsSentBackToThePageItWantedAndSignsOut() {
    Browser browser = new Browser();
    Client.Reply form = browser.get("/login?next=%2F%3Fq%3DMOIS");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"password\"").contains("value=\"/?q=MOIS\"");

    Client.Reply signedIn =
        browser.post(
            "/login",
            Map.of(
                "form_token",
                token(FORM_TOKEN, form.body()),
                "next",
                "/?q=MOIS",
                "username",
                "alice",
                "password",
                TestServer.PASSWORD));
    assertThat(signedIn.status()).isEqualTo(303);
    assertThat(signedIn.header("Location")).hasValue("/?q=MOIS");

    Client.Reply home = browser.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("alice").contains("Sign out");

    Client.Reply signedOut = browser.post("/logout", Map.of("csrf", token(CSRF, home.body())));
    assertThat(signedOut.status()).isEqualTo(303);
    assertThat(browser.get("/").status()).isEqualTo(303);
  }

  @Test
  void aWrongPasswordShowsTheFormAgainWithoutSayingWhichPartWasWrong() {
    Browser browser = new Browser();
    Client.Reply form = browser.get("/login");
    Client.Reply refused =
        browser.post(
            "/login",
            Map.of(
                "form_token", token(FORM_TOKEN, form.body()),
                "username", "alice",
                "password", "not the password at all"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).contains("The username or the password is wrong.");
    assertThat(refused.raw().headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(SessionCookie.NAME + "="));
  }

  @Test
  void aSignInPostedFromAnotherSiteIsRefused() {
    Browser attacker = new Browser();
    Client.Reply forged =
        attacker.post(
            "/login",
            Map.of("form_token", "guessed", "username", "alice", "password", TestServer.PASSWORD));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("The form has expired");
    assertThat(attacker.cookies).doesNotContainKey(SessionCookie.NAME);
  }

  @Test
  void signInNeverSendsTheBrowserToAnotherSite() {
    for (String next :
        new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
      Browser browser = new Browser();
      Client.Reply form =
          browser.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      Client.Reply signedIn =
          browser.post(
              "/login",
              Map.of(
                  "form_token",
                  token(FORM_TOKEN, form.body()),
                  "next",
                  next,
                  "username",
                  "alice",
                  "password",
                  TestServer.PASSWORD));
      assertThat(signedIn.header("Location")).as(next).hasValue("/");
    }
  }

  @Test
  void signingOutWithoutTheSessionsTokenIsRefused() {
    Browser browser = new Browser();
    Client.Reply form = browser.get("/login");
    browser.post(
        "/login",
        Map.of(
            "form_token",
            token(FORM_TOKEN, form.body()),
            "username",
            "alice",
            "password",
            TestServer.PASSWORD));
    Client.Reply forged = browser.post("/logout", Map.of("csrf", "not-the-token"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(browser.get("/").status()).isEqualTo(200);
  }

  private static String token(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    assertThat(m.find()).as("token in " + body).isTrue();
    return m.group(1);
  }

  /** Keeps cookies across requests like a browser, and follows no redirects. */
  private static final class Browser {
    final Map<String, String> cookies = new LinkedHashMap<>();
    private final Client client = app.client();

    Client.Reply get(String path) {
      return remember(client.send(request(path).GET()));
    }

    Client.Reply post(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return remember(
          client.send(
              request(path)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(app.base() + path));
      if (!cookies.isEmpty()) {
        builder.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      return builder;
    }

    private Client.Reply remember(Client.Reply reply) {
      for (String header : reply.raw().headers().allValues("Set-Cookie")) {
        String pair = header.substring(0, header.indexOf(';'));
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || header.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return reply;
    }
  }
}
