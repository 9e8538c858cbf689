/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.auth.PasswordHasher;
import org.vigil.cli.VigilCommand;
import org.vigil.documents.QueuedIngest;
import org.vigil.jobs.JobState;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Two {@code vigil serve} nodes, each a JVM of its own started from the build's classpath, on one
 * PostgreSQL (embedded binaries) and no load balancer: a session opened on node A works on node B;
 * a link written through A is in B's graph within 2 s; and node A killed with SIGKILL in the middle
 * of a queued ingest of 200 documents leaves every document stored exactly once, its jobs finished
 * by node B. Every process started here is stopped by its PID.
 */
class NodesOnOnePostgresIT {
  private static final int DOCUMENTS = 200;
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
  private static final Duration BATCH_WITHIN = Duration.ofMinutes(6);

  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEveryNode() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void anyNodeAnswersAnyRequestAndAKilledNodesIngestIsFinishedByTheOther() throws Exception {
    try (EmbeddedPostgres postgres = RootlessPostgres.start()) {
      // the test's own store (setup, inspection) has its own index folder; the nodes theirs
      StoreConfig config = RootlessPostgres.freshDatabase(postgres, dir.resolve("setup"));
      try (Store store = Store.open(config)) {
        store.accounts().createOrganization("org-a", "Organisation org-a");
        store
            .accounts()
            .createUser(
                "alice",
                "org-a",
                Role.ANALYST,
                PasswordHasher.standard().hash(TestServer.PASSWORD));
        // every node seals the audit log with the same key
        for (String node : List.of("a", "b")) {
          Files.createDirectories(dir.resolve(node));
          Files.copy(config.auditKeyFile(), dir.resolve(node).resolve("audit.key"));
        }
        Node a = serve(config, dir.resolve("a"), "a");
        Node b = serve(config, dir.resolve("b"), "b");

        Client onA = new Client(a.base);
        assertThat(onA.login("alice", TestServer.PASSWORD).status()).isEqualTo(200);
        Client onB = new Client(b.base).withCookie(onA.cookie().orElseThrow());
        Client.Reply me = onB.get("/me");
        assertThat(me.status()).as("node A's session on node B").isEqualTo(200);
        assertThat(me.json().path("user").path("username").asText()).isEqualTo("alice");

        aLinkWrittenOnAIsInBsGraphWithinTwoSeconds(onA, onB);
        aKilledNodesIngestIsFinishedByTheOther(store, config, a, b);
      }
    }
  }

  private void aLinkWrittenOnAIsInBsGraphWithinTwoSeconds(Client onA, Client onB)
      throws InterruptedException {
    ObjectNode first = Bodies.write("src-nodes-1", "AMBER");
    Bodies.statement(first, "p-naji", "Person", "name", "Naji Sharifi-Zindashti");
    assertThat(onA.post("/statements", first.toString()).status()).isEqualTo(200);
    assertThat(onB.get("/graph/neighbours?entity=p-naji").status())
        .as("node B builds its link index before the link exists")
        .isEqualTo(200);

    ObjectNode link = Bodies.write("src-nodes-2", "AMBER");
    Bodies.statement(link, "o-net", "Organization", "name", "Zindashti network");
    Bodies.statement(link, "m-naji-net", "Membership", "member", "p-naji");
    Bodies.statement(link, "m-naji-net", "Membership", "organization", "o-net");
    Client.Reply written = onA.post("/statements", link.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    long at = System.nanoTime();
    awaitWithin(
        VISIBLE_WITHIN,
        () -> onB.get("/graph/neighbours?entity=p-naji").body().contains("\"o-net\""));
    System.out.println(
        "node B's graph answered node A's link after "
            + (System.nanoTime() - at) / 1_000_000
            + " ms");
  }

  private void aKilledNodesIngestIsFinishedByTheOther(
      Store store, StoreConfig config, Node a, Node b) throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    for (int i = 0; i < DOCUMENTS; i++) {
      Path file = inbox.resolve(String.format(Locale.ROOT, "report-%03d.txt", i));
      Files.writeString(
          file,
          "Report "
              + i
              + ". On day "
              + i
              + " the courier Reza Abbasi-"
              + i
              + " met an officer of the Ministry of Intelligence in Istanbul, according to source "
              + i
              + ".\n");
      store.jobs().enqueue(QueuedIngest.job(file, Marking.of(Tlp.AMBER, "org-a"), Reliability.C));
    }
    awaitWithin(BATCH_WITHIN, () -> doneBy(config, a.name) >= 10 || !a.process.isAlive());
    assertThat(a.process.isAlive()).as("node A ingests").isTrue();
    a.process.destroyForcibly(); // kill -9 in the middle of the batch
    a.process.waitFor(30, TimeUnit.SECONDS);
    long doneByA = doneBy(config, a.name);
    assertThat(doneByA).isLessThan(DOCUMENTS);

    awaitWithin(
        BATCH_WITHIN,
        () ->
            store.jobs().list(JobState.DONE, DOCUMENTS * 2).stream()
                    .filter(j -> j.kind().equals(QueuedIngest.KIND))
                    .count()
                == DOCUMENTS);
    assertThat(store.jobs().counts()).containsEntry(JobState.PARKED, 0L);
    assertThat(single(config, "SELECT COUNT(*) FROM documents")).isEqualTo(DOCUMENTS);
    assertThat(single(config, "SELECT COUNT(DISTINCT content_hash) FROM documents"))
        .isEqualTo(DOCUMENTS);
    Map<String, Long> byNode = ingestJobsByNode(config);
    assertThat(byNode.keySet()).containsExactlyInAnyOrder(a.name, b.name);
    assertThat(
            single(
                config,
                "SELECT COUNT(*) FROM jobs WHERE kind = 'ingest' AND attempts > 1 AND node <> '"
                    + b.name
                    + "'"))
        .as("every job run again after the kill was finished by node B")
        .isZero();
    System.out.println("ingest jobs finished per node after the kill: " + byNode);
  }

  /** A node: its process, its name on the queue (host and PID) and its address. */
  private record Node(Process process, String name, String base) {}

  private Node serve(StoreConfig config, Path data, String label) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                VigilCommand.class.getName(),
                "serve",
                "--data",
                data.toString(),
                "--db",
                config.jdbcUrl(),
                "--db-user",
                config.user().orElseThrow(),
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--lists-update-every",
                "0")
            .redirectErrorStream(true);
    long launched = System.nanoTime();
    Process process = builder.start();
    started.add(process);
    Path log = dir.resolve("node-" + label + ".log");
    CompletableFuture<String> base = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  Files.writeString(
                      log,
                      line + "\n",
                      StandardCharsets.UTF_8,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                  int at = line.indexOf("Vigil is listening on ");
                  if (at >= 0) {
                    String url = line.substring(at + "Vigil is listening on ".length()).strip();
                    base.complete(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
                  }
                }
              } catch (IOException e) {
                base.completeExceptionally(e);
              }
              base.completeExceptionally(new IllegalStateException("node " + label + " ended"));
            },
            "node-" + label + "-output");
    reader.setDaemon(true);
    reader.start();
    String url = base.orTimeout(120, TimeUnit.SECONDS).join();
    String name = InetAddress.getLocalHost().getHostName() + ":" + process.pid();
    Client client = new Client(url);
    try {
      awaitWithin(Duration.ofSeconds(120), () -> ready(client, process, log));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    System.out.println(
        "node "
            + label
            + " ready (GET /api/v1/health/ready 200) "
            + (System.nanoTime() - launched) / 1_000_000
            + " ms after its JVM was launched");
    return new Node(process, name, url);
  }

  private static boolean ready(Client client, Process node, Path log) {
    if (!node.isAlive()) {
      String printed;
      try {
        printed = Files.readString(log);
      } catch (IOException e) {
        printed = "(no output: " + e.getMessage() + ")";
      }
      throw new AssertionError("a node ended before it was ready:\n" + printed);
    }
    try {
      return client.get("/health/ready").status() == 200;
    } catch (java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static long doneBy(StoreConfig config, String node) {
    return single(
        config,
        "SELECT COUNT(*) FROM jobs WHERE kind = 'ingest' AND state = 'done' AND node = '"
            + node
            + "'");
  }

  private static Map<String, Long> ingestJobsByNode(StoreConfig config) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = connect(config);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT node, COUNT(*) FROM jobs WHERE kind = 'ingest' GROUP BY node")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  private static long single(StoreConfig config, String sql) {
    try (Connection c = connect(config);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(StoreConfig config) throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.user().orElseThrow(), "");
  }

  private static void awaitWithin(Duration within, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + within);
      }
      Thread.sleep(25);
    }
  }
}
