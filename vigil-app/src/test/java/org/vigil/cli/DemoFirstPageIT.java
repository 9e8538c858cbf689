/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil demo} started from the built jar on a fresh data directory, as the README's user
 * starts it: the very first home page it answers already says that the demo is still loading (the
 * lists, reports and corpus come behind it), so nobody takes its empty columns for the whole demo.
 */
class DemoFirstPageIT {
  private static final Path JAR = Path.of("target/vigil.jar").toAbsolutePath();

  @Test
  void firstHomePageOfAFreshDemoShowsTheLoadingBanner(@TempDir Path dir)
      throws IOException, InterruptedException {
    assertThat(JAR).as("the build packages vigil.jar before the integration tests").exists();
    int port = freePort();
    Path console = dir.resolve("console.txt");
    Process demo =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-XX:+UseSerialGC",
                    "-jar",
                    JAR.toString(),
                    "demo",
                    "--port",
                    Integer.toString(port),
                    "--data",
                    dir.resolve("data").toString()))
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
    try {
      String first = firstHomePage(demo, port, console);
      assertThat(first)
          .as("the first home page")
          .contains("id=\"ingest-banner\"")
          .contains("Vigil is starting");
    } finally {
      demo.destroy();
      demo.waitFor();
    }
  }

  /** Polls the home page, signed in as the demo's analyst from loopback, until it answers 200. */
  private static String firstHomePage(Process demo, int port, Path console)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest home =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .timeout(Duration.ofSeconds(30))
            .build();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(demo.isAlive())
          .as("vigil demo is running; it printed:%n%s", Files.readString(console))
          .isTrue();
      Optional<HttpResponse<String>> reply = send(client, home);
      if (reply.isPresent() && reply.get().statusCode() == 200) {
        return reply.get().body();
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "vigil demo answered no home page within 5 minutes; it printed:\n"
            + Files.readString(console));
  }

  private static Optional<HttpResponse<String>> send(HttpClient client, HttpRequest request)
      throws InterruptedException {
    try {
      return Optional.of(
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException notListeningYet) {
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
