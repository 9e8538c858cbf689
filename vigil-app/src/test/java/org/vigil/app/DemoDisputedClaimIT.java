/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.claims.FactStatus;
import org.vigil.http.ApiServer;
import org.vigil.http.Client;
import org.vigil.http.ServerSettings;
import org.vigil.store.Store;
import org.vigil.weighing.ClaimWeighings;

/**
 * What a new user of the demo sees of the bundled disputed claim (cia-arrests-dispute.txt): the
 * ministry's page and the claim's page say it is disputed, by whom, and that one origin asserts it
 * and one denies it; the graph hides it, or keeps it by credibility, as each reader weighs it.
 */
class DemoDisputedClaimIT {
  @TempDir static Path dir;
  static Store store;
  static ApiServer server;
  static Client reader;
  static Client other;

  @BeforeAll
  static void start() {
    store = DemoReports.store(dir);
    DemoReports.user(store, "reader", DemoData.HOME_ORG, Role.ANALYST);
    DemoReports.user(store, "outsider", DemoData.OTHER_ORG, Role.ANALYST);
    server = DemoReports.serve(store, dir, ServerSettings.of("127.0.0.1", 0, "test"));
    reader = new Client("http://127.0.0.1:" + server.port()).signedIn("reader");
    other = new Client("http://127.0.0.1:" + server.port()).signedIn("outsider");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void theMinistrysPageAndTheClaimPageShowTheArrestsDisputedOneOriginEachWay() {
    String entity = reader.page("/entities/vigil-ir-mois").body();
    Matcher row =
        Pattern.compile(
                "<tr class=\"fact fact-disputed\"><td><a href=\"(/claims/[^\"]+)\">([^<]+)<")
            .matcher(entity);
    assertThat(row.find()).as("a disputed fact on the ministry's page").isTrue();
    assertThat(row.group(2)).startsWith("arrest · Ministry of Intelligence and Security");
    String facts = entity.substring(row.start(), entity.indexOf("</tr>", row.start()));
    assertThat(facts)
        .contains("disputed")
        .contains("1 origin asserts, 1 origin denies")
        .contains("Ministry of Intelligence and Security (asserts")
        .contains("Trump (denies");

    String claim = reader.page(row.group(1).replace("&#x2D;", "-")).body();

    assertThat(claim)
        .contains("<span id=\"fact-status\" class=\"status status-disputed\">disputed</span>")
        .contains("<span id=\"corroboration\">1 origin asserts, 1 origin denies</span>")
        .contains("Independent origins assert it and deny it.")
        .contains("<h2>Origin: Ministry of Intelligence and Security</h2>")
        .contains("<h2>Origin: Trump</h2>")
        .contains("completely untrue")
        .contains(">A disputed announcement from Tehran<");
  }

  @Test
  void theGraphHidesTheDisputedArrestsOrKeepsThemByCredibilityAsEachReaderWeighsThem() {
    List<String> claims =
        new ClaimWeighings(store)
            .about("vigil-ir-mois", Viewer.system()).orElseThrow().stream()
                .filter(f -> f.status().kind() == FactStatus.Kind.DISPUTED)
                .findFirst()
                .orElseThrow()
                .claims()
                .stream()
                .map(ClaimWeighings.ClaimLine::claimId)
                .toList();
    String ministryClaim = claims.get(0);
    String neighbours = "/graph/neighbours?entity=vigil-ir-mois";
    assertThat(edges(reader, neighbours)).containsAll(claims);
    assertThat(edges(reader, neighbours + "&hideDisputed=true"))
        .doesNotContainAnyElementsOf(claims);
    // Both sides are suggested 5 (improbable): kept at 5, dropped at 4.
    assertThat(edges(reader, neighbours + "&credibility=5")).containsAll(claims);
    assertThat(edges(reader, neighbours + "&credibility=4")).doesNotContainAnyElementsOf(claims);
    assertThat(reader.get(neighbours + "&credibility=7").status()).isEqualTo(400);
    assertThat(reader.get(neighbours + "&hideDisputed=maybe").status()).isEqualTo(400);

    Client.Reply graded =
        reader.post(
            "/grades",
            "{\"target\":\"claim\",\"id\":\""
                + ministryClaim
                + "\",\"grade\":\"2\",\"reason\":\"seen the court papers\"}");
    assertThat(graded.status()).isEqualTo(201);

    // The grade is the reader's organisation's: another organisation still weighs it 5.
    assertThat(edges(reader, neighbours + "&credibility=2")).contains(ministryClaim);
    assertThat(edges(other, neighbours + "&credibility=5")).contains(ministryClaim);
    assertThat(edges(other, neighbours + "&credibility=2")).doesNotContain(ministryClaim);
  }

  @Test
  void pathsCommunitiesAndCentralityLeaveOutWhatTheWeighingDropsAndListLinksStayNotGraded() {
    List<String> claims = disputedClaims();
    String event = claims.get(0);
    String path = "/graph/path?from=vigil-ir-mois&to=" + event;
    assertThat(edges(reader, path)).containsAnyElementsOf(claims);
    assertThat(edges(reader, path + "&hideDisputed=true")).doesNotContainAnyElementsOf(claims);
    for (String query :
        List.of(
            "/graph/communities?entity=vigil-ir-mois",
            "/graph/centrality?entity=vigil-ir-mois&measure=degree")) {
      assertThat(edges(reader, query)).as(query).containsAll(claims);
      Client.Reply hidden = reader.get(query + "&hideDisputed=true");
      assertThat(hidden.status()).isEqualTo(200);
      assertThat(hidden.json().get("edges").toString()).doesNotContain(event);
      // Left out before the analysis ran: the event is no node of it.
      assertThat(hidden.json().get("nodes").toString()).doesNotContain("\"" + event + "\"");
      assertThat(reader.get(query + "&credibility=0").status()).isEqualTo(400);
    }

    // The OFAC release's link is no graded claim: a credibility filter keeps it, marked.
    Client.Reply strict = reader.get("/graph/neighbours?entity=naji-zindashti&credibility=1");
    assertThat(strict.status()).isEqualTo(200);
    List<String> notGraded = new ArrayList<>();
    strict
        .json()
        .get("edges")
        .forEach(
            e -> {
              if (e.path("notGraded").asBoolean(false)) {
                notGraded.add(e.get("id").asText());
              }
            });
    assertThat(notGraded).contains("link-zindashti-mois").doesNotContainAnyElementsOf(claims);
    assertThat(reader.get("/graph/neighbours?entity=naji-zindashti").body())
        .doesNotContain("notGraded");
  }

  @Test
  void aGradeIsSetAndUndoneByThePagesPlainFormsAsABrowserWithoutJavaScriptSendsThem() {
    String entity = reader.page("/entities/vigil-ir-mois").body();
    assertThat(entity).contains("<li class=\"dispute-reason\">");
    Matcher form =
        Pattern.compile(
                "<form method=\"post\" class=\"grade-form grade-claim-form\" action=\"/grades\">"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">"
                    + "<input type=\"hidden\" name=\"back\" value=\"([^\"]+)\">"
                    + "<input type=\"hidden\" name=\"target\" value=\"claim\">"
                    + "<input type=\"hidden\" name=\"id\" value=\"([^\"]+)\">")
            .matcher(entity);
    assertThat(form.find()).as("a grade form on the ministry's page").isTrue();
    String csrf = unescape(form.group(1));
    String back = unescape(form.group(2));
    String claim = unescape(form.group(3));
    assertThat(back).isEqualTo("/entities/vigil-ir-mois");

    Client.Reply off =
        reader.form(
            "/grades",
            Map.of("csrf", csrf, "back", back, "target", "claim", "id", claim, "grade", "7"));
    assertThat(off.status()).isEqualTo(400);
    assertThat(off.body()).contains("7");
    assertThat(
            reader.form("/grades", Map.of("target", "claim", "id", claim, "grade", "3")).status())
        .isEqualTo(403);
    // Another test may have graded a claim of this page already.
    List<String> before = undoForms(reader.page(back).body());
    // The outsider's organisation reads the GREEN report too; its grade is its own.
    List<String> outsiderBefore = undoForms(other.page(back).body());
    Client.Reply outsider =
        other.form(
            "/grades",
            Map.of(
                "csrf",
                other.csrfToken().orElseThrow(),
                "back",
                back,
                "target",
                "claim",
                "id",
                claim,
                "grade",
                "3"));
    assertThat(outsider.status()).isEqualTo(303);
    List<String> theirs = new ArrayList<>(undoForms(other.page(back).body()));
    theirs.removeAll(outsiderBefore);
    assertThat(theirs).hasSize(1);
    assertThat(undoForms(reader.page(back).body())).containsExactlyElementsOf(before);
    assertThat(reader.form(theirs.get(0), Map.of("csrf", csrf)).status()).isEqualTo(404);
    assertThat(other.form(theirs.get(0), Map.of("csrf", other.csrfToken().orElseThrow())).status())
        .isEqualTo(303);

    Client.Reply graded =
        reader.form(
            "/grades",
            Map.of(
                "csrf",
                csrf,
                "back",
                back,
                "target",
                "claim",
                "id",
                claim,
                "grade",
                "4",
                "reason",
                "no names, no details"));
    assertThat(graded.status()).isEqualTo(303);
    assertThat(graded.header("Location")).contains(back);
    List<String> undo = new ArrayList<>(undoForms(reader.page(back).body()));
    undo.removeAll(before);
    assertThat(undo).hasSize(1);
    assertThat(reader.page(back).body()).contains("credibility 4 graded");

    // A form that names another site to return to returns to the claim's page instead.
    Client.Reply undone =
        reader.form(undo.get(0), Map.of("csrf", csrf, "back", "https://example.org/"));
    assertThat(undone.status()).isEqualTo(303);
    assertThat(undone.header("Location").orElseThrow()).doesNotContain("example.org");
    assertThat(undoForms(reader.page(back).body())).containsExactlyElementsOf(before);
    assertThat(reader.form(undo.get(0), Map.of("csrf", csrf)).status()).isEqualTo(404);
  }

  private static List<String> undoForms(String page) {
    Matcher m = Pattern.compile("action=\"(/grades/[0-9]+/undo)\"").matcher(page);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** An attribute's value as a browser reads it: numeric character references decoded. */
  private static String unescape(String attribute) {
    Matcher m = Pattern.compile("&#x([0-9A-Fa-f]+);").matcher(attribute);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(out);
    return out.toString().replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
  }

  private static List<String> disputedClaims() {
    return new ClaimWeighings(store)
        .about("vigil-ir-mois", Viewer.system()).orElseThrow().stream()
            .filter(f -> f.status().kind() == FactStatus.Kind.DISPUTED)
            .findFirst()
            .orElseThrow()
            .claims()
            .stream()
            .map(ClaimWeighings.ClaimLine::claimId)
            .toList();
  }

  private static List<String> edges(Client client, String path) {
    Client.Reply reply = client.get(path);
    assertThat(reply.status()).as(path).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().get("edges").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }
}
