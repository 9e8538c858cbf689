/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.vigil.access.Role;
import org.vigil.app.NameIdKeyFile;
import org.vigil.auth.PasswordHasher;
import org.vigil.cli.VigilCommand;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * {@code vigil serve} nodes for the node tests (NodesOnOnePostgresIT, NodesOnOpenSearchIT,
 * NodesWithSkewedClocksIT): each a JVM of its own from the build's classpath on one PostgreSQL
 * ({@link #onPostgres}), its output in {@code node-LABEL.log}. {@link #close} kills (SIGKILL) every
 * node still running, by its process.
 */
final class ServeNodes implements AutoCloseable {
  /** One running node: its process, its queue name (host:pid) and its address. */
  record Node(Process process, String name, String base) {}

  private final Path dir;
  private final List<Process> started = new ArrayList<>();

  ServeNodes(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts an embedded PostgreSQL (its binaries, as a user that may run it) with a fresh database,
   * opens the test's own store on it (with its own index folder, {@code dir/setup}) and {@link
   * #prepare}s it for the nodes {@code labels}. Closing it closes the store and stops PostgreSQL.
   */
  SharedDatabase onPostgres(String... labels) throws IOException, SQLException {
    EmbeddedPostgres postgres = RootlessPostgres.start();
    try {
      StoreConfig config = RootlessPostgres.freshDatabase(postgres, dir.resolve("setup"));
      Store store = Store.open(config);
      try {
        prepare(store, config, labels);
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
      return new SharedDatabase(postgres, config, store);
    } catch (IOException | SQLException | RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  /** The nodes' database: PostgreSQL, its settings and the test's own store on it. */
  record SharedDatabase(EmbeddedPostgres postgres, StoreConfig config, Store store)
      implements AutoCloseable {

    /** A new connection of the test's own, to inspect the tables. */
    Connection connect() throws SQLException {
      return DriverManager.getConnection(config.jdbcUrl(), config.user().orElseThrow(), "");
    }

    /** The number in the first column of the first row of {@code sql}. */
    long count(String sql) {
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        store.close();
      } finally {
        postgres.close();
      }
    }
  }

  /**
   * Gives {@code store} the organisation org-a and its analyst alice (password {@link
   * TestServer#PASSWORD}), and copies the store's audit key and one name id key into each node's
   * data folder {@code dir/LABEL}: every node seals the audit log with the same key and keys the
   * ids of names with the same key.
   */
  void prepare(Store store, StoreConfig config, String... labels) throws IOException {
    store.accounts().createOrganization("org-a", "Organisation org-a");
    store
        .accounts()
        .createUser(
            "alice", "org-a", Role.ANALYST, PasswordHasher.standard().hash(TestServer.PASSWORD));
    // one name id key for all: a node with a key of its own is refused (VigilCommand.openStore)
    Path nameIdKey = dir.resolve(NameIdKeyFile.FILE_NAME);
    NameIdKeyFile.readOrCreate(nameIdKey);
    for (String label : labels) {
      Files.createDirectories(dir.resolve(label));
      Files.copy(config.auditKeyFile(), dir.resolve(label).resolve("audit.key"));
      Files.copy(nameIdKey, dir.resolve(label).resolve(NameIdKeyFile.FILE_NAME));
    }
  }

  /**
   * Starts a node on {@code config}'s database with the data folder {@code dir/LABEL} and the
   * environment {@code env} added, and waits (up to {@code timeout}) until its readiness route
   * answers 200; prints how long that took.
   */
  Node serve(StoreConfig config, String label, Map<String, String> env, Duration timeout)
      throws IOException {
    return serve(config, label, env, List.of(), timeout);
  }

  /** Like {@link #serve(StoreConfig, String, Map, Duration)}, with {@code options} added. */
  Node serve(
      StoreConfig config,
      String label,
      Map<String, String> env,
      List<String> options,
      Duration timeout)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                VigilCommand.class.getName(),
                "serve",
                "--data",
                dir.resolve(label).toString(),
                "--db",
                config.jdbcUrl(),
                "--db-user",
                config.user().orElseThrow(),
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--lists-update-every",
                "0"));
    command.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    long launched = System.nanoTime();
    Process process = builder.start();
    started.add(process);
    Path log = dir.resolve("node-" + label + ".log");
    String url =
        listeningOn(process, log, label).orTimeout(timeout.toSeconds(), TimeUnit.SECONDS).join();
    Client client = new Client(url);
    try {
      awaitWithin(timeout, () -> ready(client, process, log));
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
    return new Node(process, InetAddress.getLocalHost().getHostName() + ":" + process.pid(), url);
  }

  /** Copies the node's output to {@code log}; completes with its address once it prints it. */
  private static CompletableFuture<String> listeningOn(Process process, Path log, String label) {
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
    return base;
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
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** Waits until {@code condition} holds, checking every 25 ms; fails after {@code within}. */
  static void awaitWithin(Duration within, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + within);
      }
      Thread.sleep(25);
    }
  }

  /** Kills every node still running (SIGKILL) and waits for each to end. */
  @Override
  public void close() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
