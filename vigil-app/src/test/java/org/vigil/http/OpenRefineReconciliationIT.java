/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Permission;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.PasswordHasher;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;

/**
 * OpenRefine (Debian's {@code openrefine} 3.6.2, which .ci/run installs) reconciles a spreadsheet
 * of names from the UN Security Council Consolidated List and the UK OFSI Consolidated List against
 * Vigil's reconciliation service, driven over OpenRefine's own HTTP API by a python3 script: each
 * entry's primary name and its first strong alias, one project per list, with automatic matching.
 * The names OpenRefine matches by itself must be the entries they came from.
 */
class OpenRefineReconciliationIT {
  private static final Path OPENREFINE = Path.of("/usr/bin/openrefine");
  private static final int PER_LIST = 300;

  @TempDir static Path dir;
  static TestServer app;
  static Store store;
  static ListLibrary library;
  static String token;
  static Process refine;
  static String refineUrl;

  @BeforeAll
  static void start() throws Exception {
    assertThat(OPENREFINE)
        .as("OpenRefine is not installed: .ci/run installs Debian's openrefine package")
        .isExecutable();
    List<Path> lists =
        List.of(
            shared("lists/un/UN_consolidated_2026-02-27.xml"),
            shared("lists/uk/ConList-sample-2025-04-10.csv"));
    library = ListLibrary.in(dir);
    app =
        TestServer.start(
            StoreConfig.embedded(dir),
            s -> s,
            Clock.systemUTC(),
            opened -> {
              new ListLoader(library, Optional.of(opened), "public", Clock.systemUTC())
                  .loadAll(lists, Optional.empty(), Optional.empty(), line -> {});
              return ListScreening.over(library);
            });
    store = app.store;
    store.accounts().createOrganization("ctic", "CTIC");
    User ana =
        store
            .accounts()
            .createUser(
                "ana", "ctic", Role.ANALYST, PasswordHasher.standard().hash(TestServer.PASSWORD));
    token =
        ApiTokens.issue(
            store.accounts(),
            ana,
            "openrefine",
            Duration.ofDays(1),
            Set.of(Permission.SCREEN),
            Clock.systemUTC());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    refineUrl = "http://127.0.0.1:" + port;
    refine =
        new ProcessBuilder(
                OPENREFINE.toString(),
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-H",
                "127.0.0.1",
                "-m",
                "768M",
                "-d",
                Files.createDirectories(dir.resolve("openrefine")).toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openrefine.log").toFile())
            .start();
    awaitOpenRefine();
  }

  @AfterAll
  static void stop() {
    if (refine != null) {
      refine.descendants().forEach(ProcessHandle::destroy);
      refine.destroy();
    }
    if (app != null) {
      app.close();
    }
  }

  /** OpenRefine answers its version once its web application is up (a minute on a slow box). */
  private static void awaitOpenRefine() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (true) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(refineUrl + "/command/core/get-version"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("3.6")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertThat(refine.isAlive())
          .as("OpenRefine stopped:\n" + Files.readString(dir.resolve("openrefine.log")))
          .isTrue();
      assertThat(System.nanoTime())
          .as("OpenRefine did not answer within 4 minutes")
          .isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  @Test
  void openRefineAutoMatchesUnAndUkNamesToTheEntriesTheyCameFrom() throws Exception {
    int names = 0;
    int matched = 0;
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (ReleaseManifest m : library.current()) {
      ListRelease release = library.read(m);
      Path csv = dir.resolve(m.datasetKey() + ".csv");
      names += writeNames(release, csv);
      // OpenRefine calls one address per service: on a node pair, each list's on the next node
      String service =
          app.base()
              + Routes.PREFIX
              + "/reconcile/"
              + m.datasetKey()
              + "?api_key="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      for (JsonNode row : reconcile(service, csv)) {
        if (row.path("judgment").asText().equals("matched")) {
          matched++;
          if (row.path("match").asText().equals(row.path("expected").asText())) {
            right++;
          } else {
            wrong.add(row.toString());
          }
        }
      }
    }
    double precision = matched == 0 ? 0 : right / (double) matched;
    System.out.printf(
        Locale.ROOT,
        "OpenRefine reconciled %d names: %d matched automatically, %d of them right (precision"
            + " %.3f)%n",
        names,
        matched,
        right,
        precision);
    assertThat(names).isGreaterThanOrEqualTo(500);
    assertThat(precision).as("wrong automatic matches: %s", wrong).isGreaterThanOrEqualTo(0.95);
    // A service that never says "match" would have perfect precision and be useless.
    assertThat(matched).isGreaterThanOrEqualTo(names / 2);
  }

  /**
   * The first {@value #PER_LIST} entries of a release as rows (name, expected id): each primary
   * name, and each entry's first strong alias in the same script family as a second row.
   */
  private static int writeNames(ListRelease release, Path csv) throws IOException {
    StringBuilder out = new StringBuilder("name,expected\n");
    int rows = 0;
    for (ListEntry e : release.entries().stream().limit(PER_LIST).toList()) {
      String expected = SanctionsLists.storeId(release.dataset(), e.id());
      List<String> names = new ArrayList<>();
      names.add(e.name());
      e.aliases().stream()
          .filter(a -> !a.weak())
          .map(Alias::name)
          .filter(n -> !n.equalsIgnoreCase(e.name()))
          .findFirst()
          .ifPresent(names::add);
      for (String name : names) {
        out.append(cell(name)).append(',').append(cell(expected)).append('\n');
        rows++;
      }
    }
    Files.writeString(csv, out.toString(), StandardCharsets.UTF_8);
    return rows;
  }

  private static String cell(String text) {
    return "\"" + text.replace("\"", "\"\"").replaceAll("[\\r\\n]+", " ") + "\"";
  }

  private static List<JsonNode> reconcile(String service, Path csv) {
    try {
      Path script = dir.resolve("openrefine_reconcile.py");
      if (!Files.exists(script)) {
        try (InputStream in =
            OpenRefineReconciliationIT.class.getResourceAsStream("openrefine_reconcile.py")) {
          Files.copy(in, script);
        }
      }
      ProcessBuilder pb =
          new ProcessBuilder(
              "/usr/bin/python3", script.toString(), refineUrl, service, csv.toString());
      pb.redirectError(dir.resolve("python.err").toFile());
      Process p = pb.start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      assertThat(exit)
          .as("the OpenRefine driver failed:\n" + Files.readString(dir.resolve("python.err")))
          .isZero();
      List<JsonNode> rows = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        if (!line.isBlank()) {
          rows.add(Client.JSON.readTree(line));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A file of ../shared/data, found from the module's folder upwards. */
  private static Path shared(String path) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data").resolve(path);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/" + path + " is not above here");
  }
}
