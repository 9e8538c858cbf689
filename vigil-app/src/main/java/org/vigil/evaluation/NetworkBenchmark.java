/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.graph.Graph;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;

/**
 * Writes a generated network into a store as statements (a named Person per node; per link an edge
 * entity with its two ends, a start date and the sentence it was "read" from), with mixed markings,
 * then times the store's graph queries as a partner analyst sees them.
 *
 * <p>Markings: nodes are GREEN (one in twenty AMBER+STRICT of another organisation); links are
 * GREEN seven times in ten, AMBER of the partner organisation twice, AMBER+STRICT of another
 * organisation once. The reader belongs to a partner of the AMBER owner, so about a tenth of the
 * links and a twentieth of the nodes are hidden from them and every walk has to check.
 */
final class NetworkBenchmark {
  static final String OWNER = "bench-owner";
  static final String OTHER = "bench-other";
  static final String READER_ORG = "bench-reader";
  static final Viewer READER =
      Viewer.of("bench-analyst", "bench-analyst", READER_ORG, Set.of(OWNER), Role.ANALYST);

  private static final Instant SEEN = Instant.parse("2026-11-25T00:00:00Z");
  private static final String[] SCHEMATA = {
    "Associate", "Membership", "Employment", "Directorship", "Ownership", "Family", "UnknownLink"
  };

  private NetworkBenchmark() {}

  /** Node ids, and the links as (source, target) node numbers in generation order. */
  record Generated(int nodes, int[] sources, int[] targets, boolean[] hiddenNode) {
    /** Zero-padded, so that ids sort in generation order and batches append to the key space. */
    static String nodeId(int node) {
      return String.format(Locale.ROOT, "bn-%08d", node);
    }
  }

  /**
   * The graph as {@link org.vigil.graph.evaluation.GraphBenchmark#randomGraph} generates it,
   * written to {@code store}; prints progress every tenth.
   */
  static Generated load(
      Store store, Graph graph, int batch, int threads, long seed, PrintWriter out, String label) {
    try (Writers writers = new Writers(store, threads)) {
      return load(writers, graph, batch, seed, out, label);
    }
  }

  private static Generated load(
      Writers writers, Graph graph, int batch, long seed, PrintWriter out, String label) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = graph.nodeCount();
    int m = graph.edgeCount();
    boolean[] hidden = new boolean[n];
    Source source = null;
    List<Statement> pending = new ArrayList<>();
    int sourceNumber = 0;
    long started = System.nanoTime();
    for (int u = 0; u < n; u++) {
      if (pending.isEmpty()) {
        source = source(sourceNumber++);
      }
      hidden[u] = random.nextInt(20) == 0;
      Marking marking =
          hidden[u] ? Marking.of(Tlp.AMBER_STRICT, OTHER) : Marking.of(Tlp.GREEN, OWNER);
      pending.add(
          Statement.about(Generated.nodeId(u), Schema.PERSON)
              .set("name", "Person " + u)
              .from(source)
              .marking(marking)
              .seen(SEEN)
              .build());
      if (pending.size() >= batch) {
        writers.write(source, pending);
      }
    }
    int[] sources = new int[m];
    int[] targets = new int[m];
    long firstDay = LocalDate.of(2015, 1, 1).toEpochDay();
    int reported = 0;
    for (int e = 0; e < m; e++) {
      if (pending.isEmpty()) {
        source = source(sourceNumber++);
      }
      sources[e] = graph.edgeSource(e);
      targets[e] = graph.edgeTarget(e);
      int roll = random.nextInt(10);
      Marking marking =
          roll < 7
              ? Marking.of(Tlp.GREEN, OWNER)
              : roll < 9 ? Marking.of(Tlp.AMBER, OWNER) : Marking.of(Tlp.AMBER_STRICT, OTHER);
      Schema schema = Schema.expect(SCHEMATA[random.nextInt(SCHEMATA.length)]);
      String id = String.format(Locale.ROOT, "bl-%09d", e);
      double confidence = 0.5 + random.nextInt(51) / 100.0;
      int offset = (e % 1000) * 120;
      String from = Generated.nodeId(sources[e]);
      String to = Generated.nodeId(targets[e]);
      pending.add(
          stated(
              id,
              schema,
              schema.sourceProperty().orElseThrow(),
              from,
              source,
              marking,
              confidence,
              offset));
      pending.add(
          stated(
              id,
              schema,
              schema.targetProperty().orElseThrow(),
              to,
              source,
              marking,
              confidence,
              offset));
      pending.add(
          stated(
              id,
              schema,
              "startDate",
              LocalDate.ofEpochDay(firstDay + random.nextInt(3650)).toString(),
              source,
              marking,
              confidence,
              offset));
      pending.add(
          stated(
              id,
              schema,
              "description",
              "Person "
                  + sources[e]
                  + " and Person "
                  + targets[e]
                  + " were seen together ("
                  + e
                  + ").",
              source,
              marking,
              confidence,
              offset));
      if (pending.size() >= batch) {
        writers.write(source, pending);
      }
      int percent = (int) (100L * (e + 1) / m);
      if (percent >= reported + 10) {
        reported = percent - percent % 10;
        out.printf(
            Locale.ROOT,
            "  %s: %,d links written (%d%%), %,.0f statements/s%n",
            label,
            e + 1,
            reported,
            writers.written() / ((System.nanoTime() - started) / 1e9));
        out.flush();
      }
    }
    if (!pending.isEmpty()) {
      writers.write(source, pending);
    }
    writers.finish();
    return new Generated(n, sources, targets, hidden);
  }

  /**
   * Writes the generated batches through the store's own bulk write ({@link
   * org.vigil.store.StatementRepository#write(Source, List, IndexUpdate)}, one source and one
   * transaction per batch, the search index deferred as in any bulk load) on {@code threads}
   * threads at once, as several ingest workers or nodes would: each batch has a source of its own,
   * so the writes touch no common row. The generating thread waits while {@code 2 × threads}
   * batches are queued.
   */
  private static final class Writers implements AutoCloseable {
    private record Batch(Source source, List<Statement> statements) {}

    private static final Batch END = new Batch(null, List.of());

    private final Store store;
    private final BlockingQueue<Batch> queue;
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Writers(Store store, int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("--load-threads must be at least 1, not " + threads);
      }
      this.store = store;
      this.queue = new ArrayBlockingQueue<>(2 * threads);
      this.pool = Executors.newFixedThreadPool(threads);
      for (int i = 0; i < threads; i++) {
        running.add(pool.submit(this::drain));
      }
    }

    private void drain() {
      try {
        for (Batch b = queue.take(); b != END; b = queue.take()) {
          if (failure.get() == null) {
            try {
              store.statements().write(b.source(), b.statements(), IndexUpdate.DEFERRED);
              written.addAndGet(b.statements().size());
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Queues {@code pending} as one write of {@code source}, and empties it. */
    void write(Source source, List<Statement> pending) {
      put(new Batch(source, List.copyOf(pending)));
      pending.clear();
      RuntimeException failed = failure.get();
      if (failed != null) {
        throw failed;
      }
    }

    long written() {
      return written.get();
    }

    /** Waits until every queued batch is written; rethrows the first write that failed. */
    void finish() {
      for (int i = 0; i < running.size(); i++) {
        put(END);
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the batches were written", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      RuntimeException failed = failure.get();
      if (failed != null) {
        throw failed;
      }
    }

    private void put(Batch b) {
      try {
        queue.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the batches were written", e);
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  private static Source source(int number) {
    return new Source(
        "bench-src-" + number,
        SourceKind.DOCUMENT,
        "Generated report " + number,
        Reliability.values()[number % Reliability.values().length],
        Marking.of(Tlp.GREEN, OWNER),
        Optional.empty(),
        Optional.empty(),
        SEEN);
  }

  private static Statement stated(
      String id,
      Schema schema,
      String property,
      String value,
      Source source,
      Marking marking,
      double confidence,
      int offset) {
    return Statement.about(id, schema)
        .set(property, value)
        .from(source)
        .marking(marking)
        .span(offset, offset + 100)
        .extractor("bench-generator", confidence)
        .seen(SEEN)
        .build();
  }

  /**
   * {@code count} writes after the index is built, each a new person and a new link from them to a
   * random visible node, each written on its own (one source, one transaction); after each, the
   * time until a graph query answers with the new link (the index brought up to date, then the
   * 1-hop neighbourhood with evidence), and the query thread's CPU time for it.
   *
   * @throws IllegalStateException if a written link is not in the answer, or the index was rebuilt
   *     in full instead of updated
   */
  static Timing writes(Store store, Generated g, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Network network = store.network();
    long builtIn = network.refresh().buildMillis();
    Percentiles wall = new Percentiles();
    Percentiles cpu = new Percentiles();
    for (int i = 0; i < count; i++) {
      Source source =
          new Source(
              "bench-write-" + i,
              SourceKind.DOCUMENT,
              "Report written after the index was built " + i,
              Reliability.C,
              Marking.of(Tlp.GREEN, OWNER),
              Optional.empty(),
              Optional.empty(),
              SEEN);
      String person = "bw-" + i;
      String link = "bwl-" + i;
      Marking green = Marking.of(Tlp.GREEN, OWNER);
      Schema schema = Schema.MEMBERSHIP;
      store
          .statements()
          .write(
              source,
              List.of(
                  Statement.about(person, Schema.PERSON)
                      .set("name", "Person written " + i)
                      .from(source)
                      .marking(green)
                      .seen(SEEN)
                      .build(),
                  stated(
                      link,
                      schema,
                      schema.sourceProperty().orElseThrow(),
                      person,
                      source,
                      green,
                      0.9,
                      0),
                  stated(
                      link,
                      schema,
                      schema.targetProperty().orElseThrow(),
                      visibleNode(g, random),
                      source,
                      green,
                      0.9,
                      0)));
      long cpuStart = cpuNanos();
      long start = System.nanoTime();
      boolean seen =
          network.neighbours(NeighbourhoodRequest.of(person, 1), READER).edges().stream()
              .anyMatch(e -> e.id().equals(link));
      wall.add(System.nanoTime() - start);
      cpu.add(cpuNanos() - cpuStart);
      if (!seen) {
        throw new IllegalStateException("link " + link + " written but not in the graph");
      }
    }
    if (network.refresh().buildMillis() != builtIn) {
      throw new IllegalStateException("the link index was rebuilt in full during the writes");
    }
    return new Timing(
        "write, then 1-hop neighbourhood with the new link (index updated)",
        count,
        wall.millis(50),
        wall.millis(95),
        wall.millis(99),
        cpu.millis(50),
        cpu.millis(95),
        2,
        0);
  }

  /**
   * Wall-clock percentiles, and the same for the querying thread's CPU time (which includes the
   * embedded database's work, done on that thread): on a shared machine the wall clock also counts
   * the time the thread waited for a core.
   */
  record Timing(
      String query,
      int runs,
      double p50,
      double p95,
      double p99,
      double cpuP50,
      double cpuP95,
      double meanNodes,
      int truncated) {}

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** A random node the reader may see. */
  static String visibleNode(Generated g, SplittableRandom random) {
    while (true) {
      int u = random.nextInt(g.nodes());
      if (!g.hiddenNode()[u]) {
        return Generated.nodeId(u);
      }
    }
  }

  static Timing neighbourhoods(
      Network network, Generated g, int runs, int warmup, int limit, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < warmup; i++) {
      network.neighbours(
          new NeighbourhoodRequest(visibleNode(g, random), 2, LinkFilter.ALL, limit), READER);
    }
    Percentiles latency = new Percentiles();
    Percentiles cpu = new Percentiles();
    long nodes = 0;
    int truncated = 0;
    for (int i = 0; i < runs; i++) {
      String start = visibleNode(g, random);
      long c = cpuNanos();
      long t = System.nanoTime();
      var view =
          network.neighbours(new NeighbourhoodRequest(start, 2, LinkFilter.ALL, limit), READER);
      latency.add(System.nanoTime() - t);
      cpu.add(cpuNanos() - c);
      nodes += view.nodes().size();
      truncated += view.truncated() ? 1 : 0;
    }
    return new Timing(
        "2-hop neighbourhood, limit " + limit,
        runs,
        latency.millis(50),
        latency.millis(95),
        latency.millis(99),
        cpu.millis(50),
        cpu.millis(95),
        (double) nodes / runs,
        truncated);
  }

  /**
   * Shortest paths between random visible pairs; {@code lengths} receives each path's length (-1:
   * none).
   */
  static Timing paths(
      Network network,
      Generated g,
      int runs,
      int warmup,
      long seed,
      List<String[]> pairs,
      List<Integer> lengths) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < warmup; i++) {
      network.paths(PathRequest.shortest(visibleNode(g, random), visibleNode(g, random)), READER);
    }
    Percentiles latency = new Percentiles();
    Percentiles cpu = new Percentiles();
    long nodes = 0;
    for (int i = 0; i < runs; i++) {
      String from = visibleNode(g, random);
      String to = visibleNode(g, random);
      long c = cpuNanos();
      long t = System.nanoTime();
      PathsView found = network.paths(PathRequest.shortest(from, to), READER);
      latency.add(System.nanoTime() - t);
      cpu.add(cpuNanos() - c);
      nodes += found.nodes().size();
      pairs.add(new String[] {from, to});
      lengths.add(found.paths().isEmpty() ? -1 : found.paths().get(0).length());
    }
    return new Timing(
        "shortest path with evidence",
        runs,
        latency.millis(50),
        latency.millis(95),
        latency.millis(99),
        cpu.millis(50),
        cpu.millis(95),
        (double) nodes / runs,
        0);
  }
}
