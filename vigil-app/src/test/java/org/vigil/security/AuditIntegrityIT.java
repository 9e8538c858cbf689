/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;
import org.vigil.auth.ApiTokens;
import org.vigil.cli.VigilCommand;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The audit log keeps its promises under attack and under a crash: a write and its audit row are
 * one transaction, so a server killed with SIGKILL in the middle of parallel uploads leaves no
 * stored document without its row.
 */
class AuditIntegrityIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path data;

  @Test
  void aServerKilledDuringParallelUploadsLeavesNoStoredDocumentWithoutItsAuditRow()
      throws Exception {
    // One `vigil serve` process on its own H2 file, killed: a single process's crash, run once in
    // the ordinary run and not again on the node pair (-Pnode-pair), whose kill of one node of two
    // during an ingest batch is NodesOnOnePostgresIT's.
    assumeFalse(
        "2".equals(System.getProperty("vigil.test.nodes")), "one process on H2, not a node pair");
    String token;
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      store.accounts().createOrganization("org-a", "Agency A");
      User analyst =
          store.accounts().createUser("analyst", "org-a", Role.ANALYST, "$argon2id$unused");
      token =
          ApiTokens.issue(
              store.accounts(), analyst, "uploads", Duration.ofDays(1), Clock.systemUTC());
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VigilCommand.class.getName(),
                "serve",
                "--data",
                data.toString(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("serve.log").toFile())
            .start();
    String base = "http://127.0.0.1:" + port;
    List<String> acknowledged = new ArrayList<>();
    try {
      awaitHealth(base, child);
      ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();
      AtomicInteger next = new AtomicInteger();
      ExecutorService uploaders = Executors.newFixedThreadPool(6);
      for (int t = 0; t < 6; t++) {
        uploaders.submit(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                int n = next.getAndIncrement();
                try {
                  HttpResponse<String> reply = upload(base, token, n);
                  if (reply.statusCode() == 201) {
                    acks.add(reply.body());
                  }
                } catch (IOException e) {
                  return; // the server is gone
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
      }
      // Kill while uploads are in flight, once a good number have been acknowledged.
      while (acks.size() < 12 && child.isAlive()) {
        Thread.sleep(20);
      }
      // H2 writes commits to its file within its write delay (docs/operations.md): on a quiet
      // machine twelve uploads take less, and a kill then would leave nothing on disk to check.
      // Uploads go on for a second more, so the kill still lands while some are in flight.
      Thread.sleep(1_000);
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      uploaders.shutdownNow();
      assertThat(uploaders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      acknowledged.addAll(acks);
    } finally {
      child.destroyForcibly();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(12);

    Set<String> documents = strings("SELECT source_id FROM documents");
    Set<String> audited = strings("SELECT target FROM audit_log WHERE action = 'WRITE'");
    Set<String> withoutRow = new TreeSet<>(documents);
    withoutRow.removeAll(audited);

    assertThat(documents).isNotEmpty();
    assertThat(withoutRow).as("stored documents without their audit row").isEmpty();
    try (Store reopened = Store.open(StoreConfig.embedded(data))) {
      assertThat(reopened.audit().verify().problems()).isEmpty();
    }
  }

  @Test
  void everyReadRouteAndPageLeavesARowAndRefusalsAndExportsAreRecordedAsSuch() throws Exception {
    try (SecurityServer app = new SecurityServer(data.resolve("reads"), s -> s)) {
      app.org("org-a");
      app.user("reader", "org-a", Role.ANALYST);
      app.user("looker", "org-a", Role.VIEWER);
      String[] reader = app.session("reader", SecurityServer.PASSWORD);
      String[] looker = app.session("looker", SecurityServer.PASSWORD);
      List<String> reads =
          List.of(
              "/",
              "/api/v1/alerts",
              "/api/v1/review",
              "/api/v1/judgements?entity=p-nobody",
              "/api/v1/entities/p-nobody/matches",
              "/api/v1/lists",
              "/api/v1/me");
      for (String path : reads) {
        long before = app.store.audit().recent(1).get(0).sequence();
        app.get(path, reader);
        List<AuditRecord> rows = rowsAfter(app, before);
        assertThat(rows).as("audit rows of GET %s", path).isNotEmpty();
        assertThat(rows.get(0).event().target()).as(path).contains(path.split("\\?")[0]);
      }

      long before = app.store.audit().recent(1).get(0).sequence();
      assertThat(app.post("/api/v1/statements", Map.of(), looker).status()).isEqualTo(403);
      assertThat(app.get("/api/v1/alerts").status()).isEqualTo(401);
      List<AuditRecord> refusals = rowsAfter(app, before);
      assertThat(refusals)
          .extracting(r -> r.event().action() + " " + r.event().actor() + " " + r.event().target())
          .containsExactly(
              "REFUSED "
                  + app.store.accounts().userByName("looker").orElseThrow().id()
                  + " /api/v1/statements",
              "REFUSED anonymous /api/v1/alerts");

      before = app.store.audit().recent(1).get(0).sequence();
      String csrf = reader[3];
      SecurityServer.Reply export =
          app.send(
              "POST",
              "/screening/results.csv",
              "csrf="
                  + csrf
                  + "&queries="
                  + java.net.URLEncoder.encode("name\nIvan Petrov", StandardCharsets.UTF_8),
              "Cookie",
              reader[1],
              "Content-Type",
              "application/x-www-form-urlencoded");
      assertThat(export.status()).as(export.raw().body()).isEqualTo(200);
      assertThat(rowsAfter(app, before))
          .extracting(r -> r.event().action())
          .containsExactly(AuditAction.EXPORT);
    }
  }

  /** The audit rows after row {@code sequence}, oldest first. */
  private static List<AuditRecord> rowsAfter(SecurityServer app, long sequence) {
    List<AuditRecord> rows = new ArrayList<>(app.store.audit().recent(100));
    rows.removeIf(r -> r.sequence() <= sequence);
    java.util.Collections.reverse(rows);
    return rows;
  }

  private static HttpResponse<String> upload(String base, String token, int n)
      throws IOException, InterruptedException {
    String boundary = "vigil-boundary-" + n;
    String text =
        String.format(
            Locale.ROOT,
            "Report %d on route %d: the courier %s met the handler %s in the port of %s.",
            n,
            n * 7919,
            Long.toString(n * 104_729L + 17, 36),
            Long.toString(n * 15_485_863L + 3, 36),
            Long.toString(n * 32_452_843L + 5, 36));
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"marking\"\r\n\r\nTLP:AMBER\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report-"
            + n
            + ".txt\"\r\nContent-Type: text/plain\r\n\r\n"
            + text
            + "\r\n--"
            + boundary
            + "--\r\n";
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitHealth(String base, Process child) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      assertThat(child.isAlive()).as("the server is running").isTrue();
      try {
        HttpResponse<String> reply =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not start within a minute");
  }

  private Set<String> strings(String query) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(StoreConfig.embedded(data).jdbcUrl());
        Statement sql = c.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
