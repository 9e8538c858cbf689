/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Measures how long {@code vigil serve} takes from process start to its first answered request, by
 * starting the jar this class was loaded from in a child process on a fresh data directory.
 */
final class StartupBenchmark {
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private StartupBenchmark() {}

  /** Milliseconds from spawning the process to a 200 from /api/v1/health, once per run. */
  static double[] run(Path jar, int runs) throws IOException, InterruptedException {
    double[] millis = new double[runs];
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    for (int i = 0; i < runs; i++) {
      Path data = Files.createTempDirectory("vigil-bench-startup");
      int port = freePort();
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      javaBinary(),
                      "-jar",
                      jar.toString(),
                      "serve",
                      "--port",
                      Integer.toString(port),
                      "--data",
                      data.toString()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("VIGIL_ADMIN_PASSWORD", "bench-startup-password-" + port);
      long start = System.nanoTime();
      Process process = builder.start();
      try {
        millis[i] = waitForHealth(client, port, start, process);
      } finally {
        process.destroy();
        process.waitFor();
        deleteTree(data);
      }
    }
    return millis;
  }

  private static double waitForHealth(HttpClient client, int port, long start, Process process)
      throws IOException, InterruptedException {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
            .timeout(Duration.ofMillis(500))
            .build();
    while (System.nanoTime() - start < GIVE_UP.toNanos()) {
      if (!process.isAlive()) {
        throw new IOException(
            "vigil serve exited with code " + process.exitValue() + " before answering");
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - start) / 1e6;
        }
      } catch (IOException notYetListening) {
        // The server is still starting; poll again shortly.
      }
      Thread.sleep(5);
    }
    throw new IOException("vigil serve did not answer within " + GIVE_UP.toSeconds() + " s");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
