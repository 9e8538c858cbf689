/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.Secrets;

class SignInIT {
  @TempDir static Path dir;
  static TestServer app;
  static User analyst;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("org-a");
    analyst = app.user("analyst", "org-a", Role.ANALYST);
    app.user("victim", "org-a", Role.ANALYST);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void loginSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken() {
    Client client = app.client();
    Client.Reply reply = client.login("analyst", TestServer.PASSWORD);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("user").path("username").asText()).isEqualTo("analyst");
    assertThat(reply.json().path("user").path("org").asText()).isEqualTo("org-a");
    assertThat(reply.json().path("user").has("passwordHash")).isFalse();
    assertThat(reply.json().path("csrfToken").asText()).hasSizeGreaterThan(20);
    String cookie = reply.header("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("vigil_session=")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain("Secure");
    assertThat(lastAudit().event().action()).isEqualTo(AuditAction.LOGIN);
    assertThat(lastAudit().event().remoteAddress()).isEqualTo("127.0.0.1");
    assertThat(client.get("/me").json().path("user").path("username").asText())
        .isEqualTo("analyst");
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    Client.Reply wrong = app.client().login("analyst", "not the password at all");
    Client.Reply unknown = app.client().login("nobody-here", "not the password at all");
    assertThat(wrong.status()).isEqualTo(401).isEqualTo(unknown.status());
    assertThat(wrong.errorCode()).isEqualTo("unauthenticated").isEqualTo(unknown.errorCode());
    assertThat(wrong.errorMessage()).isEqualTo(unknown.errorMessage());
    assertThat(wrong.header("Set-Cookie")).isEmpty();
  }

  @Test
  void repeatedFailuresAreThrottledWithRetryAfter() {
    for (int i = 0; i < 5; i++) {
      assertThat(app.client().login("victim", "guess number " + i).status()).isEqualTo(401);
    }
    Client.Reply throttled = app.client().login("victim", "guess number 6");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.errorCode()).isEqualTo("too_many_attempts");
    assertThat(throttled.header("Retry-After")).isPresent();
    assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isPositive();
    // Even the right password waits: the throttle does not reveal whether a guess was right.
    assertThat(app.client().login("victim", TestServer.PASSWORD).status()).isEqualTo(429);
    List<AuditRecord> recent = app.store.audit().recent(3);
    assertThat(recent)
        .allSatisfy(r -> assertThat(r.event().action()).isEqualTo(AuditAction.LOGIN_FAILED));
  }

  @Test
  void expiredSessionIsUnauthenticated() {
    String raw = Secrets.newToken();
    app.store
        .accounts()
        .createSession(
            Secrets.digest(raw), analyst.id(), Secrets.newToken(), Instant.now().minusSeconds(60));
    Client stale = app.client().withCookie("vigil_session=" + raw);
    Client.Reply reply = stale.get("/me");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("unauthenticated");
    assertThat(reply.errorMessage()).contains("expired");
    // The stale cookie does not stand in the way of signing in again.
    assertThat(stale.login("analyst", TestServer.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void bearerTokenWorksAndNeedsNoCsrf() {
    String token =
        ApiTokens.issue(
            app.store.accounts(), analyst, "test", Duration.ofDays(1), Clock.systemUTC());
    Client client = app.client().withBearer(token);
    assertThat(client.get("/me").json().path("user").path("username").asText())
        .isEqualTo("analyst");
    assertThat(client.get("/me").json().has("csrfToken")).isFalse();
    ObjectNode body = Bodies.write("token-src", "GREEN");
    Bodies.statement(body, "token-person", "Person", "name", "Dariush Token");
    Client.Reply written = client.postWithoutCsrf("/statements", body.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    assertThat(lastAudit().event().action()).isEqualTo(AuditAction.WRITE);
    assertThat(lastAudit().event().remoteAddress()).isEqualTo("127.0.0.1");

    Client.Reply bogus = app.client().withBearer("not-a-token").get("/me");
    assertThat(bogus.status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSession() {
    Client client = app.client().signedIn("analyst");
    assertThat(client.post("/logout", "").status()).isEqualTo(204);
    assertThat(lastAudit().event().action()).isEqualTo(AuditAction.LOGOUT);
    Client.Reply after = client.get("/me");
    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void readsAndSearchesAreAudited() {
    Client client = app.client().signedIn("analyst");
    client.get("/entities/someone");
    AuditRecord read = lastAudit();
    assertThat(read.event().action()).isEqualTo(AuditAction.READ_ENTITY);
    assertThat(read.event().target()).isEqualTo("someone");
    assertThat(read.event().actor()).isEqualTo(analyst.id());
    client.search("Khatib");
    assertThat(lastAudit().event().action()).isEqualTo(AuditAction.SEARCH);
    assertThat(lastAudit().event().detail()).contains("Khatib");
  }

  private static AuditRecord lastAudit() {
    return app.store.audit().recent(1).get(0);
  }
}
