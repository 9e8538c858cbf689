/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.jobs.JobHandler;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobRunner;
import org.vigil.jobs.JobState;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.search.SearchIndex;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench scale}: the engines behind several nodes. Bulk indexing of synthetic entities
 * into the Lucene index and into an OpenSearch cluster, search latency of both on the same queries
 * (as an analyst, marking filter applied), and the job queue's throughput with three runners.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the engines of a multi-node deployment: bulk indexing into Lucene and into an"
          + " OpenSearch cluster (--opensearch URL), search latency of both on the same queries,"
          + " and the job queue's throughput with three runners (on a fresh H2 database, or on"
          + " --postgres)."
    })
public final class BenchScaleCommand implements Callable<Integer> {
  private static final String[] GIVEN = {
    "Ali", "Leyla", "Pavel", "Olga", "Reza", "Maryam", "Ivan", "Fatima", "Omar", "Nadia", "Karim",
    "Elena", "Hassan", "Sara", "Dmitri", "Amira", "Yusuf", "Irina", "Farid", "Zahra"
  };
  private static final String[] FAMILY = {
    "Aliyev",
    "Petrova",
    "Orlov",
    "Haddad",
    "Sokolov",
    "Karimi",
    "Rahimi",
    "Kuznetsova",
    "Nasser",
    "Tehrani",
    "Volkov",
    "Hosseini",
    "Mansour",
    "Ivanova",
    "Sharifi",
    "Zindashti",
    "Abbasi",
    "Morozov",
    "Khalil",
    "Rostami",
    "Bakr",
    "Lebedev",
    "Saleh",
    "Jafari",
    "Popov"
  };
  private static final String[] COUNTRIES = {"ir", "iq", "ru", "tr", "az", "lb", "sy", "de"};

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--entities", description = "Entities to index (default: ${DEFAULT-VALUE}).")
  int entities = 100_000;

  @Option(
      names = "--opensearch",
      paramLabel = "URL",
      description = "The OpenSearch cluster to measure, e.g. http://127.0.0.1:9200.")
  Optional<URI> opensearch = Optional.empty();

  @Option(names = "--shards", description = "Primary shards (default: ${DEFAULT-VALUE}).")
  int shards = 3;

  @Option(names = "--replicas", description = "Replicas (default: ${DEFAULT-VALUE}).")
  int replicas = 1;

  @Option(names = "--queries", description = "Searches to time (default: ${DEFAULT-VALUE}).")
  int queries = 500;

  @Option(names = "--jobs", description = "Jobs to run; 0 skips (default: ${DEFAULT-VALUE}).")
  int jobs = 10_000;

  @Option(
      names = "--kill-one",
      description =
          "With --postgres: the jobs run again, each with --job-millis of work and an effect"
              + " counted in tables of the bench's own; the third runner is a process of its own,"
              + " killed (SIGKILL) a third of the way through while it holds jobs; the two others"
              + " finish its jobs once its leases run out.")
  boolean killOne;

  @Option(
      names = "--job-millis",
      description =
          "With --kill-one: the work of each job of the killed round, in ms, its effect written"
              + " half-way (default: ${DEFAULT-VALUE}).")
  int jobMillis = 20;

  private static final String KILL_KIND = "bench-kill";

  @Option(names = "--job-node", hidden = true, description = "Runs as that job node until killed.")
  Optional<String> jobNode = Optional.empty();

  @Option(names = "--job-node-audit-key", hidden = true, description = "The audit key to share.")
  Optional<Path> jobNodeAuditKey = Optional.empty();

  @Mixin BenchDatabase postgres;

  @Override
  public Integer call() throws Exception {
    if (jobNode.isPresent()) {
      return runJobNode(jobNode.get());
    }
    if (jobMillis < 0 || jobMillis > 60_000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--job-millis must be 0 to 60000, not " + jobMillis);
    }
    if (killOne && !postgres.given()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--kill-one needs --postgres: two processes share its job queue");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench scale");
    out.println("machine: " + MachineDescription.describe());
    List<String> texts = queries();
    List<SearchResults> luceneResults;
    Viewer analyst = Viewer.of("u-b", "u-b", "org-b", Set.of(), Role.ANALYST);
    try (ScratchFolder folder = ScratchFolder.create("vigil-bench-lucene");
        SearchIndex lucene = SearchIndex.lucene(folder.path(), SearchIndex.Resolver.none())) {
      index("Lucene (one process)", lucene, out);
      luceneResults = search("Lucene", lucene, texts, analyst, out);
    }
    if (opensearch.isPresent()) {
      String alias = "bench-" + Instant.now().getEpochSecond();
      try (SearchIndex cluster =
          SearchIndex.openSearch(
              opensearch.get(), alias, shards, replicas, SearchIndex.Resolver.none())) {
        index("OpenSearch (" + shards + " shards, " + replicas + " replica(s))", cluster, out);
        out.println("  cluster JVM heap after indexing: " + heap(opensearch.get()));
        List<SearchResults> clusterResults = search("OpenSearch", cluster, texts, analyst, out);
        compare(texts, luceneResults, clusterResults, out);
      }
    }
    if (jobs > 0) {
      if (postgres.given()) {
        try (ScratchFolder index = ScratchFolder.create("vigil-bench-jobs");
            Store store = Store.open(postgres.config(index.path()))) {
          jobs("PostgreSQL", store, out);
          if (killOne) {
            StoreConfig config = postgres.config(index.path());
            jobsWithAKill(store, config, config.auditKeyFile(), out);
          }
        }
      } else {
        try (ScratchFolder h2 = ScratchFolder.create("vigil-bench-jobs");
            Store store = Store.open(StoreConfig.embedded(h2.path()))) {
          jobs("H2 (embedded)", store, out);
        }
      }
    }
    out.flush();
    return 0;
  }

  private void index(String label, SearchIndex index, PrintWriter out) {
    long start = System.nanoTime();
    long count = index.rebuild(this::entities);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "%s: %,d entities bulk-indexed in %.1f s (%,.0f entities/s)%n",
        label,
        count,
        seconds,
        count / seconds);
    out.flush();
  }

  /** Seeded synthetic people: a name, a nationality, a birth date; one in ten AMBER+STRICT. */
  private void entities(Consumer<Entity> sink) {
    Random random = new Random(19);
    for (int i = 0; i < entities; i++) {
      String id = "p-" + i;
      Marking marking =
          random.nextInt(10) == 0
              ? Marking.of(Tlp.AMBER_STRICT, "org-a")
              : Marking.of(Tlp.GREEN, "org-a");
      String name =
          GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
      List<Statement> statements = new ArrayList<>();
      statements.add(statement(id, "name", name, marking));
      statements.add(
          statement(id, "nationality", COUNTRIES[random.nextInt(COUNTRIES.length)], marking));
      statements.add(
          statement(
              id,
              "birthDate",
              String.format(
                  Locale.ROOT,
                  "%d-%02d-%02d",
                  1950 + random.nextInt(50),
                  1 + random.nextInt(12),
                  1 + random.nextInt(28)),
              marking));
      sink.accept(Entity.assemble(id, List.of(id), statements));
    }
  }

  private static Statement statement(String id, String property, String value, Marking marking) {
    return Statement.about(id, Schema.PERSON)
        .set(property, value)
        .source("src-bench")
        .marking(marking)
        .seen(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  /** Family names, full names, quoted full names: selective and broad queries. */
  private List<String> queries() {
    Random random = new Random(7);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      String given = GIVEN[random.nextInt(GIVEN.length)];
      String family = FAMILY[random.nextInt(FAMILY.length)];
      out.add(
          switch (i % 3) {
            case 0 -> family;
            case 1 -> given + " " + family;
            default -> "\"" + given + " " + family + "\"";
          });
    }
    return out;
  }

  /**
   * Whether both engines gave the same results to every query: the total, the hits in order (ids,
   * captions, markings) and the facet counts. Scores are left out: the engines compute them in
   * floating point apart.
   */
  private static void compare(
      List<String> texts,
      List<SearchResults> lucene,
      List<SearchResults> cluster,
      PrintWriter out) {
    int same = 0;
    for (int i = 0; i < texts.size(); i++) {
      String a = comparable(lucene.get(i));
      String b = comparable(cluster.get(i));
      if (a.equals(b)) {
        same++;
      } else if (same == i) {
        out.printf(
            Locale.ROOT,
            "  first difference, query \"%s\":%n    Lucene     %s%n    OpenSearch %s%n",
            texts.get(i),
            a,
            b);
      }
    }
    out.printf(
        Locale.ROOT,
        "  same results on both engines (total, hits in order, facets): %d of %d queries%n",
        same,
        texts.size());
    out.flush();
  }

  private static String comparable(SearchResults r) {
    StringBuilder s = new StringBuilder().append(r.total()).append(' ');
    r.hits()
        .forEach(
            h ->
                s.append(h.entityId())
                    .append('/')
                    .append(h.caption())
                    .append(h.markings())
                    .append(' '));
    return s.append(r.facets()).toString();
  }

  private static List<SearchResults> search(
      String label, SearchIndex index, List<String> texts, Viewer viewer, PrintWriter out) {
    for (int i = 0; i < Math.min(50, texts.size()); i++) {
      index.search(new SearchQuery(texts.get(i), Optional.empty(), 20), viewer); // warm-up
    }
    Percentiles latency = new Percentiles();
    long hits = 0;
    List<SearchResults> results = new ArrayList<>(texts.size());
    for (String text : texts) {
      long start = System.nanoTime();
      SearchResults result = index.search(new SearchQuery(text, Optional.empty(), 20), viewer);
      latency.add(System.nanoTime() - start);
      hits += result.total();
      results.add(result);
    }
    out.printf(
        Locale.ROOT,
        "  %s search (%d queries, %,.0f matching entities on average, top 20 with facets):"
            + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
        label,
        latency.count(),
        hits / (double) texts.size(),
        latency.millis(50),
        latency.millis(95),
        latency.millis(99));
    out.flush();
    return results;
  }

  private void jobs(String label, Store store, PrintWriter out) throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      store.jobs().enqueue(new JobRequest("bench", "job-" + i, "{}"));
    }
    double enqueued = (System.nanoTime() - start) / 1e9;
    JobHandler noop = job -> {};
    JobRunner.Settings settings =
        new JobRunner.Settings(
            4,
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            5,
            Duration.ofSeconds(1),
            Duration.ofMinutes(1));
    start = System.nanoTime();
    List<JobRunner> runners = new ArrayList<>();
    for (String node : List.of("node-1", "node-2", "node-3")) {
      runners.add(JobRunner.start(store.jobs(), node, Map.of("bench", noop), settings));
    }
    while (store.jobs().counts().get(JobState.DONE) < jobs) {
      Thread.sleep(100);
    }
    double ran = (System.nanoTime() - start) / 1e9;
    runners.forEach(JobRunner::close);
    out.printf(
        Locale.ROOT,
        "Jobs on %s: %,d enqueued in %.1f s (%,.0f/s); run by 3 runners of 4 threads in %.1f s"
            + " (%,.0f jobs/s)%n",
        label,
        jobs,
        enqueued,
        jobs / enqueued,
        ran,
        jobs / ran);
    out.flush();
  }

  private static final JobRunner.Settings BENCH_RUNNER =
      new JobRunner.Settings(
          4,
          Duration.ofSeconds(10),
          Duration.ofMillis(100),
          5,
          Duration.ofSeconds(1),
          Duration.ofMinutes(1));

  /**
   * The jobs again under new keys, each with a countable effect ({@link BenchJobEffects}: {@code
   * --job-millis} of work, its effect written half-way), with node 3 a process of its own that is
   * killed with SIGKILL a third of the way through, while it holds jobs: every job must end done,
   * none parked; the jobs node 3 held when it died run again on nodes 1-2 once its leases run out.
   * Counted from the effects: jobs without one (lost), jobs whose effect was written twice by an
   * at-least-once handler, and the effects keyed by their job (never twice).
   */
  private void jobsWithAKill(Store store, StoreConfig config, Path auditKey, PrintWriter out)
      throws Exception {
    BenchJobEffects.create(config);
    String round = "kill-" + Instant.now().getEpochSecond() + "-";
    for (int i = 0; i < jobs; i++) {
      store.jobs().enqueue(new JobRequest(KILL_KIND, round + i, "{}"));
    }
    long before = store.jobs().counts().get(JobState.DONE);
    Process node3 = startJobNode(auditKey);
    List<JobRunner> runners = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (String node : List.of("node-1", "node-2")) {
        runners.add(
            JobRunner.start(
                store.jobs(),
                node,
                Map.of(KILL_KIND, BenchJobEffects.handler(config, node, jobWork())),
                BENCH_RUNNER));
      }
      long held = 0;
      // (with no-op jobs node 3 may never be seen holding one: then it is killed at the end)
      while ((doneOf(store, before) < jobs / 3 || held == 0) && doneOf(store, before) < jobs) {
        Thread.sleep(20);
        held = BenchJobEffects.held(config, KILL_KIND, "node-3");
      }
      node3.destroyForcibly();
      node3.waitFor();
      long killedAt = doneOf(store, before);
      long heldAfter = BenchJobEffects.held(config, KILL_KIND, "node-3");
      while (doneOf(store, before) + store.jobs().counts().get(JobState.PARKED) < jobs) {
        Thread.sleep(100);
      }
      double ran = (System.nanoTime() - start) / 1e9;
      List<org.vigil.jobs.Job> done = store.jobs().list(JobState.DONE, jobs);
      long again = done.stream().filter(j -> j.key().startsWith(round) && j.attempts() > 1).count();
      BenchJobEffects.Counts effects = BenchJobEffects.count(config, KILL_KIND, round);
      out.printf(
          Locale.ROOT,
          "Jobs on PostgreSQL with a node killed: %,d jobs of %d ms of work each, node 3 (a"
              + " process of its own) killed with SIGKILL after %,d were done, while it held %d"
              + " (%d still held by it just after); all %,d done in %.1f s, %d parked; %d run"
              + " again by nodes 1-2 after node 3's 10 s leases ran out.%n"
              + "  effects: %d jobs without one (lost); at-least-once handler: %,d runs, %d jobs"
              + " whose effect was written twice; keyed by the job: %,d effects for %,d jobs"
              + " (none twice)%n",
          jobs,
          jobWork().toMillis(),
          killedAt,
          held,
          heldAfter,
          doneOf(store, before),
          ran,
          store.jobs().counts().get(JobState.PARKED),
          again,
          effects.withoutEffect(),
          effects.runs(),
          effects.runTwice(),
          effects.keyedEffects(),
          jobs);
    } finally {
      runners.forEach(JobRunner::close);
      if (node3.isAlive()) {
        node3.destroyForcibly();
      }
    }
    out.flush();
  }

  private Duration jobWork() {
    return Duration.ofMillis(jobMillis);
  }

  private static long doneOf(Store store, long before) {
    return store.jobs().counts().get(JobState.DONE) - before;
  }

  private Process startJobNode(Path auditKey) throws java.io.IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.vigil.cli.VigilCommand");
    command.addAll(
        List.of(
            "bench",
            "scale",
            "--job-node",
            "node-3",
            "--job-node-audit-key",
            auditKey.toString(),
            "--job-millis",
            Long.toString(jobMillis),
            "--postgres",
            postgres.url.orElseThrow()));
    postgres.user.ifPresent(u -> command.addAll(List.of("--postgres-user", u)));
    Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
    java.io.BufferedReader lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                node.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("job node ready")) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    lines.transferTo(java.io.Writer.nullWriter());
                  } catch (java.io.IOException e) {
                    // the node was killed
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return node;
      }
    }
    throw new IllegalStateException("the job node ended before it was ready");
  }

  /** Node 3 of {@link #jobsWithAKill}: runs the jobs until it is killed. */
  private int runJobNode(String node) throws Exception {
    try (ScratchFolder index = ScratchFolder.create("vigil-bench-node");
        Store store =
            Store.open(
                postgres.config(index.path()).withAuditKeyFile(jobNodeAuditKey.orElseThrow()));
        JobRunner runner =
            JobRunner.start(
                store.jobs(),
                node,
                Map.of(
                    KILL_KIND,
                    BenchJobEffects.handler(postgres.config(index.path()), node, jobWork())),
                BENCH_RUNNER)) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("job node ready: " + runner.node());
      out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
    return 0;
  }

  /** The cluster's heap in use and its limit, from the nodes' stats. */
  private static String heap(URI url) {
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      url.resolve(
                          "/_cat/nodes?h=name,heap.current,heap.max,ram.current&format=txt"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return "\n" + answer.body().strip().indent(4).stripTrailing();
    } catch (java.io.IOException e) {
      return "(not answered: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }
}
