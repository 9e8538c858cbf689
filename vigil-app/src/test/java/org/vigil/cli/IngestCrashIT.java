/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.documents.TestDocuments;
import org.vigil.store.StoreConfig;

/**
 * A {@code vigil ingest} killed in the middle of a batch (a child JVM, SIGKILL) leaves no half
 * document, no truncated document without its kept original and no kept original without its
 * document or bytes; rerunning the ingest finishes the batch, and the store then holds exactly what
 * an uninterrupted ingest of the same files holds. Every report is cut off at 300 chars, so that
 * each is stored together with its kept original.
 */
class IngestCrashIT {
  private static final int REPORTS = 14;
  private static final String CHAR_LIMIT = "300";

  @TempDir Path inbox;
  @TempDir Path crashed;
  @TempDir Path clean;

  @Test
  void aKilledIngestLeavesNoHalfDocumentAndARerunFinishesIt() throws Exception {
    Files.write(inbox.resolve("a-empty.txt"), new byte[0]);
    Files.write(inbox.resolve("b-junk.bin"), TestDocuments.junk(8192, 3));
    for (int i = 0; i < REPORTS; i++) {
      Files.writeString(
          inbox.resolve(String.format(java.util.Locale.ROOT, "report-%02d.txt", i)),
          TestDocuments.report("number " + i + " of the series on courier routes " + i * 7919),
          StandardCharsets.UTF_8);
    }
    int total = REPORTS + 2;

    List<String> before = killMidBatch(crashed, total);

    assertThat(before).as("killed before the end").noneMatch(l -> l.startsWith("Read "));
    Consistency afterKill = consistency(crashed);
    assertThat(afterKill.sourcesWithoutDocument()).isEmpty();
    assertThat(afterKill.documentsWithoutStatements()).isEmpty();
    assertThat(afterKill.statementsWithoutSource()).isZero();
    assertThat(afterKill.keptWithoutBytes()).isEmpty();
    assertThat(afterKill.truncatedWithoutOriginal()).isEmpty();
    assertThat(afterKill.originalsWithoutDocument()).isEmpty();
    assertThat(afterKill.entitiesLostToTheIndex())
        .as("the killed batch never indexed; every entity it stored is recorded as unindexed")
        .isZero();
    // The embedded H2 writes commits to its file within half a second (its WRITE_DELAY): a kill
    // may lose the last ones, never part of one. So any number of the reports may be stored here.
    assertThat(afterKill.documents()).isBetween(0L, (long) REPORTS);

    CliRunner.Run rerun = ingest(crashed);

    assertThat(rerun.code()).as("the two bad files are rejected again").isEqualTo(1);
    assertThat(rerun.out())
        .as("what the killed batch stored is recognised and skipped")
        .contains(afterKill.documents() + " duplicates");
    CliRunner.Run uninterrupted = ingest(clean);
    assertThat(uninterrupted.code()).isEqualTo(1);
    Consistency finished = consistency(crashed);
    Consistency reference = consistency(clean);
    assertThat(finished.documents()).isEqualTo(REPORTS).isEqualTo(reference.documents());
    assertThat(finished.statements()).isEqualTo(reference.statements());
    assertThat(finished.kept()).isEqualTo(REPORTS + 2).isEqualTo(reference.kept());
    assertThat(finished.sourcesWithoutDocument()).isEmpty();
    assertThat(finished.documentsWithoutStatements()).isEmpty();
    assertThat(finished.keptWithoutBytes()).isEmpty();
    assertThat(finished.truncatedWithoutOriginal()).isEmpty();
    assertThat(finished.originalsWithoutDocument()).isEmpty();
    assertThat(finished.unindexed()).as("the rerun indexed what the killed batch left").isZero();
  }

  private CliRunner.Run ingest(Path data) {
    return vigil(
        "ingest", "--data", data.toString(), "--max-document-chars", CHAR_LIMIT, inbox.toString());
  }

  /**
   * Runs {@code vigil ingest} in a child JVM and kills it once it reports its third file, while it
   * works on the next ones. Returns what it printed.
   */
  private List<String> killMidBatch(Path data, int total) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VigilCommand.class.getName(),
                "ingest",
                "--progress",
                "lines",
                "--data",
                data.toString(),
                "--max-document-chars",
                CHAR_LIMIT,
                inbox.toString())
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.contains("[4/" + total + "]")) {
          child.destroyForcibly();
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lines).as("the child got to its fourth file").anyMatch(l -> l.contains("[4/"));
    return lines;
  }

  record Consistency(
      long documents,
      long statements,
      long kept,
      List<String> sourcesWithoutDocument,
      List<String> documentsWithoutStatements,
      long statementsWithoutSource,
      List<String> keptWithoutBytes,
      List<String> truncatedWithoutOriginal,
      List<String> originalsWithoutDocument,
      long entitiesLostToTheIndex,
      long unindexed) {}

  /** Reads the embedded database with plain SQL, as a person checking it after a crash would. */
  private static Consistency consistency(Path data) throws SQLException {
    try (Connection c = DriverManager.getConnection(StoreConfig.embedded(data).jdbcUrl());
        Statement sql = c.createStatement()) {
      return new Consistency(
          count(sql, "SELECT COUNT(*) FROM documents"),
          count(sql, "SELECT COUNT(*) FROM statements"),
          count(sql, "SELECT COUNT(*) FROM kept_originals"),
          ids(
              sql,
              "SELECT id FROM sources WHERE kind = 'DOCUMENT'"
                  + " AND id NOT IN (SELECT source_id FROM documents)"),
          ids(
              sql,
              "SELECT source_id FROM documents d WHERE NOT EXISTS"
                  + " (SELECT 1 FROM statements s WHERE s.source_id = d.source_id)"),
          count(
              sql,
              "SELECT COUNT(*) FROM statements WHERE source_id NOT IN (SELECT id FROM sources)"),
          ids(
              sql,
              "SELECT file_name FROM kept_originals WHERE content IS NULL"
                  + " AND status NOT IN ('ingested', 'duplicate')"),
          ids(
              sql,
              "SELECT source_id FROM documents d WHERE status = 'truncated' AND NOT EXISTS"
                  + " (SELECT 1 FROM kept_originals k WHERE k.document_id = d.source_id)"),
          ids(
              sql,
              "SELECT file_name FROM kept_originals WHERE document_id IS NOT NULL"
                  + " AND document_id NOT IN (SELECT source_id FROM documents)"),
          count(
              sql,
              "SELECT COUNT(DISTINCT entity_id) FROM statements"
                  + " WHERE entity_id NOT IN (SELECT entity_id FROM unindexed_entities)"),
          count(sql, "SELECT COUNT(*) FROM unindexed_entities"));
    }
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> ids(Statement sql, String query) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
