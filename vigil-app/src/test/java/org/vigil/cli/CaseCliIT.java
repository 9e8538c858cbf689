/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** {@code vigil case}: a case worked from the command line as two users of two organisations. */
class CaseCliIT {
  @TempDir Path data;

  record Run(int code, String out, String err) {}

  private Run vigil(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VigilCommand.commandLine(
                new ByteArrayInputStream(
                    "a long enough password\n".getBytes(StandardCharsets.UTF_8)),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static byte[] readStart(Path file) {
    try {
      byte[] all = java.nio.file.Files.readAllBytes(file);
      return java.util.Arrays.copyOf(all, Math.min(8, all.length));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readText(Path file) {
    try {
      return java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Alice of org-a opens "Gang ties" with Naji and his gang; bob of org-b may not read it. */
  private String gangCase() {
    assertThat(vigil("orgs", "add", "org-a", "--name", "Agency A").code()).isZero();
    assertThat(vigil("orgs", "add", "org-b", "--name", "Agency B").code()).isZero();
    assertThat(vigil("users", "add", "alice", "--org", "org-a", "--password-stdin").code())
        .isZero();
    assertThat(vigil("users", "add", "bob", "--org", "org-b", "--password-stdin").code()).isZero();
    writeNetwork();

    Run opened =
        vigil("case", "create", "Gang ties", "--as", "alice", "--entity", "p-naji", "--depth", "1");
    assertThat(opened.code()).as(opened.err()).isZero();
    assertThat(opened.out()).contains("Added 2 entities.").contains("TLP:AMBER  open  Gang ties");
    String id =
        opened
            .out()
            .lines()
            .filter(l -> l.startsWith("Opened "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    return id;
  }

  @Test
  void hypothesesAndTasksAreWorkedFromTheCommandLineAsAUser() {
    String id = gangCase();
    String statement;
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      statement =
          store
              .statements()
              .entity("p-naji", Viewer.system())
              .orElseThrow()
              .statements()
              .get(0)
              .id();
    }
    Run added = vigil("case", "hypothesis", "add", id, "The gang works for MOIS", "--as", "alice");
    assertThat(added.code()).as(added.err()).isZero();
    String hypothesis = added.out().strip().split(" ")[2];
    Run rated =
        vigil(
            "case",
            "hypothesis",
            "rate",
            id,
            hypothesis,
            "statement:p-naji/" + statement,
            "I",
            "--as",
            "alice");
    assertThat(rated.code()).as(rated.err()).isZero();
    assertThat(rated.out()).contains(hypothesis + ":I").contains("Naji Zindashti");
    Run matrix = vigil("case", "hypothesis", "list", id, "--as", "alice");
    assertThat(matrix.out())
        .contains("hypothesis " + hypothesis + "  inconsistent 1")
        .contains("by alice: The gang works for MOIS");
    Run outside =
        vigil(
            "case",
            "hypothesis",
            "rate",
            id,
            hypothesis,
            "statement:o-gang/" + statement,
            "C",
            "--as",
            "alice");
    assertThat(outside.code()).isEqualTo(1);
    assertThat(outside.err()).contains("holds no evidence statement:o-gang/" + statement);

    Run task =
        vigil(
            "case",
            "task",
            "add",
            id,
            "Trace the gang's money",
            "--assignee",
            "alice",
            "--due",
            "2020-01-31",
            "--as",
            "alice");
    assertThat(task.code()).as(task.err()).isZero();
    String taskId = task.out().strip().split(" ")[2];
    assertThat(vigil("case", "task", "list", id, "--as", "alice").out())
        .contains(
            "task " + taskId + "  open  alice  due 2020-01-31 (overdue)  Trace the gang's money");
    Run doing = vigil("case", "task", "set", id, taskId, "--status", "doing", "--as", "alice");
    assertThat(doing.out()).contains("Task " + taskId + " is doing: Trace the gang's money");
    assertThat(
            vigil("case", "task", "add", id, "Nobody", "--assignee", "bob", "--as", "alice").code())
        .as("bob does not read the case")
        .isEqualTo(1);
    assertThat(vigil("case", "show", id, "--as", "alice").out())
        .contains("The gang works for MOIS")
        .contains("Trace the gang's money");

    // A user who may not read the case learns nothing of its hypotheses or tasks.
    for (String what : List.of("hypothesis", "task")) {
      Run stranger = vigil("case", what, "list", id, "--as", "bob");
      assertThat(stranger.code()).isEqualTo(1);
      assertThat(stranger.out() + stranger.err())
          .doesNotContain("MOIS")
          .doesNotContain("money")
          .contains("no case " + id);
    }
    assertThat(vigil("case", "task", "add", id, "Mine", "--as", "bob").code()).isEqualTo(1);

    assertThat(vigil("case", "task", "delete", id, taskId, "--as", "alice").code()).isZero();
    assertThat(vigil("case", "hypothesis", "delete", id, hypothesis, "--as", "alice").code())
        .isZero();
    assertThat(vigil("case", "task", "list", id, "--as", "alice").out()).contains("No tasks.");
    assertThat(vigil("case", "hypothesis", "list", id, "--as", "alice").out())
        .contains("No hypotheses.");
  }

  private void writeNetwork() {
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      Source s =
          new Source(
              "cli-report",
              SourceKind.DOCUMENT,
              "CLI report",
              Reliability.C,
              Marking.of(Tlp.AMBER, "org-a"),
              Optional.empty(),
              Optional.empty(),
              Instant.now());
      List<Statement> facts = new ArrayList<>();
      facts.add(
          Statement.about("p-naji", Schema.PERSON).set("name", "Naji Zindashti").from(s).build());
      facts.add(
          Statement.about("o-gang", Schema.ORGANIZATION)
              .set("name", "Zindashti gang")
              .from(s)
              .build());
      facts.add(Statement.about("m-1", Schema.MEMBERSHIP).set("member", "p-naji").from(s).build());
      facts.add(
          Statement.about("m-1", Schema.MEMBERSHIP).set("organization", "o-gang").from(s).build());
      store.statements().write(s, facts);
    }
  }

  @Test
  void aCaseIsOpenedFilledAnnotatedSharedAndDeletedAsAUser() {
    String id = gangCase();

    Run note = vigil("case", "note", id, "[Naji](entity:p-naji) leads it.", "--as", "alice");
    assertThat(note.code()).as(note.err()).isZero();
    Run shown = vigil("case", "show", id, "--as", "alice");
    assertThat(shown.out())
        .contains("Naji Zindashti")
        .contains("Zindashti gang")
        .contains("[Naji](entity:p-naji) leads it.")
        .contains("[1] Naji Zindashti (Person)");

    Run refused = vigil("case", "share", id, "user", "bob", "--as", "alice");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("may not read TLP:AMBER");
    Run stranger = vigil("case", "show", id, "--as", "bob");
    assertThat(stranger.code()).isEqualTo(1);
    assertThat(stranger.out()).doesNotContain("Gang ties");
    assertThat(vigil("case", "list", "--as", "bob").out()).doesNotContain(id);
    assertThat(vigil("case", "list").code()).as("--as is required").isEqualTo(2);

    Path report = data.resolve("gang.pdf");
    Run written =
        vigil(
            "case",
            "report",
            id,
            "--for",
            "org-a",
            "--format",
            "pdf",
            "--out",
            report.toString(),
            "--as",
            "alice");
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(written.out()).contains("pdf report for org-a, highest marking TLP:AMBER");
    assertThat(new String(readStart(report), StandardCharsets.US_ASCII)).startsWith("%PDF-");
    Run forB =
        vigil(
            "case",
            "report",
            id,
            "--for",
            "org-b",
            "--format",
            "html",
            "--out",
            data.resolve("b.html").toString(),
            "--as",
            "alice");
    assertThat(forB.code()).as(forB.err()).isZero();
    assertThat(readText(data.resolve("b.html"))).doesNotContain("Naji Zindashti");
    Run strangerReport =
        vigil(
            "case",
            "report",
            id,
            "--for",
            "org-b",
            "--out",
            data.resolve("x.pdf").toString(),
            "--as",
            "bob");
    assertThat(strangerReport.code()).isEqualTo(1);
    assertThat(strangerReport.err()).contains("no case " + id);
    assertThat(
            vigil(
                    "case",
                    "report",
                    id,
                    "--for",
                    "org-a",
                    "--format",
                    "odt",
                    "--out",
                    data.resolve("y").toString(),
                    "--as",
                    "alice")
                .err())
        .contains("not a report format");

    Run deleted = vigil("case", "delete", id, "--as", "alice");
    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(vigil("case", "list", "--as", "alice").out()).doesNotContain(id);
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      assertThat(store.statements().entity("p-naji", Viewer.system())).isPresent();
    }
  }
}
