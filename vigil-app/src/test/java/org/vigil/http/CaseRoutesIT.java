/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;

/**
 * Org A's analyst works a case on a network whose courier is AMBER+STRICT; org C (a partner) reads
 * the case without the courier; org B (no partner) is refused as a member and sees no trace of the
 * case; deleting the case leaves the evidence.
 */
class CaseRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client alice;
  static Client bob;
  static Client carol;
  static Client vera;

  @BeforeAll
  static void writeTheNetwork() {
    app = TestServer.start(dir);
    app.threeAnalysts();
    app.user("vera", "org-a", Role.VIEWER);
    alice = app.client().signedIn("alice");
    bob = app.client().signedIn("bob");
    carol = app.client().signedIn("carol");
    vera = app.client().signedIn("vera");
    ObjectNode body = Bodies.write("report-z", "AMBER");
    Bodies.statement(body, "p-naji", "Person", "name", "Naji Sharifi-Zindashti");
    Bodies.statement(body, "o-mois", "Organization", "name", "Ministry of Intelligence");
    Bodies.statement(body, "p-naji", "Person", "nationality", "ir");
    Bodies.statement(body, "p-naji", "Person", "birthPlace", "Mashhad");
    Bodies.statement(body, "o-mois", "Organization", "address", "Georgia");
    Bodies.statement(body, "m-1", "Membership", "member", "p-naji");
    Bodies.statement(body, "m-1", "Membership", "organization", "o-mois");
    Bodies.marked(
        Bodies.statement(body, "p-courier", "Person", "name", "Kaveh Strictcourier"),
        "AMBER+STRICT");
    Bodies.marked(Bodies.statement(body, "a-1", "Associate", "person", "p-naji"), "AMBER+STRICT");
    Bodies.marked(
        Bodies.statement(body, "a-1", "Associate", "associate", "p-courier"), "AMBER+STRICT");
    Client.Reply written = alice.post("/statements", body.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String open(String title, String tlp) {
    Client.Reply made =
        alice.post(
            "/cases",
            Client.JSON.createObjectNode().put("title", title).put("tlp", tlp).toString());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return made.json().path("id").asText();
  }

  static Client.Reply post(Client who, String path, Map<String, Object> fields) {
    return who.post(path, Client.JSON.valueToTree(fields).toString());
  }

  static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.path("id").asText()));
    return out;
  }

  @Test
  void aPartnerMemberSeesOnlyTheItemsAndNotesTheyMayReadThemselves() {
    String id = open("The Zindashti network", "AMBER");
    Client.Reply pulled =
        post(alice, "/cases/" + id + "/neighbourhood", Map.of("entity", "p-naji", "depth", 2));
    assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
    assertThat(ids(alice.get("/cases/" + id).json().path("entities")))
        .contains("p-naji", "o-mois", "p-courier");
    Client.Reply note =
        post(
            alice,
            "/cases/" + id + "/notes",
            Map.of(
                "markdown",
                "[Zindashti](entity:p-naji) works with [the courier](entity:p-courier).",
                "tlp",
                "AMBER"));
    assertThat(note.status()).as(note.body()).isEqualTo(201);
    post(
        alice,
        "/cases/" + id + "/notes",
        Map.of("markdown", "Strict thoughts", "tlp", "AMBER+STRICT"));
    Client.Reply shared =
        post(alice, "/cases/" + id + "/members", Map.of("kind", "org", "member", "org-c"));
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);

    Client.Reply seen = carol.get("/cases/" + id);
    assertThat(seen.status()).as(seen.body()).isEqualTo(200);
    assertThat(ids(seen.json().path("entities")))
        .contains("p-naji", "o-mois")
        .doesNotContain("p-courier");
    assertThat(seen.body())
        .doesNotContain("p-courier")
        .doesNotContain("Strictcourier")
        .doesNotContain("Strict thoughts")
        .contains("the courier [citation withheld]");
    assertThat(seen.json().path("notes")).hasSize(1);
    assertThat(seen.json().path("notes").get(0).has("markdown")).isFalse();
    assertThat(carol.page("/cases/" + id).body())
        .contains("Naji Sharifi-Zindashti")
        .doesNotContain("Strictcourier")
        .doesNotContain("p-courier");
    assertThat(ids(carol.get("/cases").json().path("items"))).contains(id);
  }

  @Test
  void aReportForThePartnerLeavesOutWhatItMayNotReadAndOthersGetNoReport() {
    String id = open("Report for the partner", "AMBER");
    post(alice, "/cases/" + id + "/neighbourhood", Map.of("entity", "p-naji", "depth", 2));
    Client.Reply report =
        post(alice, "/cases/" + id + "/report", Map.of("for", "org-c", "format", "html"));
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(report.header("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(report.body())
        .contains("(TLP:AMBER)")
        .contains("Naji Sharifi-Zindashti")
        .doesNotContain("Strictcourier")
        .doesNotContain("TLP:AMBER+STRICT");
    JsonNode places = alice.get("/cases/" + id).json().path("places");
    assertThat(places.findValuesAsText("name")).contains("Mashhad", "Georgia");
    for (JsonNode p : places) {
      if (p.path("name").asText().equals("Mashhad")) {
        assertThat(p.path("country").asText())
            .as("placed in Iran, its nationality")
            .isEqualTo("IR");
      } else if (p.path("name").asText().equals("Georgia")) {
        assertThat(p.path("unplaced").asText()).isEqualTo("country_or_division");
        assertThat(p.has("lat")).isFalse();
      }
    }
    assertThat(alice.page("/cases/" + id).body()).contains("left unplaced: ");
    Client.Reply own =
        post(alice, "/cases/" + id + "/report", Map.of("for", "org-a", "format", "html"));
    assertThat(own.body()).contains("Strictcourier").contains("(TLP:AMBER+STRICT)");
    Client.Reply pdf = post(alice, "/cases/" + id + "/report", Map.of("for", "org-c"));
    assertThat(pdf.header("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");

    Client.Reply stranger =
        post(bob, "/cases/" + id + "/report", Map.of("for", "org-b", "format", "html"));
    Client.Reply nothing =
        post(bob, "/cases/case-00000000000000000000/report", Map.of("for", "org-b"));
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.body()).doesNotContain("Report for the partner");
    assertThat(stranger.json().path("error").path("message").asText().replace(id, "X"))
        .isEqualTo(
            nothing
                .json()
                .path("error")
                .path("message")
                .asText()
                .replace("case-00000000000000000000", "X"));
    post(alice, "/cases/" + id + "/members", Map.of("kind", "org", "member", "org-c"));
    Client.Reply reader =
        post(carol, "/cases/" + id + "/report", Map.of("for", "org-c", "format", "html"));
    assertThat(reader.status()).isEqualTo(403);
    Client.Reply tooMuch =
        post(
            alice,
            "/cases/" + id + "/report",
            Map.of("for", "org-c", "summary", "x", "summaryTlp", "AMBER+STRICT"));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.body()).contains("does not reach org-c");
  }

  @Test
  void aMemberWhoseOrganisationMayNotReadTheMarkingIsRefusedWithTheReason() {
    String id = open("Ministry ties", "AMBER");
    Client.Reply org =
        post(alice, "/cases/" + id + "/members", Map.of("kind", "org", "member", "org-b"));
    assertThat(org.status()).isEqualTo(422);
    assertThat(org.errorCode()).isEqualTo("member_refused");
    assertThat(org.errorMessage()).contains("org-b may not read TLP:AMBER (org-a)");
    Client.Reply user =
        post(alice, "/cases/" + id + "/members", Map.of("kind", "user", "member", "bob"));
    assertThat(user.status()).isEqualTo(422);
    assertThat(user.errorMessage()).contains("user bob of organisation org-b may not read");
    String red = open("Red thoughts", "RED");
    Client.Reply redOrg =
        post(alice, "/cases/" + red + "/members", Map.of("kind", "org", "member", "org-a"));
    assertThat(redOrg.status()).isEqualTo(422);
    assertThat(redOrg.errorMessage()).contains("share it with users");
  }

  @Test
  void anotherOrganisationSeesNoTraceOfTheCaseAndCannotWriteToIt() {
    String id = open("Hidden case", "AMBER+STRICT");
    post(alice, "/cases/" + id + "/items", Map.of("kind", "entity", "id", "p-naji"));
    Client.Reply hidden = bob.get("/cases/" + id);
    Client.Reply missing = bob.get("/cases/case-00000000000000000000");
    assertThat(hidden.status()).isEqualTo(404).isEqualTo(missing.status());
    assertThat(hidden.errorMessage().replace(id, "X"))
        .isEqualTo(missing.errorMessage().replace("case-00000000000000000000", "X"));
    assertThat(bob.page("/cases/" + id).status()).isEqualTo(404);
    assertThat(bob.get("/cases").body()).doesNotContain(id).doesNotContain("Hidden case");
    for (String path : List.of("/items", "/notes", "/members", "/status", "/delete")) {
      Client.Reply write =
          post(
              bob,
              "/cases/" + id + path,
              Map.of(
                  "kind",
                  "entity",
                  "id",
                  "o-mois",
                  "markdown",
                  "x",
                  "member",
                  "bob",
                  "status",
                  "closed"));
      assertThat(write.status()).as(path).isEqualTo(404);
    }
    assertThat(alice.get("/cases/" + id).json().path("status").asText()).isEqualTo("open");
  }

  @Test
  void aReadMemberMayNotWriteAndNoOneAddsEvidenceTheyMayNotSee() {
    String id = open("Read only for partners", "AMBER");
    post(alice, "/cases/" + id + "/members", Map.of("kind", "user", "member", "carol"));
    Client.Reply write =
        post(carol, "/cases/" + id + "/items", Map.of("kind", "entity", "id", "p-naji"));
    assertThat(write.status()).isEqualTo(403);
    post(
        alice,
        "/cases/" + id + "/members",
        Map.of("kind", "user", "member", "carol", "rights", "write"));
    Client.Reply strict =
        post(carol, "/cases/" + id + "/items", Map.of("kind", "entity", "id", "p-courier"));
    Client.Reply phantom =
        post(carol, "/cases/" + id + "/items", Map.of("kind", "entity", "id", "p-nobody"));
    assertThat(strict.status()).isEqualTo(404).isEqualTo(phantom.status());
    Client.Reply cite =
        post(carol, "/cases/" + id + "/notes", Map.of("markdown", "[x](entity:p-courier)"));
    assertThat(cite.status()).isEqualTo(404);
    assertThat(
            post(carol, "/cases/" + id + "/items", Map.of("kind", "entity", "id", "p-naji"))
                .status())
        .isEqualTo(200);
    assertThat(post(vera, "/cases", Map.of("title", "viewer")).status()).isEqualTo(403);
  }

  @Test
  void hostileNotesAreRenderedAsTextInTheApiAndThePage() {
    String id = open("Hostile notes", "GREEN");
    String hostile =
        "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))";
    assertThat(post(alice, "/cases/" + id + "/notes", Map.of("markdown", hostile)).status())
        .isEqualTo(201);
    String html = alice.get("/cases/" + id).json().path("notes").get(0).path("html").asText();
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("href=\"javascript");
    String page = alice.page("/cases/" + id).body();
    assertThat(page)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void deletingACaseLeavesItsEvidenceAndEveryActIsAudited() {
    String id = open("To be deleted", "AMBER");
    post(alice, "/cases/" + id + "/items", Map.of("kind", "entity", "id", "p-naji"));
    post(alice, "/cases/" + id + "/notes", Map.of("markdown", "about [him](entity:p-naji)"));
    Client.Reply deleted = post(alice, "/cases/" + id + "/delete", Map.of());
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(alice.get("/cases/" + id).status()).isEqualTo(404);
    assertThat(alice.get("/entities/p-naji").status()).isEqualTo(200);
    List<String> acts =
        app.store.audit().recent(200).stream()
            .map(AuditRecord::event)
            .filter(e -> e.action() == AuditAction.CASE && e.target().equals("case:" + id))
            .map(e -> e.detail())
            .toList();
    assertThat(acts)
        .anyMatch(d -> d.startsWith("opened TLP:AMBER"))
        .anyMatch(d -> d.startsWith("added 1 entity items"))
        .anyMatch(d -> d.startsWith("note "))
        .anyMatch(d -> d.startsWith("deleted the case"));
  }
}
