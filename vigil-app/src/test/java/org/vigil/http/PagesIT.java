/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.resolve.Audience;
import org.vigil.resolve.PossibleMatch;
import org.vigil.web.HomePage;

/**
 * The analyst's pages over HTTP: forged forms refused with a page that says why, nothing stored;
 * scripts only from files; search facets; the screening download as CSV; the home page's alerts,
 * only those on entities the viewer may see.
 */
class PagesIT {
  private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

  @TempDir static Path dir;
  static TestServer app;
  static Client alice;
  static Client bob;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.ANALYST);
    alice = app.client().signedIn("alice");
    bob = app.client().signedIn("bob");
    ObjectNode body = Bodies.write("report-pages-1", "GREEN");
    Bodies.statement(body, "person-khatib", "Person", "name", "Esmaeil Khatib");
    Bodies.statement(body, "person-khatib", "Person", "nationality", "ir");
    Bodies.statement(body, "org-mois", "PublicBody", "name", "Khatib Ministry");
    assertThat(alice.post("/statements", body.toString()).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aFormPostedWithoutTheSessionsTokenIsRefusedWithAPageThatSaysWhy() {
    Client.Reply forged = alice.form("/screening", Map.of("names", "Esmaeil Khatib"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(forged.body())
        .contains("This form did not come from a Vigil page of your session")
        .contains("nothing was changed");

    Client.Reply wrong =
        alice.form("/screening", Map.of("names", "Esmaeil Khatib", "csrf", "guessed"));
    assertThat(wrong.status()).isEqualTo(403);

    Client.Reply screened =
        alice.form(
            "/screening",
            Map.of("names", "Esmaeil Khatib", "csrf", alice.csrfToken().orElseThrow()));
    assertThat(screened.status()).isEqualTo(200);
    assertThat(screened.body()).contains("1 name screened");
  }

  @Test
  void aForgedUploadStoresNothing() {
    long before = app.store.documents().count();
    Client.Reply forged =
        alice.upload(
            "/documents",
            "report.txt",
            "MOIS hired a network.".getBytes(StandardCharsets.UTF_8),
            false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.errorCode()).isEqualTo("csrf");
    assertThat(app.store.documents().count()).isEqualTo(before);
  }

  @Test
  void everyPageLoadsScriptsOnlyFromFilesUnderTheContentSecurityPolicy() {
    for (String path : new String[] {"/", "/search?q=Khatib", "/upload", "/screening"}) {
      Client.Reply page = alice.page(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.header("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"))
          .hasValueSatisfying(csp -> assertThat(csp).doesNotContain("unsafe-inline"));
      Matcher m = SCRIPT.matcher(page.body());
      while (m.find()) {
        assertThat(m.group(1)).as(path).contains("src=\"/assets/");
      }
      assertThat(page.body())
          .as(path)
          .doesNotContainIgnoringCase(" onclick=")
          .doesNotContain("javascript:");
    }
  }

  @Test
  void searchCountsFacetsAndNarrowsByThem() {
    Client.Reply all = alice.page("/search?q=Khatib");
    assertThat(all.body())
        .contains("2 results for")
        .contains("data-facet=\"country\"")
        .contains("Iran (ir)")
        .contains("href=\"/search?q=Khatib&amp;schema=Person\"");
    Client.Reply people = alice.page("/search?q=Khatib&schema=Person");
    assertThat(people.body()).contains("1 result for").contains("Kind: Person");
    Client.Reply tooMany = alice.page("/search?q=" + "x".repeat(1_001));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("the limit is 1000");
  }

  @Test
  void theScreeningResultsDownloadAsCsvWithFormulasDefused() {
    String queries =
        "name,schema,birthDate,country\r\nEsmaeil Khatib,,,\r\n\"=HYPERLINK(\"\"x\"\")\",,,\r\n";
    Client.Reply csv =
        alice.form(
            "/screening/results.csv",
            Map.of("queries", queries, "csrf", alice.csrfToken().orElseThrow()));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.header("Content-Disposition"))
        .hasValue("attachment; filename=\"screening-results.csv\"");
    assertThat(csv.body())
        .startsWith("query,query_schema,query_birth_date,query_country,rank,score")
        .contains("Esmaeil Khatib,,,,0,")
        .contains("\"'=HYPERLINK(\"\"x\"\")\"");
  }

  @Test
  void anAddressThatLeadsNowhereAnswersAPageWithTheWaysIn() {
    Client.Reply nowhere = alice.page("/no-such-page");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.body())
        .contains("<h1>Not found</h1>")
        .contains("action=\"/search\"")
        .contains("href=\"/upload\"")
        .contains("href=\"/screening\"")
        .contains("href=\"/\"");
  }

  @Test
  void aDocumentThatIsNotThereOrNotVisibleIsNotFound() {
    Client.Reply missing = bob.page("/documents/doc-no-such-document");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body())
        .contains("There is no document doc-no-such-document that you may see.");
    assertThat(bob.page("/documents/bad%20id").status()).isEqualTo(404);
  }

  @Test
  void theHomePageShowsTheNewestStoredAlertsTheViewerMaySeeAndNoOthers() {
    ObjectNode secret = Bodies.write("report-pages-secret", "AMBER+STRICT");
    Bodies.statement(secret, "person-falcon", "Person", "name", "Falcon Contact");
    assertThat(bob.post("/statements", secret.toString()).status()).isEqualTo(200);
    Instant now = Instant.now();
    List<PossibleMatch> found = new ArrayList<>();
    // Older alerts on Khatib, more than the home page shows.
    for (int i = 0; i < HomePage.ALERTS; i++) {
      found.add(
          match(
              "person-khatib",
              "un-sc-older-" + i,
              "OLDER ENTRY " + i,
              now.minusSeconds(600 - i),
              "recorded for this test: older alert " + i));
    }
    found.add(
        match(
            "person-khatib",
            "ofac-sdn-home-1",
            "KHATIB, Esmaeil",
            now.minusSeconds(60),
            "recorded for this test: the newest alert Alice may see"));
    // The newest of all, on an AMBER+STRICT entity of org-b: never shown to org-a.
    PossibleMatch falcon =
        match(
            "person-falcon",
            "ofac-sdn-home-2",
            "FALCON, Secret Listing",
            now,
            "recorded for this test: org-b's own alert");
    // Each alert is recorded for the audience whose statements raised it.
    app.store.resolution().recordMatches(audience("alice", "org-a"), found);
    app.store.resolution().recordMatches(audience("bob", "org-b"), List.of(falcon));

    String home = alice.page("/").body();
    String alerts = home.substring(home.indexOf("<section class=\"alerts\">"));
    alerts = alerts.substring(0, alerts.indexOf("</section>"));
    assertThat(alerts)
        .contains("<h2>New alerts</h2>")
        .contains("href=\"/entities/person-khatib\">Esmaeil Khatib</a>")
        .contains("TLP:GREEN")
        .contains("href=\"/entities/ofac-sdn-home-1\">KHATIB, Esmaeil</a>")
        .contains("<span class=\"dataset\">ofac-sdn</span>")
        .contains("<span class=\"programme\">SDGT</span>")
        .contains("<span class=\"score\">0.93</span>")
        .contains("recorded for this test: the newest alert Alice may see")
        .contains("<span class=\"status status-new\">new</span>")
        .contains("href=\"/alerts\"")
        .doesNotContain("Falcon")
        .doesNotContain("person-falcon")
        .doesNotContain("FALCON, Secret Listing")
        .doesNotContain("TLP:AMBER+STRICT")
        .doesNotContain("older alert 0<");
    assertThat(alerts.indexOf("the newest alert Alice may see"))
        .isLessThan(alerts.indexOf("older alert " + (HomePage.ALERTS - 1)));
    assertThat(home.split("<li data-alert=", -1)).hasSize(HomePage.ALERTS + 1);
    assertThat(home).doesNotContain("Falcon").doesNotContain("person-falcon");

    String bobs = bob.page("/").body();
    assertThat(bobs)
        .contains("href=\"/entities/person-falcon\">Falcon Contact</a>")
        .contains("TLP:AMBER+STRICT")
        .contains("FALCON, Secret Listing");
  }

  private static Audience audience(String username, String orgId) {
    return Audience.of(orgId, Set.of(app.store.accounts().userByName(username).orElseThrow().id()));
  }

  private static PossibleMatch match(
      String entity, String listEntity, String caption, Instant at, String why) {
    return new PossibleMatch(
        0, entity, listEntity, "ofac-sdn", caption, List.of("SDGT"), 0.93, List.of(why), at, false);
  }
}
