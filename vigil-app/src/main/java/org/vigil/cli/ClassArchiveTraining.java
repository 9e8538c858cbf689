/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.vigil.documents.IngestProgress;

/**
 * {@code vigil demo --class-archive-training}: a demo started only to be stopped again, so that the
 * JVM it runs in loads the classes a real start loads before its first page and records them in a
 * class data archive ({@code -XX:ArchiveClassesAtExit}). The {@code vigil} script runs it once
 * right after building the jar, on a data directory of its own, so that the very first {@code
 * ./vigil demo} already starts from the archive. Once the server answers, the demo asks itself for
 * the pages a new user opens first, then ends the process.
 */
final class ClassArchiveTraining {
  /** The pages asked for, below the server's address: those a first visit opens. */
  static final List<String> PAGES =
      List.of(
          "",
          "search?q=Zindashti",
          "graph?entity=naji-zindashti",
          "entities/naji-zindashti",
          "screening",
          "upload",
          "alerts",
          "cases",
          "assets/vigil.css",
          "assets/graph.js",
          "api/v1/health",
          "no-such-page");

  private ClassArchiveTraining() {}

  /**
   * Asks the server at {@code url} for {@link #PAGES} on a thread of its own, then marks {@code
   * background} (which never ran) as stopped, so that the stop does not wait for it, and ends the
   * process: with 0 when every page was answered (whatever its status), 1 when one could not be
   * fetched.
   */
  static void visitThenStop(String url, IngestProgress background, PrintWriter out) {
    Thread visitor =
        new Thread(
            () -> {
              int code = visit(URI.create(url).getPort(), out) ? 0 : 1;
              background.stop("the class data archive's training run ends");
              System.exit(code);
            },
            "vigil-class-archive-training");
    visitor.setDaemon(true);
    visitor.start();
  }

  private static boolean visit(int port, PrintWriter out) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String page : PAGES) {
      // localhost: the demo signs requests from this machine in as its analyst.
      URI uri = URI.create("http://localhost:" + port + "/" + page);
      try {
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        out.println("  " + answer.statusCode() + " " + uri.getPath());
      } catch (IOException e) {
        out.println("cannot fetch " + uri + ": " + e.getMessage());
        out.flush();
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    out.flush();
    return true;
  }
}
