/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code vigil serve} in a process of its own over a data directory, for benchmarks that reach the
 * server only through its HTTP port. The caller closes it, which stops the process.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Process process;
  private final String base;

  private ServerProcess(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts the server on a free loopback port and waits until it answers {@code /api/v1/health}.
   *
   * @throws IllegalStateException when it stops or does not answer in time, with its output
   */
  static ServerProcess start(Path dataDir) throws IOException, InterruptedException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path log = dataDir.resolve("server.log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.vigil.cli.VigilCommand",
            "serve",
            "--data",
            dataDir.toString(),
            "--bind",
            "127.0.0.1",
            "--port",
            Integer.toString(port));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(process, "http://127.0.0.1:" + port);
    try {
      server.awaitHealth(log);
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  String base() {
    return base;
  }

  private void awaitHealth(Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "vigil serve stopped with " + process.exitValue() + ": " + tail(log));
      }
      try {
        HttpResponse<Void> reply =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (reply.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "vigil serve did not answer within " + STARTUP + ": " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
