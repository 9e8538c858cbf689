/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Version;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine;

/** The command line run in-process against an H2 store in a temporary folder. */
class CliIT {
  @TempDir Path data;

  record Run(int code, String out, String err) {}

  private Run vigilWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VigilCommand.commandLine(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run vigil(String... args) {
    return vigilWithInput("", args);
  }

  private String[] withData(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    return all.toArray(String[]::new);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    Run run = vigil("--version");
    assertThat(run.code()).isZero();
    assertThat(run.out().strip()).isEqualTo("vigil " + Version.current());
    assertThat(Version.current()).isNotEqualTo("unknown");
  }

  @Test
  void badUsageExitsWithTwoAndOneLine() {
    Run missingOrg = vigil(withData("users", "add", "nina"));
    assertThat(missingOrg.code()).isEqualTo(2);
    assertThat(missingOrg.err().strip()).contains("--org").doesNotContain("\n");

    assertThat(vigil("no-such-command").code()).isEqualTo(2);
    assertThat(vigil(withData("users", "list", "--format", "xml")).code()).isEqualTo(2);
    assertThat(vigil(withData("users", "add", "nina", "--org", "x", "--role", "boss")).code())
        .isEqualTo(2);
    assertThat(vigil("users").code()).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> commands = new ArrayList<>();
    collect(
        VigilCommand.commandLine(
            InputStream.nullInputStream(),
            name -> Optional.empty(),
            new PrintWriter(Writer.nullWriter()),
            new PrintWriter(Writer.nullWriter())),
        List.of(),
        commands);
    assertThat(commands).hasSizeGreaterThan(20);
    for (List<String> command : commands) {
      List<String> args = new java.util.ArrayList<>(command);
      args.add("--help");
      Run run = vigil(args.toArray(String[]::new));
      assertThat(run.code()).as(String.join(" ", args)).isZero();
      assertThat(run.out()).as(String.join(" ", args)).contains("Usage:");
    }
  }

  /** Every command of the tree below {@code cli}, as the words that name it. */
  private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
    out.add(path);
    for (var sub : cli.getSubcommands().entrySet()) {
      if (!sub.getKey().equals("help")) {
        List<String> next = new java.util.ArrayList<>(path);
        next.add(sub.getKey());
        collect(sub.getValue(), next, out);
      }
    }
  }

  @Test
  void orgsAndUsersAreAddedListedAndAudited() throws Exception {
    assertThat(vigil(withData("orgs", "add", "org-a", "--name", "Agency A")).code()).isZero();
    Run partner =
        vigil(withData("orgs", "add", "org-c", "--name", "Agency C", "--partner", "org-a"));
    assertThat(partner.code()).as(partner.err()).isZero();
    assertThat(partner.out()).contains("partner of org-a");
    assertThat(vigil(withData("orgs", "add", "org-a", "--name", "Again")).code()).isEqualTo(1);

    Run generated = vigil(withData("users", "add", "nina", "--org", "org-a", "--role", "viewer"));
    assertThat(generated.code()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("Password (shown only this once): ");
    String password = generated.out().substring(generated.out().indexOf("once): ") + 7).strip();
    assertThat(password).hasSize(20);

    Run fromStdin =
        vigilWithInput(
            "a long enough password\n",
            withData("users", "add", "omid", "--org", "org-c", "--password-stdin"));
    assertThat(fromStdin.code()).as(fromStdin.err()).isZero();
    assertThat(fromStdin.out()).doesNotContain("a long enough password");

    Run tooShort =
        vigilWithInput(
            "short\n", withData("users", "add", "pari", "--org", "org-a", "--password-stdin"));
    assertThat(tooShort.code()).isEqualTo(1);
    assertThat(tooShort.err()).contains("at least 12");

    Run unknownOrg = vigil(withData("users", "add", "reza", "--org", "nowhere"));
    assertThat(unknownOrg.code()).isEqualTo(1);
    assertThat(unknownOrg.err()).contains("no organisation 'nowhere'");

    Run list = vigil(withData("users", "list", "--format", "json"));
    assertThat(list.code()).isZero();
    JsonNode users = new ObjectMapper().readTree(list.out());
    assertThat(users).hasSize(2);
    assertThat(users.get(0).path("username").asText()).isEqualTo("nina");
    assertThat(users.get(0).path("role").asText()).isEqualTo("viewer");
    assertThat(list.out()).doesNotContain("argon2");
    assertThat(vigil(withData("users", "list")).out()).contains("USERNAME").contains("omid");
    assertThat(vigil(withData("orgs", "list")).out()).contains("org-c").contains("org-a");

    try (Store store = Store.open(StoreConfig.embedded(data))) {
      String hash = store.accounts().userByName("nina").orElseThrow().passwordHash();
      assertThat(PasswordHasher.standard().verify(password, hash)).isTrue();
      assertThat(store.audit().recent(1).get(0).event().actor()).isEqualTo("cli");
    }

    Run passwd =
        vigilWithInput(
            "another long password\n", withData("users", "passwd", "nina", "--password-stdin"));
    assertThat(passwd.code()).as(passwd.err()).isZero();
    Run token = vigil(withData("users", "token", "nina", "--label", "scripts", "--days", "7"));
    assertThat(token.code()).as(token.err()).isZero();
    assertThat(token.out().strip()).hasSize(43);
    assertThat(vigil(withData("users", "token", "nobody")).code()).isEqualTo(1);
    assertThat(vigil(withData("reindex")).code()).isZero();
  }

  @Test
  void reindexIntoOpenSearchNeedsAClusterThatAnswers() {
    assertThat(vigil(withData("reindex", "--target", "opensearch")).code()).isEqualTo(2);

    Run nowhere =
        vigil(withData("reindex", "--target", "opensearch", "--url", "http://127.0.0.1:9"));

    assertThat(nowhere.code()).isEqualTo(1);
    assertThat(nowhere.err()).contains("does not answer");
  }

  @Test
  void auditVerifyPassesOnAnIntactLogAndListsTamperedRows() throws Exception {
    vigil(withData("orgs", "add", "org-a", "--name", "Agency A"));
    vigil(withData("orgs", "add", "org-b", "--name", "Agency B"));
    vigil(withData("users", "add", "nina", "--org", "org-a"));

    Run intact = vigil(withData("audit", "verify"));
    assertThat(intact.code()).as(intact.err()).isZero();
    assertThat(intact.out()).startsWith("audit log intact: 3 rows").contains("--anchor 3:");

    try (Connection c = DriverManager.getConnection(StoreConfig.embedded(data).jdbcUrl());
        Statement sql = c.createStatement()) {
      sql.executeUpdate("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2");
    }
    Run tampered = vigil(withData("audit", "verify"));
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.err()).contains("BROKEN").contains("row 2");
    assertThat(tampered.err()).doesNotContain("row 1:").doesNotContain("row 3:");
  }

  @Test
  void auditVerifyWithAnAnchorFindsNewestRowsCutOffWithTheHead() throws Exception {
    vigil(withData("orgs", "add", "org-a", "--name", "Agency A"));
    vigil(withData("orgs", "add", "org-b", "--name", "Agency B"));
    vigil(withData("users", "add", "nina", "--org", "org-a"));
    Run intact = vigil(withData("audit", "verify"));
    String anchor = intact.out().replaceAll("(?s).*--anchor (\\S+)\\).*", "$1");
    assertThat(anchor).startsWith("3:");

    try (Connection c = DriverManager.getConnection(StoreConfig.embedded(data).jdbcUrl());
        Statement sql = c.createStatement()) {
      sql.executeUpdate("DELETE FROM audit_log WHERE seq = 3");
      sql.executeUpdate(
          "UPDATE audit_head SET last_seq = 2,"
              + " last_hash = (SELECT row_hash FROM audit_log WHERE seq = 2) WHERE id = 1");
    }
    assertThat(vigil(withData("audit", "verify")).code())
        .as("without an anchor the cut cannot be seen")
        .isZero();
    Run anchored = vigil(withData("audit", "verify", "--anchor", anchor));
    assertThat(anchored.code()).isEqualTo(1);
    assertThat(anchored.err()).contains("row 3").contains("cut back to row 2");
    assertThat(vigil(withData("audit", "verify", "--anchor", "three")).code()).isEqualTo(2);
  }
}
