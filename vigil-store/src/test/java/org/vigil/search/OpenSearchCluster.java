/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real OpenSearch cluster on loopback for tests and benchmarks, started from the distribution
 * that the {@code opensearch} Maven profile unpacks (system property {@code opensearch.home}) with
 * the analysis-common module added (the jar at {@code opensearch.analysis-common}, its descriptor
 * written here). Each node is a JVM of 256 MiB heap in its own folder under a temporary directory.
 *
 * <p>OpenSearch refuses to run as root: when the tests run as root, an unprivileged user {@value
 * #USER} is created with {@code useradd} (once per machine) and every node is started with {@code
 * runuser -u}. {@link #close} stops every node it started by the PID the node wrote, waits for it,
 * and deletes the folder.
 */
public final class OpenSearchCluster implements AutoCloseable {
  static final String USER = "vigil-opensearch";
  private static final String VERSION = "2.19.6";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Path dir;
  private final List<Node> nodes;

  private record Node(String name, int httpPort, int transportPort, Path home, Process process) {}

  private OpenSearchCluster(Path dir, List<Node> nodes) {
    this.dir = dir;
    this.nodes = nodes;
  }

  /** Whether the distribution is there, i.e. the build ran with {@code -Popensearch}. */
  public static boolean available() {
    return System.getProperty("opensearch.home") != null
        && System.getProperty("opensearch.analysis-common") != null;
  }

  /** Starts {@code size} nodes as one cluster and waits until it is green. */
  public static OpenSearchCluster start(int size) throws IOException, InterruptedException {
    if (!available()) {
      throw new IllegalStateException(
          "no OpenSearch distribution: run the build with -Popensearch (it sets opensearch.home)");
    }
    Path dir = Files.createTempDirectory("vigil-opensearch-");
    Path home = dir.resolve("opensearch-" + VERSION);
    copyTree(Path.of(System.getProperty("opensearch.home")), home);
    Path module = home.resolve("modules/analysis-common");
    Files.createDirectories(module);
    Files.copy(
        Path.of(System.getProperty("opensearch.analysis-common")),
        module.resolve("analysis-common-" + VERSION + ".jar"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        module.resolve("plugin-descriptor.properties"),
        "description=Adds analysis components (asciifolding and others)\n"
            + "version="
            + VERSION
            + "\nname=analysis-common\n"
            + "classname=org.opensearch.analysis.common.CommonAnalysisPlugin\n"
            + "java.version=11\nopensearch.version="
            + VERSION
            + "\ncustom.foldername=\nextended.plugins=\nhas.native.controller=false\n",
        StandardCharsets.UTF_8);
    makeExecutable(home.resolve("bin"));
    List<int[]> ports = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ports.add(new int[] {freePort(), freePort()});
    }
    String seeds =
        ports.stream().map(p -> "127.0.0.1:" + p[1]).collect(Collectors.joining(",", "[", "]"));
    String managers =
        Stream.iterate(0, i -> i + 1)
            .limit(size)
            .map(i -> "node-" + i)
            .collect(Collectors.joining(",", "[", "]"));
    List<Path> nodeDirs = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Path node = dir.resolve("node-" + i);
      Path config = node.resolve("config");
      Files.createDirectories(config);
      Files.createDirectories(node.resolve("data"));
      Files.createDirectories(node.resolve("logs"));
      Files.createDirectories(node.resolve("tmp"));
      Files.copy(home.resolve("config/log4j2.properties"), config.resolve("log4j2.properties"));
      Files.writeString(
          config.resolve("jvm.options"),
          "-Xms256m\n-Xmx256m\n-XX:+UseSerialGC\n"
              + "-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}\n-XX:ErrorFile=logs/hs_err_pid%p.log\n"
              + "-Djava.security.manager=allow\n"
              + "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
              + "org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          config.resolve("opensearch.yml"),
          "cluster.name: vigil-test\n"
              + "node.name: node-"
              + i
              + "\nnetwork.host: 127.0.0.1\nhttp.port: "
              + ports.get(i)[0]
              + "\ntransport.port: "
              + ports.get(i)[1]
              + "\npath.data: "
              + node.resolve("data")
              + "\npath.logs: "
              + node.resolve("logs")
              + "\ndiscovery.seed_hosts: "
              + seeds
              + "\ncluster.initial_cluster_manager_nodes: "
              + managers
              + "\ncluster.routing.allocation.disk.threshold_enabled: false\n"
              + "action.auto_create_index: false\n",
          StandardCharsets.UTF_8);
      nodeDirs.add(node);
    }
    boolean root = "0".equals(run("id", "-u").strip());
    if (root) {
      if (!run("id", "-u", USER).strip().matches("\\d+")) {
        runChecked("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
      }
      runChecked("chown", "-R", USER + ":", dir.toString());
      // the temporary directory is root's 0700 until now
      runChecked("chmod", "0755", dir.toString());
    }
    List<Node> nodes = new ArrayList<>();
    OpenSearchCluster cluster = new OpenSearchCluster(dir, nodes);
    try {
      for (int i = 0; i < size; i++) {
        Path node = nodeDirs.get(i);
        nodes.add(
            new Node(
                "node-" + i, ports.get(i)[0], ports.get(i)[1], node, launch(home, node, root)));
      }
      cluster.awaitHealth("green", size);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The HTTP address of the first node. */
  public URI url() {
    return url(0);
  }

  public URI url(int node) {
    return URI.create("http://127.0.0.1:" + nodes.get(node).httpPort());
  }

  public int size() {
    return nodes.size();
  }

  /** The resident memory of every node's JVM together, in bytes (from /proc), for benchmarks. */
  public long residentBytes() {
    long total = 0;
    for (Node n : nodes) {
      Optional<Long> pid = pid(n);
      if (pid.isPresent()) {
        try {
          for (String line : Files.readAllLines(Path.of("/proc/" + pid.get() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
              total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
          }
        } catch (IOException e) {
          // a node that stopped uses no memory
        }
      }
    }
    return total;
  }

  /**
   * Waits until the cluster has {@code nodes} nodes and is {@code status} (green or yellow).
   *
   * @throws IllegalStateException if it is not within the start timeout
   */
  public void awaitHealth(String status, int nodeCount) throws InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      for (Node n : nodes) {
        if (!n.process().isAlive() && pid(n).isEmpty()) {
          throw new IllegalStateException(n.name() + " exited: " + tail(n));
        }
      }
      for (int i = 0; i < nodes.size(); i++) {
        try {
          HttpURLConnection c =
              (HttpURLConnection)
                  url(i)
                      .resolve(
                          "/_cluster/health?wait_for_status="
                              + status
                              + "&wait_for_nodes="
                              + nodeCount
                              + "&timeout=5s")
                      .toURL()
                      .openConnection();
          c.setConnectTimeout(2000);
          c.setReadTimeout(10_000);
          if (c.getResponseCode() == 200) {
            return;
          }
          last = c.getResponseCode() + "";
        } catch (IOException e) {
          last = e.toString();
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "the cluster was not " + status + " within " + START_TIMEOUT + " (" + last + ")");
  }

  /** Stops one node (as a crash would look to the others when {@code kill} is true). */
  public void stopNode(int node, boolean kill) throws InterruptedException {
    stop(nodes.get(node), kill);
  }

  /**
   * Starts again a node that {@link #stopNode} stopped, on its folder, data and ports (as an
   * operator restarts a node); the caller waits for the health it needs.
   */
  public void startNode(int node) throws IOException, InterruptedException {
    Node n = nodes.get(node);
    if (n.process().isAlive() || pid(n).flatMap(ProcessHandle::of).isPresent()) {
      throw new IllegalStateException(n.name() + " is running");
    }
    Files.deleteIfExists(n.home().resolve("opensearch.pid"));
    boolean root = "0".equals(run("id", "-u").strip());
    Path home = dir.resolve("opensearch-" + VERSION);
    nodes.set(
        node,
        new Node(
            n.name(), n.httpPort(), n.transportPort(), n.home(), launch(home, n.home(), root)));
  }

  private static Process launch(Path home, Path node, boolean root) throws IOException {
    List<String> command = new ArrayList<>();
    if (root) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.addAll(
        List.of(
            home.resolve("bin/opensearch").toString(),
            "-p",
            node.resolve("opensearch.pid").toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(node.toFile());
    pb.environment().put("OPENSEARCH_PATH_CONF", node.resolve("config").toString());
    pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("OPENSEARCH_TMPDIR", node.resolve("tmp").toString());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("OPENSEARCH_JAVA_OPTS");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(node.resolve("console.log").toFile()));
    return pb.start();
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      try {
        stop(n, false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static void stop(Node n, boolean kill) throws InterruptedException {
    Optional<ProcessHandle> jvm = pid(n).flatMap(ProcessHandle::of);
    if (jvm.isPresent()) {
      if (kill) {
        jvm.get().destroyForcibly();
      } else {
        jvm.get().destroy();
      }
      try {
        jvm.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        jvm.get().destroyForcibly();
      }
    }
    // runuser (or the script) ends when the JVM does; stop it by its own PID otherwise
    if (!n.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      n.process().destroyForcibly();
      n.process().waitFor();
    }
  }

  private static Optional<Long> pid(Node n) {
    try {
      String text = Files.readString(n.home().resolve("opensearch.pid")).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String tail(Node n) {
    try {
      List<String> lines = Files.readAllLines(n.home().resolve("console.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no console log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void makeExecutable(Path bin) throws IOException {
    try (Stream<Path> files = Files.list(bin)) {
      files.forEach(f -> f.toFile().setExecutable(true, false));
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static void runChecked(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
