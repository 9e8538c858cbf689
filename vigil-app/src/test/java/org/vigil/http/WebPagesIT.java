/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;

/**
 * The server-rendered pages read through the same marking rules as the API, escape whatever they
 * show, and carry no inline script.
 */
class WebPagesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client owner;
  static Client outsider;

  @BeforeAll
  static void write() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.VIEWER);
    owner = app.client().signedIn("alice");
    outsider = app.client().signedIn("bob");

    ObjectNode body = Bodies.write("report-web-1", "GREEN");
    Bodies.statement(body, "person-zindashti", "Person", "name", "Naji Ibrahim Sharifi-Zindashti");
    Bodies.marked(
        Bodies.statement(
            body, "person-zindashti", "Person", "notes", "Source FALCON says <b>bold</b>"),
        "AMBER+STRICT");
    Bodies.statement(
        body, "org-mois", "PublicBody", "name", "Ministry of Intelligence and Security");
    Bodies.statement(body, "link-1", "UnknownLink", "subject", "person-zindashti");
    Bodies.statement(body, "link-1", "UnknownLink", "object", "org-mois");
    Bodies.statement(body, "link-1", "UnknownLink", "role", "acts on behalf of");
    assertThat(owner.post("/statements", body.toString()).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void entityPageShowsEachValueWithItsSourceAndMarking() {
    Client.Reply page = owner.page("/entities/person-zindashti");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("Naji Ibrahim Sharifi-Zindashti")
        .contains("Report report-web-1")
        .contains("TLP:AMBER+STRICT")
        .contains("Source FALCON says &lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("<b>bold</b>")
        .contains("href=\"/entities/org-mois\"")
        .contains("acts on behalf of");
  }

  @Test
  void anOutsiderSeesNeitherTheAmberStrictValueNorItsBadge() {
    Client.Reply page = outsider.page("/entities/person-zindashti");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Naji Ibrahim Sharifi-Zindashti").doesNotContain("FALCON");
    assertThat(page.body()).doesNotContain("TLP:AMBER+STRICT");
  }

  @Test
  void searchFindsTheEntityAndEscapesTheQuery() {
    Client.Reply found =
        owner.page("/search?q=" + URLEncoder.encode("Zindashti", StandardCharsets.UTF_8));
    assertThat(found.body()).contains("href=\"/entities/person-zindashti\"").contains("<mark>");
    Client.Reply hostile =
        owner.page(
            "/search?q="
                + URLEncoder.encode("\"><script>alert(1)</script>", StandardCharsets.UTF_8));
    assertThat(hostile.status()).isEqualTo(200);
    assertThat(hostile.body()).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void pagesSendStrangersToSignInAndForbidInlineScript() {
    Client.Reply anonymous = app.client().page("/entities/person-zindashti");
    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.header("Location")).hasValue("/login?next=%2Fentities%2Fperson-zindashti");
    assertThat(app.client().page("/?q=MOIS").header("Location"))
        .hasValue("/login?next=%2F%3Fq%3DMOIS");
    Client.Reply home = owner.page("/");
    assertThat(home.header("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(home.body()).doesNotContain("<script");
  }

  @Test
  void aSearchFromTheHomePageIsSentToTheSearchPage() {
    Client.Reply moved = owner.page("/?q=MOIS");
    assertThat(moved.status()).isEqualTo(303);
    assertThat(moved.header("Location")).hasValue("/search?q=MOIS");
  }

  @Test
  void anUnknownOrInvisibleEntityIsNotFound() {
    assertThat(outsider.page("/entities/no-such-entity").status()).isEqualTo(404);
  }

  @Test
  void theStyleSheetNeedsNoSignIn() {
    Client.Reply css = app.client().page("/assets/vigil.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body()).contains(".tlp-amber");
  }
}
