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
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;

/**
 * What a case holds besides its references: Org A's analyst weighs two hypotheses about a network
 * on a claim everyone in the case may read and on evidence that is AMBER+STRICT; the partner's
 * analyst (org C) sees the matrix without the strict rows, their cells or their weight. Tasks go to
 * members; notes are edited with their history kept; a member taken off the case reads nothing of
 * it; deleting the case takes its hypotheses, tasks and notes and leaves the evidence.
 */
class CaseWorkRoutesIT {
  @TempDir static Path dir;
  static TestServer app;
  static Client alice;
  static Client bob;
  static Client carol;
  static String strictNote;

  @BeforeAll
  static void writeTheNetwork() {
    app = TestServer.start(dir);
    app.threeAnalysts();
    alice = app.client().signedIn("alice");
    bob = app.client().signedIn("bob");
    carol = app.client().signedIn("carol");
    ObjectNode body = Bodies.write("report-w", "AMBER");
    Bodies.statement(body, "p-naji", "Person", "name", "Naji Sharifi-Zindashti");
    Bodies.statement(body, "o-mois", "Organization", "name", "Ministry of Intelligence");
    Bodies.statement(body, "m-1", "Membership", "member", "p-naji");
    Bodies.statement(body, "m-1", "Membership", "organization", "o-mois");
    Bodies.marked(
        Bodies.statement(body, "p-naji", "Person", "notes", "Strictly a deniable intermediary"),
        "AMBER+STRICT");
    Bodies.marked(
        Bodies.statement(body, "p-courier", "Person", "name", "Kaveh Strictcourier"),
        "AMBER+STRICT");
    Bodies.marked(Bodies.statement(body, "a-1", "Associate", "person", "p-naji"), "AMBER+STRICT");
    Bodies.marked(
        Bodies.statement(body, "a-1", "Associate", "associate", "p-courier"), "AMBER+STRICT");
    Client.Reply written = alice.post("/statements", body.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    strictNote =
        alice
            .get("/entities/p-naji")
            .json()
            .path("properties")
            .path("notes")
            .get(0)
            .path("statementId")
            .asText();
    assertThat(strictNote).hasSize(32);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String open(String title) {
    Client.Reply made =
        alice.post(
            "/cases",
            Client.JSON.createObjectNode().put("title", title).put("tlp", "AMBER").toString());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String id = made.json().path("id").asText();
    assertThat(
            post(alice, "/cases/" + id + "/neighbourhood", Map.of("entity", "p-naji", "depth", 1))
                .status())
        .isEqualTo(200);
    for (String claim : List.of("m-1", "a-1")) {
      Client.Reply added =
          post(alice, "/cases/" + id + "/items", Map.of("kind", "claim", "id", claim));
      assertThat(added.status()).as(added.body()).isEqualTo(200);
    }
    return id;
  }

  static Client.Reply post(Client who, String path, Map<String, Object> fields) {
    return who.post(path, Client.JSON.valueToTree(fields).toString());
  }

  static long hypothesis(String id, String text) {
    Client.Reply h = post(alice, "/cases/" + id + "/hypotheses", Map.of("text", text));
    assertThat(h.status()).as(h.body()).isEqualTo(201);
    assertThat(h.json().path("author").asText()).isEqualTo("alice");
    return h.json().path("id").asLong();
  }

  static Client.Reply rate(Client who, String id, long h, String evidence, String rating) {
    return post(
        who,
        "/cases/" + id + "/hypotheses/" + h + "/ratings",
        Map.of("evidence", evidence, "rating", rating));
  }

  static JsonNode column(JsonNode matrix, long h) {
    for (JsonNode c : matrix.path("hypotheses")) {
      if (c.path("id").asLong() == h) {
        return c;
      }
    }
    throw new AssertionError("no hypothesis " + h + " in " + matrix);
  }

  static List<String> refs(JsonNode matrix) {
    List<String> out = new ArrayList<>();
    matrix.path("evidence").forEach(e -> out.add(e.path("ref").asText()));
    return out;
  }

  @Test
  void theMatrixRanksByInconsistencyAndLeavesOutEvidenceTheReaderMayNotSee() {
    String id = open("Who gives the orders");
    long orders = hypothesis(id, "The network acted on the ministry's orders");
    long own = hypothesis(id, "The network acted for its own criminal ends");
    String statement = "statement:p-naji/" + strictNote;
    assertThat(rate(alice, id, orders, "claim:m-1", "C").status()).isEqualTo(200);
    assertThat(rate(alice, id, own, "claim:m-1", "I").status()).isEqualTo(200);
    assertThat(rate(alice, id, orders, statement, "consistent").status()).isEqualTo(200);
    assertThat(rate(alice, id, own, statement, "I").status()).isEqualTo(200);
    Client.Reply last = rate(alice, id, orders, "claim:a-1", "I");
    assertThat(last.status()).as(last.body()).isEqualTo(200);

    JsonNode mine = alice.get("/cases/" + id + "/hypotheses").json();
    assertThat(refs(mine)).containsExactly("claim:m-1", "claim:a-1", statement);
    assertThat(column(mine, orders).path("inconsistent").asInt()).isEqualTo(1);
    assertThat(column(mine, own).path("inconsistent").asInt()).isEqualTo(2);
    assertThat(column(mine, own).path("inconsistency").asDouble())
        .isGreaterThan(column(mine, orders).path("inconsistency").asDouble());
    assertThat(mine.path("leader").asLong()).isEqualTo(orders);
    assertThat(column(mine, own).path("ratings").path("claim:m-1").path("ratedBy").asText())
        .isEqualTo("alice");
    JsonNode strictRow = mine.path("evidence").get(2);
    assertThat(strictRow.path("grade").asText()).isEqualTo("B6");
    assertThat(strictRow.path("marking").asText()).contains("AMBER+STRICT");

    post(alice, "/cases/" + id + "/members", Map.of("kind", "org", "member", "org-c"));
    Client.Reply theirs = carol.get("/cases/" + id + "/hypotheses");
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(refs(theirs.json())).containsExactly("claim:m-1");
    assertThat(column(theirs.json(), orders).path("inconsistent").asInt()).isZero();
    assertThat(column(theirs.json(), orders).path("inconsistency").asDouble()).isZero();
    assertThat(column(theirs.json(), own).path("inconsistent").asInt()).isEqualTo(1);
    assertThat(theirs.body())
        .doesNotContain(strictNote)
        .doesNotContain("a-1")
        .doesNotContain("Strict");
    Client.Reply page = carol.page("/cases/" + id);
    assertThat(page.body())
        .contains("The network acted on the ministry&#39;s orders")
        .doesNotContain(strictNote)
        .doesNotContain("Strictcourier")
        .doesNotContain("Strictly a deniable");
    assertThat(carol.get("/cases/" + id).json().path("hypotheses").toString())
        .doesNotContain(strictNote);
  }

  @Test
  void onlyWritersRateAndNoOneRatesEvidenceTheyMayNotSeeOrThatIsNotInTheCase() {
    String id = open("Ratings refused");
    long h = hypothesis(id, "One hypothesis");
    assertThat(
            post(alice, "/cases/" + id + "/hypotheses", Map.of("text", "One hypothesis")).status())
        .isEqualTo(400);
    assertThat(rate(alice, id, h, "claim:m-1", "maybe").status()).isEqualTo(400);
    assertThat(rate(alice, id, h, "entity:p-naji", "C").status()).isEqualTo(400);
    assertThat(rate(alice, id, h, "claim:m-nothing", "C").status()).isEqualTo(404);
    assertThat(rate(alice, id, 999_999, "claim:m-1", "C").status()).isEqualTo(404);
    post(alice, "/cases/" + id + "/members", Map.of("kind", "user", "member", "carol"));
    assertThat(rate(carol, id, h, "claim:m-1", "C").status()).isEqualTo(403);
    post(
        alice,
        "/cases/" + id + "/members",
        Map.of("kind", "user", "member", "carol", "rights", "write"));
    Client.Reply strict = rate(carol, id, h, "statement:p-naji/" + strictNote, "C");
    Client.Reply phantom = rate(carol, id, h, "statement:p-naji/" + "0".repeat(32), "C");
    assertThat(strict.status()).isEqualTo(404).isEqualTo(phantom.status());
    assertThat(strict.errorMessage().replace(strictNote, "X"))
        .isEqualTo(phantom.errorMessage().replace("0".repeat(32), "X"));
    assertThat(rate(carol, id, h, "claim:a-1", "C").errorMessage())
        .isEqualTo(rate(carol, id, h, "claim:a-9", "C").errorMessage().replace("a-9", "a-1"));
    assertThat(rate(carol, id, h, "claim:m-1", "NA").status()).isEqualTo(200);
    Client.Reply hidden = rate(bob, id, h, "claim:m-1", "C");
    Client.Reply missing = rate(bob, "case-00000000000000000000", h, "claim:m-1", "C");
    assertThat(hidden.status()).isEqualTo(404).isEqualTo(missing.status());
    assertThat(bob.get("/cases/" + id + "/hypotheses").status()).isEqualTo(404);
    assertThat(bob.get("/cases/" + id + "/tasks").status()).isEqualTo(404);
    assertThat(post(carol, "/cases/" + id + "/hypotheses/" + h + "/delete", Map.of()).status())
        .isEqualTo(403);
    assertThat(post(alice, "/cases/" + id + "/hypotheses/" + h + "/delete", Map.of()).status())
        .isEqualTo(200);
    assertThat(alice.get("/cases/" + id + "/hypotheses").json().path("hypotheses")).isEmpty();
  }

  @Test
  void tasksGoToMembersAndTheAssigneeSetsTheirStatus() {
    String id = open("Tasks");
    post(alice, "/cases/" + id + "/members", Map.of("kind", "user", "member", "carol"));
    Client.Reply task =
        post(
            alice,
            "/cases/" + id + "/tasks",
            Map.of("title", "Find who paid the network", "assignee", "carol", "due", "2027-01-15"));
    assertThat(task.status()).as(task.body()).isEqualTo(201);
    long t = task.json().path("id").asLong();
    assertThat(
            post(alice, "/cases/" + id + "/tasks", Map.of("title", "x", "assignee", "bob"))
                .errorMessage())
        .contains("bob does not");
    assertThat(
            post(alice, "/cases/" + id + "/tasks", Map.of("title", "x", "due", "15/01/2027"))
                .errorMessage())
        .contains("YYYY-MM-DD");
    assertThat(post(alice, "/cases/" + id + "/tasks", Map.of("title", " ")).status())
        .isEqualTo(400);
    Client.Reply doing = post(carol, "/cases/" + id + "/tasks/" + t, Map.of("status", "doing"));
    assertThat(doing.status()).as(doing.body()).isEqualTo(200);
    assertThat(post(carol, "/cases/" + id + "/tasks/" + t, Map.of("title", "mine now")).status())
        .isEqualTo(403);
    assertThat(post(alice, "/cases/" + id + "/tasks/" + t, Map.of("status", "finished")).status())
        .isEqualTo(400);
    JsonNode listed = carol.get("/cases/" + id + "/tasks").json().path("items").get(0);
    assertThat(listed.path("status").asText()).isEqualTo("doing");
    assertThat(listed.path("assignee").asText()).isEqualTo("carol");
    assertThat(listed.path("assigneeReads").asBoolean()).isTrue();
    assertThat(listed.path("due").asText()).isEqualTo("2027-01-15");
    assertThat(alice.page("/cases/" + id).body()).contains("Find who paid the network");
    Client.Reply other = post(alice, "/cases/" + id + "/tasks", Map.of("title", "Spare task"));
    assertThat(
            post(
                    alice,
                    "/cases/" + id + "/tasks/" + other.json().path("id").asLong() + "/delete",
                    Map.of())
                .status())
        .isEqualTo(200);
    assertThat(alice.get("/cases/" + id + "/tasks").json().path("items")).hasSize(1);
  }

  @Test
  void notesAreEditedWithTheirHistoryKeptRenderedSafelyAndCitationsChecked() {
    String id = open("Notes edited");
    Client.Reply note =
        post(
            alice,
            "/cases/" + id + "/notes",
            Map.of(
                "markdown", "First: [Naji](entity:p-naji) and [the courier](entity:p-courier)."));
    long n = note.json().path("id").asLong();
    Client.Reply edited =
        post(
            alice,
            "/cases/" + id + "/notes/" + n,
            Map.of(
                "markdown",
                "Second: [Naji](entity:p-naji) <script>alert(1)</script> [x](javascript:alert(2))"));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    JsonNode shown = alice.get("/cases/" + id).json().path("notes").get(0);
    assertThat(shown.path("editedBy").asText()).isEqualTo("alice");
    assertThat(shown.path("html").asText())
        .contains("Second")
        .doesNotContain("<script")
        .doesNotContain("href=\"javascript");
    assertThat(shown.path("versions")).hasSize(1);
    assertThat(shown.path("versions").get(0).path("html").asText()).contains("First");
    assertThat(shown.path("versions").get(0).path("writtenBy").asText()).isEqualTo("alice");
    assertThat(alice.page("/cases/" + id).body())
        .contains("Earlier versions (1)")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");

    post(
        alice,
        "/cases/" + id + "/members",
        Map.of("kind", "user", "member", "carol", "rights", "write"));
    Client.Reply strictCite =
        post(carol, "/cases/" + id + "/notes/" + n, Map.of("markdown", "Third"));
    assertThat(strictCite.status())
        .as("the version in force cites only what carol may see")
        .isEqualTo(200);
    Client.Reply hiddenCitation =
        post(
            alice,
            "/cases/" + id + "/notes",
            Map.of("markdown", "About [the courier](entity:p-courier)."));
    long withCourier = hiddenCitation.json().path("id").asLong();
    Client.Reply refused =
        post(carol, "/cases/" + id + "/notes/" + withCourier, Map.of("markdown", "Gone"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorMessage()).contains("only its author edits it");
    assertThat(
            post(carol, "/cases/" + id + "/notes/" + n, Map.of("markdown", "[y](entity:p-courier)"))
                .status())
        .isEqualTo(404);
    JsonNode carolSees = carol.get("/cases/" + id).json().path("notes").get(0);
    assertThat(carolSees.path("versions")).hasSize(2);
    assertThat(carolSees.toString()).doesNotContain("Strictcourier").doesNotContain("p-courier");
    assertThat(carol.get("/cases/" + id).json().path("notes").get(1).has("markdown")).isFalse();
    assertThat(post(bob, "/cases/" + id + "/notes/" + n, Map.of("markdown", "x")).status())
        .isEqualTo(404);
  }

  @Test
  void aMemberTakenOffTheCaseReadsNothingOfItAndTheirWorkStays() {
    String id = open("A member leaves");
    post(
        alice,
        "/cases/" + id + "/members",
        Map.of("kind", "user", "member", "carol", "rights", "write"));
    long h = hypothesis(id, "Carol's hypothesis, written by alice");
    assertThat(rate(carol, id, h, "claim:m-1", "C").status()).isEqualTo(200);
    assertThat(
            post(carol, "/cases/" + id + "/notes", Map.of("markdown", "Carol was here")).status())
        .isEqualTo(201);
    Client.Reply task =
        post(
            alice, "/cases/" + id + "/tasks", Map.of("title", "Carol's task", "assignee", "carol"));
    long t = task.json().path("id").asLong();
    assertThat(
            post(
                    carol,
                    "/cases/" + id + "/members/remove",
                    Map.of("kind", "user", "member", "carol"))
                .status())
        .isEqualTo(403);
    Client.Reply removed =
        post(alice, "/cases/" + id + "/members/remove", Map.of("kind", "user", "member", "carol"));
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);

    Client.Reply missing = carol.get("/cases/case-00000000000000000000");
    for (String path : List.of("", "/hypotheses", "/tasks")) {
      Client.Reply gone = carol.get("/cases/" + id + path);
      assertThat(gone.status()).as(path).isEqualTo(404);
      assertThat(gone.errorMessage().replace(id, "X"))
          .isEqualTo(missing.errorMessage().replace("case-00000000000000000000", "X"));
    }
    assertThat(carol.page("/cases/" + id).body())
        .contains("There is no case")
        .doesNotContain("A member leaves")
        .doesNotContain("Carol was here");
    assertThat(post(carol, "/cases/" + id + "/tasks/" + t, Map.of("status", "done")).status())
        .isEqualTo(404);
    assertThat(rate(carol, id, h, "claim:m-1", "I").status()).isEqualTo(404);
    assertThat(carol.get("/cases").body()).doesNotContain(id);

    JsonNode kept = alice.get("/cases/" + id).json();
    assertThat(kept.path("notes").toString()).contains("Carol was here");
    assertThat(
            column(kept.path("hypotheses"), h)
                .path("ratings")
                .path("claim:m-1")
                .path("ratedBy")
                .asText())
        .isEqualTo("carol");
    JsonNode theTask = kept.path("tasks").get(0);
    assertThat(theTask.path("assignee").asText()).isEqualTo("carol");
    assertThat(theTask.path("assigneeReads").asBoolean()).isFalse();
    assertThat(alice.page("/cases/" + id).body()).contains("(no longer reads the case)");
  }

  @Test
  void deletingACaseTakesItsHypothesesTasksAndNotesAndLeavesTheEvidenceAndEveryActIsAudited() {
    String id = open("To be deleted with its work");
    long h = hypothesis(id, "Deleted with the case");
    rate(alice, id, h, "claim:m-1", "C");
    post(alice, "/cases/" + id + "/tasks", Map.of("title", "A task"));
    long n =
        post(alice, "/cases/" + id + "/notes", Map.of("markdown", "A note"))
            .json()
            .path("id")
            .asLong();
    post(alice, "/cases/" + id + "/notes/" + n, Map.of("markdown", "A note, edited"));
    assertThat(post(alice, "/cases/" + id + "/delete", Map.of()).status()).isEqualTo(200);
    assertThat(app.store.cases().hypotheses(id)).isEmpty();
    assertThat(app.store.cases().tasks(id)).isEmpty();
    assertThat(app.store.cases().notes(id)).isEmpty();
    assertThat(app.store.cases().noteVersions(n)).isEmpty();
    assertThat(alice.get("/entities/p-naji").status()).isEqualTo(200);
    assertThat(alice.get("/claims/m-1").status()).isEqualTo(200);
    List<String> acts =
        app.store.audit().recent(300).stream()
            .map(AuditRecord::event)
            .filter(e -> e.action() == AuditAction.CASE && e.target().equals("case:" + id))
            .map(e -> e.detail())
            .toList();
    assertThat(acts)
        .anyMatch(d -> d.equals("hypothesis " + h + " added"))
        .anyMatch(d -> d.equals("rated claim:m-1 C against hypothesis " + h))
        .anyMatch(d -> d.startsWith("task ") && d.endsWith(" added"))
        .anyMatch(d -> d.startsWith("note " + n + " edited"))
        .anyMatch(d -> d.startsWith("deleted the case"));
  }
}
