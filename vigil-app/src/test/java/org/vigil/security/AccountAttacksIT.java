/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.SecurityServer.PASSWORD;
import static org.vigil.security.SecurityServer.bearer;
import static org.vigil.security.SecurityServer.map;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.Secrets;
import org.vigil.auth.Totp;
import org.vigil.security.SecurityServer.Reply;

/** Finding 7 of issue 10: the attacks on accounts that worked on 838d5d0, each as it was tried. */
class AccountAttacksIT {
  @TempDir Path dir;

  private SecurityServer server() {
    return server(s -> s);
  }

  private SecurityServer server(java.util.function.UnaryOperator<org.vigil.http.ServerSettings> s) {
    SecurityServer app = new SecurityServer(dir, s);
    app.org("org-a");
    app.org("org-b");
    return app;
  }

  @Test
  void thirtyParallelGuessesAreCountedBeforeTheHashSoMostAreRefusedUnchecked() throws Exception {
    try (SecurityServer app = server()) {
      app.user("alice", "org-a", Role.ANALYST);
      ExecutorService pool = Executors.newFixedThreadPool(30);
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int n = i;
        replies.add(pool.submit(() -> app.login("alice", "wrong guess number " + n)));
      }
      int checked = 0;
      int throttled = 0;
      for (Future<Reply> reply : replies) {
        int status = reply.get().status();
        checked += status == 401 ? 1 : 0;
        throttled += status == 429 ? 1 : 0;
      }
      pool.shutdown();

      assertThat(checked).as("guesses whose password was checked").isLessThanOrEqualTo(5);
      assertThat(throttled).isEqualTo(30 - checked);
    }
  }

  @Test
  void aGuessersOwnSuccessfulSignInsDoNotResetTheirAddressCount() {
    try (SecurityServer app = server()) {
      app.user("mallory", "org-b", Role.ANALYST);
      for (int i = 0; i < 30; i++) {
        app.user("victim" + i, "org-a", Role.ANALYST);
      }
      int refused = 0;
      for (int i = 0; i < 30; i++) {
        if (app.login("victim" + i, "a wrong guess " + i).status() == 429) {
          refused++;
        }
        app.login("mallory", PASSWORD);
      }

      assertThat(refused).as("guesses refused by the address throttle").isGreaterThan(0);
    }
  }

  @Test
  void behindADeclaredProxyOneClientsGuessesDoNotLockOutTheOthers() {
    try (SecurityServer app = server(s -> s.withTrustedProxies(Set.of("127.0.0.1")))) {
      app.user("bob", "org-a", Role.ANALYST);
      for (int i = 0; i < 40; i++) {
        app.login("user" + i, "wrong password " + i, "X-Forwarded-For", "203.0.113.7");
      }

      assertThat(app.login("user99", "wrong again", "X-Forwarded-For", "203.0.113.7").status())
          .isEqualTo(429);
      assertThat(app.login("bob", PASSWORD, "X-Forwarded-For", "198.51.100.2").status())
          .as("another client behind the same proxy")
          .isEqualTo(200);
    }
  }

  @Test
  void forwardedForFromAPeerThatIsNoDeclaredProxyIsNotBelieved() {
    try (SecurityServer app = server()) {
      for (int i = 0; i < 25; i++) {
        app.login("user" + i, "wrong password " + i, "X-Forwarded-For", "203.0.113." + i);
      }

      assertThat(app.login("user77", "wrong", "X-Forwarded-For", "198.51.100.77").status())
          .isEqualTo(429);
    }
  }

  @Test
  void guessesOnAnAccountFromManyAddressesDoNotLockItsOwnerOut() {
    try (SecurityServer app = server(s -> s.withTrustedProxies(Set.of("127.0.0.1")))) {
      app.user("carol", "org-a", Role.ANALYST);
      assertThat(app.login("carol", PASSWORD, "X-Forwarded-For", "192.0.2.10").status())
          .isEqualTo(200);
      for (int i = 0; i < 40; i++) {
        app.login("carol", "wrong password " + i, "X-Forwarded-For", "203.0.113." + i);
      }

      assertThat(app.login("carol", "wrong", "X-Forwarded-For", "203.0.113.200").status())
          .as("a new address is slowed")
          .isEqualTo(429);
      assertThat(app.login("carol", PASSWORD, "X-Forwarded-For", "192.0.2.10").status())
          .as("the owner at an address she signed in from")
          .isEqualTo(200);
    }
  }

  @Test
  void aPasswordChangeEndsEveryOtherSessionAndToken() {
    try (SecurityServer app = server()) {
      app.user("dana", "org-a", Role.ANALYST);
      String[] laptop = app.session("dana", PASSWORD);
      String[] stolen = app.session("dana", PASSWORD);
      Reply issued = app.post("/api/v1/me/tokens", map("label", "script", "days", 30), laptop);
      assertThat(issued.status()).isEqualTo(201);
      String token = issued.json().path("token").asText();
      assertThat(app.get("/api/v1/me", bearer(token)).status()).isEqualTo(200);

      Reply weak =
          app.post(
              "/api/v1/me/password",
              map("currentPassword", PASSWORD, "newPassword", "Password2024!"),
              laptop);
      assertThat(weak.status()).isEqualTo(400);
      Reply changed =
          app.post(
              "/api/v1/me/password",
              map("currentPassword", PASSWORD, "newPassword", "ferry to Batumi at dawn"),
              laptop);

      assertThat(changed.status()).as(changed.raw().body()).isEqualTo(204);
      assertThat(app.get("/api/v1/me", laptop).status()).isEqualTo(200);
      assertThat(app.get("/api/v1/me", stolen).status()).isEqualTo(401);
      assertThat(app.get("/api/v1/me", bearer(token)).status()).isEqualTo(401);
      assertThat(app.login("dana", "ferry to Batumi at dawn").status()).isEqualTo(200);
    }
  }

  @Test
  void anAdministratorDisablesAUserOfTheirOrganisationAndNoOtherOne() {
    try (SecurityServer app = server()) {
      app.user("admin-a", "org-a", Role.ADMIN);
      app.user("erin", "org-a", Role.ANALYST);
      app.user("frank", "org-b", Role.ANALYST);
      String[] admin = app.session("admin-a", PASSWORD);
      String[] erin = app.session("erin", PASSWORD);

      assertThat(app.post("/api/v1/users/erin/disable", map(), admin).status()).isEqualTo(204);
      assertThat(app.get("/api/v1/me", erin).status()).isEqualTo(401);
      assertThat(app.login("erin", PASSWORD).status()).isEqualTo(401);
      assertThat(app.post("/api/v1/users/frank/disable", map(), admin).status())
          .as("another organisation's user is unknown here")
          .isEqualTo(404);
      assertThat(app.login("frank", PASSWORD).status()).isEqualTo(200);
      assertThat(app.post("/api/v1/users/erin/enable", map(), admin).status()).isEqualTo(204);
      assertThat(app.login("erin", PASSWORD).status()).isEqualTo(200);
    }
  }

  @Test
  void aReadOnlyTokenReadsButCannotWriteNorMintAStrongerOne() {
    try (SecurityServer app = server()) {
      app.user("gita", "org-a", Role.ANALYST);
      String[] gita = app.session("gita", PASSWORD);
      Reply issued =
          app.post(
              "/api/v1/me/tokens",
              map("label", "dashboard", "days", 7, "scopes", List.of("read")),
              gita);
      String token = issued.json().path("token").asText();

      assertThat(app.get("/api/v1/me", bearer(token)).status()).isEqualTo(200);
      Reply write =
          app.post(
              "/api/v1/statements",
              map("source", map("id", "src-x", "title", "x"), "statements", List.of()),
              bearer(token));
      assertThat(write.status()).isEqualTo(403);
      assertThat(
              app.post("/api/v1/me/tokens", map("label", "full", "days", 7), bearer(token))
                  .status())
          .isEqualTo(403);
    }
  }

  @Test
  void tokensAndSessionsAreListedAndRevokedAndExpiredOnesRefused() {
    try (SecurityServer app = server()) {
      User hana = app.user("hana", "org-a", Role.ANALYST);
      String[] first = app.session("hana", PASSWORD);
      String[] second = app.session("hana", PASSWORD);
      String token =
          app.post("/api/v1/me/tokens", map("label", "bot", "days", 1), first)
              .json()
              .path("token")
              .asText();
      String expired = Secrets.newToken();
      app.store
          .accounts()
          .createApiToken(
              Secrets.digest(expired), hana.id(), "old", Instant.now().minusSeconds(60));

      Reply tokens = app.get("/api/v1/me/tokens", first);
      assertThat(tokens.json().path("items")).hasSize(1);
      assertThat(tokens.raw().body()).doesNotContain(token).doesNotContain(Secrets.digest(token));
      String tokenId = tokens.json().path("items").get(0).path("id").asText();
      Reply sessions = app.get("/api/v1/me/sessions", first);
      assertThat(sessions.json().path("items")).hasSize(2);
      String other = null;
      for (var s : sessions.json().path("items")) {
        if (!s.path("current").asBoolean()) {
          other = s.path("id").asText();
        }
      }

      assertThat(app.get("/api/v1/me", bearer(expired)).status()).isEqualTo(401);
      assertThat(app.post("/api/v1/me/tokens/" + tokenId + "/revoke", map(), first).status())
          .isEqualTo(204);
      assertThat(app.get("/api/v1/me", bearer(token)).status()).isEqualTo(401);
      assertThat(app.post("/api/v1/me/sessions/" + other + "/end", map(), first).status())
          .isEqualTo(204);
      assertThat(app.get("/api/v1/me", second).status()).isEqualTo(401);
      assertThat(app.get("/api/v1/me", first).status()).isEqualTo(200);
    }
  }

  @Test
  void aSessionUnusedForLongerThanTheIdleTimeoutEnds() {
    try (SecurityServer app = server(s -> s.withSessionIdle(Duration.ofMinutes(30)))) {
      app.user("ida", "org-a", Role.ANALYST);
      String[] ida = app.session("ida", PASSWORD);
      app.clock.advance(Duration.ofMinutes(20));
      assertThat(app.get("/api/v1/me", ida).status()).isEqualTo(200);
      app.clock.advance(Duration.ofMinutes(31));

      assertThat(app.get("/api/v1/me", ida).status()).isEqualTo(401);
    }
  }

  @Test
  void aSecondFactorIsEnrolledAskedForAndNotReplayedAndAnOrganisationCanRequireIt() {
    try (SecurityServer app = server()) {
      app.user("admin-b", "org-b", Role.ADMIN);
      app.user("jan", "org-a", Role.ANALYST);
      app.user("kai", "org-b", Role.ANALYST);
      String[] jan = app.session("jan", PASSWORD);
      Reply started = app.post("/api/v1/me/totp", map(), jan);
      assertThat(started.status()).isEqualTo(201);
      String secret = started.json().path("secret").asText();
      assertThat(started.json().path("uri").asText()).startsWith("otpauth://totp/Vigil:jan?");
      assertThat(
              app.post("/api/v1/me/totp/confirm", map("code", code(secret, app, 0)), jan).status())
          .isEqualTo(204);

      Reply withoutCode = app.login("jan", PASSWORD);
      assertThat(withoutCode.status()).isEqualTo(401);
      assertThat(withoutCode.code()).isEqualTo("second_factor_required");
      app.clock.advance(Duration.ofSeconds(30));
      String next = code(secret, app, 0);
      var body =
          SecurityServer.JSON
              .createObjectNode()
              .put("username", "jan")
              .put("password", PASSWORD)
              .put("code", next);
      assertThat(app.login(body).status()).isEqualTo(200);
      assertThat(app.login(body).status()).as("the same code again").isEqualTo(401);

      String[] admin = app.session("admin-b", PASSWORD);
      assertThat(app.post("/api/v1/org/second-factor", map("required", true), admin).status())
          .isEqualTo(204);
      Reply kai = app.login("kai", PASSWORD);
      assertThat(kai.status()).isEqualTo(401);
      assertThat(kai.code()).isEqualTo("second_factor_enrolment_required");
    }
  }

  private static String code(String secret, SecurityServer app, int stepOffset) {
    byte[] key = decode(secret);
    return Totp.code(key, Totp.step(app.clock.instant()) + stepOffset, Totp.DIGITS);
  }

  /** Base32 as the authenticator app reads it (the test's own reading, not the server's). */
  private static byte[] decode(String base32) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : base32.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  @Test
  void theSessionCookieIsSecureBehindADeclaredTlsProxy() {
    try (SecurityServer app = server(s -> s.withTrustedProxies(Set.of("127.0.0.1")))) {
      app.user("lea", "org-a", Role.ANALYST);

      Reply viaTls = app.login("lea", PASSWORD, "X-Forwarded-Proto", "https");
      Reply plain = app.login("lea", PASSWORD);

      assertThat(viaTls.cookies())
          .anyMatch(c -> c.startsWith("vigil_session=") && c.contains("; Secure"));
      assertThat(plain.cookies()).noneMatch(c -> c.contains("; Secure"));
    }
    try (SecurityServer app =
        new SecurityServer(dir.resolve("tls"), s -> s.withSecureCookies(true))) {
      app.org("org-a");
      app.user("lea", "org-a", Role.ANALYST);
      assertThat(app.login("lea", PASSWORD).cookies()).anyMatch(c -> c.contains("; Secure"));
    }
  }

  @Test
  void aCrossSiteLoginIsRefused() {
    try (SecurityServer app = server()) {
      app.user("mia", "org-a", Role.ANALYST);
      String body = "{\"username\":\"mia\",\"password\":\"" + PASSWORD + "\"}";

      Reply textPlain =
          app.send("POST", "/api/v1/login", body, "Content-Type", "text/plain;charset=UTF-8");
      Reply foreignOrigin = app.login("mia", PASSWORD, "Origin", "https://evil.example");
      Reply crossSite = app.login("mia", PASSWORD, "Sec-Fetch-Site", "cross-site");
      // the Origin of the node the login goes to (on a node pair, either)
      String node = app.base();
      Reply sameSite =
          app.sendTo(
              node,
              "POST",
              "/api/v1/login",
              body,
              "Content-Type",
              "application/json",
              "Origin",
              node,
              "Sec-Fetch-Site",
              "same-origin");

      assertThat(textPlain.status()).isEqualTo(415);
      assertThat(textPlain.cookies()).isEmpty();
      assertThat(foreignOrigin.status()).isEqualTo(403);
      assertThat(crossSite.status()).isEqualTo(403);
      assertThat(sameSite.status()).isEqualTo(200);
      assertThat(body.getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
  }
}
