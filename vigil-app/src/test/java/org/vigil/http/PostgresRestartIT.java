/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListScreening;

/**
 * PostgreSQL restarted under load: a node (a real server over a real PostgreSQL) takes uploads from
 * two clients at once while the database's server process is stopped and started again on its data.
 * Every upload is either acknowledged and stored once, or refused with an error status and nothing
 * of it stored (no document without its source and statements, none stored twice); the node
 * reconnects by itself (its pool drops the dead connections); and uploading every file again
 * afterwards stores the refused ones and answers the stored ones as duplicates.
 */
class PostgresRestartIT {
  private static final int FILES = 40;
  private static final int RESTART_AFTER = 10;
  private static final Duration DOWN_FOR = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void uploadsDuringARestartAreStoredOnceOrRefusedAndTheNodeReconnects() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path pgData = dir.resolve("pg");
    EmbeddedPostgres postgres = RootlessPostgres.startKeeping(pgData, port);
    try {
      StoreConfig config = RootlessPostgres.freshDatabase(postgres, dir.resolve("node"));
      try (TestServer node = TestServer.start(config, s -> s, ListScreening.none())) {
        node.org("org-a");
        node.user("alice", "org-a", Role.ANALYST);
        Client alice = node.client().signedIn("alice");
        assertThat(upload(alice, -1).status())
            .as("the first upload loads the models")
            .isEqualTo(201);

        Map<Integer, Integer> first = new ConcurrentHashMap<>();
        Map<Integer, Instant> sentAt = new ConcurrentHashMap<>();
        Map<Integer, Instant> answeredAt = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
          int lane = c;
          sent.add(
              clients.submit(
                  () -> {
                    for (int i = lane; i < FILES; i += 2) {
                      sentAt.put(i, Instant.now());
                      int status = upload(alice, i).status();
                      answeredAt.put(i, Instant.now());
                      first.put(i, status);
                      if (status == 201) {
                        acknowledged.incrementAndGet();
                      }
                    }
                  }));
        }
        while (acknowledged.get() < RESTART_AFTER && first.size() < FILES) {
          Thread.sleep(50);
        }
        Instant stopped = Instant.now();
        postgres.close(); // pg_ctl stop -m fast: the server process ends, connections cut
        System.out.println("PostgreSQL stopped after " + acknowledged.get() + " acknowledged");
        Client.Reply down = node.client().get("/health/ready");
        assertThat(down.status())
            .as("a node whose database is down is not ready: " + down.body())
            .isEqualTo(503);
        assertThat(down.json().path("status").asText()).isEqualTo("not_ready");
        assertThat(down.json().path("store").path("status").asText()).isEqualTo("unreachable");
        Thread.sleep(
            Math.max(0, DOWN_FOR.toMillis() - Duration.between(stopped, Instant.now()).toMillis()));
        postgres = RootlessPostgres.startKeeping(pgData, port);
        Instant restarted = Instant.now();
        System.out.println(
            "PostgreSQL started again "
                + Duration.between(stopped, Instant.now()).toMillis()
                + " ms after it was stopped");
        for (Future<?> f : sent) {
          f.get();
        }
        clients.shutdown();

        Map<Integer, Integer> firstRun = new TreeMap<>(first);
        System.out.println("first run, upload -> status: " + firstRun);
        assertThat(firstRun.values())
            .as("each upload acknowledged (201) or refused with a server error")
            .allMatch(s -> s == 201 || s >= 500);
        // An upload caught by the restart either waits for a connection until the server is back
        // (201) or is refused (503), depending on where the cut finds it: both are right, so what
        // is checked is that the restart did come in the middle of uploads.
        assertThat(
                sentAt.keySet().stream()
                    .filter(
                        i ->
                            sentAt.get(i).isBefore(restarted)
                                && answeredAt.get(i).isAfter(stopped)))
            .as("uploads in flight while the database was down")
            .isNotEmpty();
        assertThat(alice.get("/health/ready").status()).as("the node reconnected").isEqualTo(200);

        try (Connection c = postgres.getDatabase("postgres", dbName(config)).getConnection()) {
          assertThat(documentsStoredTwice(c)).isZero();
          assertThat(halfWrites(c)).isZero();
          for (Map.Entry<Integer, Integer> e : firstRun.entrySet()) {
            if (e.getValue() == 201) {
              assertThat(stored(c, e.getKey())).as("acknowledged upload %s", e.getKey()).isOne();
            }
          }
        }

        Map<Integer, Integer> again = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
          again.put(i, upload(alice, i).status());
        }
        System.out.println("every file again, upload -> status: " + again);
        for (int i = 0; i < FILES; i++) {
          // stored before: a duplicate (200); refused before: stored now (201), or a duplicate
          // if the cut came during its commit, after the commit went through
          assertThat(again.get(i))
              .as("file %s again after %s", i, firstRun.get(i))
              .isIn(firstRun.get(i) == 201 ? List.of(200) : List.of(200, 201));
        }
        try (Connection c = postgres.getDatabase("postgres", dbName(config)).getConnection()) {
          assertThat(documentsStoredTwice(c)).isZero();
          assertThat(halfWrites(c)).isZero();
          for (int i = -1; i < FILES; i++) {
            assertThat(stored(c, i)).as("file %s after the re-run", i).isOne();
          }
        }
      }
    } finally {
      postgres.close();
    }
  }

  private static Client.Reply upload(Client client, int i) {
    // distinct numbers (their normalised texts differ, so no file is another's copy)
    int n = 1000 + i;
    String text =
        "Report "
            + n
            + ". Kestrel courier "
            + n
            + " met Reza Abbasi in Istanbul on 3 March 2024 and left for Baku the next day.";
    return client.upload("/documents", "report-" + i + ".txt", text.getBytes(UTF_8), true);
  }

  private static String dbName(StoreConfig config) {
    String url = config.jdbcUrl();
    String tail = url.substring(url.lastIndexOf('/') + 1);
    int query = tail.indexOf('?');
    return query < 0 ? tail : tail.substring(0, query);
  }

  private static long documentsStoredTwice(Connection c) throws SQLException {
    return count(
        c,
        "SELECT COUNT(*) FROM (SELECT file_name FROM documents GROUP BY file_name"
            + " HAVING COUNT(*) > 1) twice");
  }

  /** Documents without their source or statements, and document sources without a document. */
  private static long halfWrites(Connection c) throws SQLException {
    return count(
            c,
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS"
                + " (SELECT 1 FROM sources s WHERE s.id = d.source_id)"
                + " OR NOT EXISTS (SELECT 1 FROM statements t WHERE t.source_id = d.source_id)")
        + count(
            c,
            "SELECT COUNT(*) FROM sources s WHERE NOT EXISTS"
                + " (SELECT 1 FROM documents d WHERE d.source_id = s.id)");
  }

  private static long stored(Connection c, int i) throws SQLException {
    return count(c, "SELECT COUNT(*) FROM documents WHERE file_name = 'report-" + i + ".txt'");
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
