/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.vigil.access.Role;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.model.Statement;
import org.vigil.store.Document;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench ui}: how long the server takes to render each page of the web UI (home,
 * search, document, entity, screening) with at least {@code --entities} entities stored, timed from
 * the request to the last byte of the answer over loopback, one request at a time.
 */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the web UI's pages: a fresh H2 store in a temporary folder gets seeded synthetic"
          + " reports (stored as documents with their text) until --entities entities are stored,"
          + " plus the bundled OFAC SDN and UN lists; then each page is requested --requests"
          + " times by a signed-in analyst, after a warm-up, and its latency percentiles printed.",
      "Times run from sending the request to the answer's last byte over loopback, so they bound"
          + " the server's render time from above."
    })
public final class BenchUiCommand implements Callable<Integer> {
  private static final String ORG = "bench-org";
  private static final String USER = "bench-analyst";
  private static final int PEOPLE_PER_DOCUMENT = 20;
  private static final String[] SEARCHES = {
    "Zindashti", "Soleimani", "Khatib", "Sharifi", "Hosseini Trading", "commander", "Rahimi"
  };
  private static final String[] SCREENED = {
    "Qasem Soleimani", "Naji Ibrahim Sharifi-Zindashti", "Esmaeil Khatib", "Hossein Rahimi"
  };

  @Spec CommandSpec spec;

  @Option(
      names = "--entities",
      description = "Entities to store before measuring (default: ${DEFAULT-VALUE}).")
  int entities = 100_000;

  @Option(
      names = "--requests",
      description = "Timed requests per page (default: ${DEFAULT-VALUE}).")
  int requests = 200;

  @Option(
      names = "--warmup",
      description = "Untimed requests per page first (default: ${DEFAULT-VALUE}).")
  int warmup = 30;

  @Option(names = "--seed", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  /** One page to time: its name and how to make the n-th request for it. */
  private record Page(String name, Function<Integer, HttpRequest.Builder> request) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench ui");
    out.println("machine: " + MachineDescription.describe());
    Path dir = Files.createTempDirectory("vigil-bench-ui");
    try {
      List<String> documents = new ArrayList<>();
      List<String> people = new ArrayList<>();
      String password = "bench password " + seed;
      seedStore(dir, documents, people, password, out);
      // The server runs in a process of its own, as it does for analysts, and is measured only
      // through its HTTP port: the client and the server share no heap and no threads.
      try (ServerProcess server = ServerProcess.start(dir)) {
        measure(server.base(), password, documents, people, out);
      }
    } finally {
      deleteTree(dir);
    }
    return 0;
  }

  private void seedStore(
      Path dir, List<String> documents, List<String> people, String password, PrintWriter out) {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      long seedStart = System.nanoTime();
      DemoData.loadLists(store, dir, Clock.systemUTC(), new PrintWriter(new StringWriter()));
      int stored = seed(store, documents, people);
      store.reindex();
      out.printf(
          Locale.ROOT,
          "stored %,d documents about %,d people: %,d entities with the lists (%.0f s to seed and index)%n",
          documents.size(),
          people.size(),
          stored,
          (System.nanoTime() - seedStart) / 1e9);
      store.accounts().createOrganization(ORG, "Benchmark organisation");
      store
          .accounts()
          .createUser(USER, ORG, Role.ANALYST, PasswordHasher.standard().hash(password));
    }
  }

  private void measure(
      String base, String password, List<String> documents, List<String> people, PrintWriter out)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    BenchSession session = BenchSession.signIn(http, base, USER, password);
    SplittableRandom random = new SplittableRandom(seed);
    List<Page> pages =
        List.of(
            new Page("home", n -> session.get("/")),
            new Page(
                "search", n -> session.get("/search?q=" + encode(SEARCHES[n % SEARCHES.length]))),
            new Page(
                "document",
                n -> session.get("/documents/" + documents.get(random.nextInt(documents.size())))),
            new Page(
                "entity",
                n -> session.get("/entities/" + people.get(random.nextInt(people.size())))),
            new Page(
                "screening",
                n -> session.form("/screening", "names=" + encode(SCREENED[n % SCREENED.length]))));
    out.println();
    out.println("| page | requests | p50 ms | p95 ms | p99 ms | max ms |");
    out.println("|---|---:|---:|---:|---:|---:|");
    boolean allWithinTarget = true;
    for (Page page : pages) {
      for (int i = 0; i < warmup; i++) {
        send(http, page.request().apply(i), page.name());
      }
      Percentiles times = new Percentiles();
      long max = 0;
      for (int i = 0; i < requests; i++) {
        HttpRequest request = page.request().apply(i).build();
        long start = System.nanoTime();
        send(http, request, page.name());
        long took = System.nanoTime() - start;
        times.add(took);
        max = Math.max(max, took);
      }
      allWithinTarget &= times.millis(95) <= 200.0;
      out.printf(
          Locale.ROOT,
          "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
          page.name(),
          times.count(),
          times.millis(50),
          times.millis(95),
          times.millis(99),
          max / 1e6);
      out.flush();
    }
    out.println();
    out.println(
        allWithinTarget
            ? "every page's p95 is within the 200 ms target"
            : "a page's p95 is above the 200 ms target");
  }

  /**
   * Writes synthetic reports, each as a document whose text holds every value at its statement's
   * span, until the store holds {@link #entities} entities; returns how many it holds.
   */
  private int seed(Store store, List<String> documents, List<String> people) {
    SyntheticReporting reporting = new SyntheticReporting(seed, ORG);
    java.util.Set<String> ids = new java.util.HashSet<>();
    int person = 0;
    int listEntities = listEntities(store);
    while (ids.size() + listEntities < entities) {
      SyntheticReporting.Batch batch = reporting.document(person, PEOPLE_PER_DOCUMENT);
      for (int p = person; p < person + PEOPLE_PER_DOCUMENT; p++) {
        people.add(SyntheticReporting.personId(p));
      }
      person += PEOPLE_PER_DOCUMENT;
      String text = textOf(batch.statements());
      String id = batch.source().id();
      store
          .documents()
          .write(
              new Document(
                  id,
                  id + ".txt",
                  "text/plain",
                  Optional.of("en"),
                  "sha256:" + id,
                  text,
                  "read",
                  "synthetic",
                  Optional.empty(),
                  0.0,
                  Instant.parse("2026-01-01T00:00:00Z").plusSeconds(documents.size())),
              batch.source(),
              batch.statements(),
              IndexUpdate.DEFERRED);
      documents.add(id);
      batch.statements().forEach(s -> ids.add(s.entityId()));
    }
    return ids.size() + listEntities;
  }

  private static int listEntities(Store store) {
    int[] count = {0};
    store.statements().scanEntities(e -> count[0]++);
    return count[0];
  }

  /** A text with each statement's value at its span, spaces between. */
  private static String textOf(List<Statement> statements) {
    int length =
        statements.stream().mapToInt(s -> s.span().map(sp -> sp.end()).orElse(0)).max().orElse(0);
    char[] text = new char[length];
    java.util.Arrays.fill(text, ' ');
    for (Statement s : statements.stream().sorted(Comparator.comparing(Statement::id)).toList()) {
      s.span()
          .ifPresent(
              sp ->
                  s.value()
                      .getChars(
                          0,
                          Math.min(s.value().length(), sp.end() - sp.start()),
                          text,
                          sp.start()));
    }
    return new String(text);
  }

  private static void send(HttpClient http, HttpRequest.Builder request, String page) {
    send(http, request.build(), page);
  }

  private static void send(HttpClient http, HttpRequest request, String page) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "the " + page + " page answered " + response.statusCode() + " to " + request.uri());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
