/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.vigil.graph.Communities;
import org.vigil.graph.Graph;
import org.vigil.graph.GraphAnalysis;
import org.vigil.graph.LouvainQuery;
import org.vigil.graph.evaluation.GraphBenchmark;
import org.vigil.network.LinkFilter;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench graph}: the store's graph queries on a generated network held as statements in
 * a fresh embedded H2 store, markings enforced, and the same questions as recursive SQL on a
 * PostgreSQL database in the same run.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Measures graph queries through the store (network index, markings, evidence read back) on a"
          + " generated network of --edges links written as statements to a fresh H2 store:"
          + " 2-hop neighbourhoods and shortest paths as a partner analyst sees them, Louvain on"
          + " --louvain-edges links.",
      "With --postgres, writes the same statements to that database (in its own schema"
          + " vigil_graph_bench, dropped first) and times the same questions as WITH RECURSIVE"
          + " queries there; the ratio is printed."
    })
public final class BenchGraphCommand implements Callable<Integer> {
  static final String PG_SCHEMA = "vigil_graph_bench";

  @Spec CommandSpec spec;

  @Option(names = "--edges", description = "Links in the network (default: ${DEFAULT-VALUE}).")
  int edges = 1_000_000;

  @Option(
      names = "--queries",
      description = "Timed runs of each query (default: ${DEFAULT-VALUE}).")
  int queries = 1_000;

  @Option(names = "--warmup", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
  int warmup = 300;

  @Option(
      names = "--louvain-edges",
      description = "Links of the graph Louvain runs on (default: ${DEFAULT-VALUE}).")
  int louvainEdges = 100_000;

  @Option(names = "--batch", description = "Statements per write (default: ${DEFAULT-VALUE}).")
  int batch = 20_000;

  @Option(
      names = "--writes",
      description =
          "Writes of one new link each after the index is built, each followed by a graph query"
              + " that must show it: the link index's update cost per write (default:"
              + " ${DEFAULT-VALUE}).")
  int writes = 100;

  @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--load-threads",
      description =
          "Threads writing the generated batches at once, each batch one source and one"
              + " transaction through the store's bulk write (default: the machine's cores).")
  int loadThreads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--postgres-only",
      description =
          "With --postgres: measure only the store on PostgreSQL (its load, index build, writes"
              + " and neighbourhoods), not the H2 store, Louvain nor the recursive SQL.")
  boolean postgresOnly;

  @Mixin BenchDatabase postgres;

  @Option(
      names = "--postgres-queries",
      description = "Timed recursive-SQL runs of each query (default: ${DEFAULT-VALUE}).")
  int postgresQueries = 100;

  @Option(
      names = "--postgres-timeout",
      description = "Seconds before a recursive query is cancelled (default: ${DEFAULT-VALUE}).")
  int postgresTimeout = 30;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench graph");
    out.printf(
        Locale.ROOT,
        "load average at start: %.1f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.println("machine: " + MachineDescription.describe());
    out.printf(
        Locale.ROOT,
        "network: %,d links over %,d nodes, seed %d; %,d timed runs per query after %,d warm-up%n",
        edges,
        Math.max(2, edges / 5),
        seed,
        queries,
        warmup);
    out.flush();
    Graph generated = GraphBenchmark.randomGraph(edges, Math.max(2, edges / 5), seed);
    if (postgresOnly) {
      if (!postgres.given()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--postgres-only needs --postgres URL");
      }
      postgresStore(out, generated);
      return 0;
    }
    List<NetworkBenchmark.Timing> timings = new ArrayList<>();
    List<String[]> pairs = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    NetworkBenchmark.Generated g;
    try (ScratchFolder h2 = ScratchFolder.create("vigil-bench-graph");
        Store store = Store.open(StoreConfig.embedded(h2.path()))) {
      g = load(store, generated, out, "H2");
      Network.IndexSize size = store.network().refresh();
      out.printf(
          Locale.ROOT,
          "H2: network index built from the statements in %.1f s: %,d nodes, %,d links; heap used %,d MiB%n",
          size.buildMillis() / 1e3,
          size.nodes(),
          size.links(),
          usedHeapMiB());
      out.flush();
      Network network = store.network();
      if (writes > 0) {
        timings.add(NetworkBenchmark.writes(store, g, writes, seed + 5));
      }
      timings.add(
          NetworkBenchmark.neighbourhoods(
              network, g, queries, warmup, NeighbourhoodRequest.DEFAULT_LIMIT, seed + 1));
      timings.add(
          NetworkBenchmark.neighbourhoods(
              network, g, queries, warmup, NeighbourhoodRequest.MAX_LIMIT, seed + 2));
      timings.add(NetworkBenchmark.paths(network, g, queries, warmup, seed + 3, pairs, lengths));
      timings.add(communities(network, g, seed + 4));
    }
    printTimings(out, "H2 store", timings);
    long connected = lengths.stream().filter(l -> l >= 0).count();
    out.printf(
        Locale.ROOT,
        "paths found for %d of %d pairs, mean length %.2f links%n",
        connected,
        lengths.size(),
        lengths.stream().filter(l -> l >= 0).mapToInt(Integer::intValue).average().orElse(0));

    Graph louvainGraph =
        GraphBenchmark.randomGraph(louvainEdges, Math.max(2, louvainEdges / 5), seed);
    double[] louvainMillis = new double[3];
    Communities found = null;
    for (int i = 0; i < louvainMillis.length; i++) {
      long start = System.nanoTime();
      found = new GraphAnalysis(louvainGraph).louvain(LouvainQuery.seeded(seed));
      louvainMillis[i] = (System.nanoTime() - start) / 1e6;
    }
    out.printf(
        Locale.ROOT,
        "Louvain on %,d links (%,d nodes): median %.0f ms of 3 runs, %d communities, modularity %.3f%n",
        louvainEdges,
        louvainGraph.nodeCount(),
        Percentiles.median(louvainMillis),
        found.count(),
        found.modularity());

    if (postgres.given()) {
      postgres(out, generated, timings, pairs, lengths);
    }
    out.printf(
        Locale.ROOT,
        "load average at the end: %.1f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    return 0;
  }

  /**
   * Writes the generated network through the store's bulk write on {@link #loadThreads} threads and
   * prints the wall clock, the statements per second and this process's processor time for it.
   */
  private NetworkBenchmark.Generated load(
      Store store, Graph generated, PrintWriter out, String label) {
    var cpuBefore = ProcessCpu.snapshot();
    long start = System.nanoTime();
    NetworkBenchmark.Generated g =
        NetworkBenchmark.load(store, generated, batch, loadThreads, seed, out, label);
    double seconds = (System.nanoTime() - start) / 1e9;
    long count = store.statements().count();
    var cpuAfter = ProcessCpu.snapshot();
    out.printf(
        Locale.ROOT,
        "%s: %,d statements written in %.1f s (%,.0f statements/s) on %d threads; this process's"
            + " CPU %s; load average now %.1f%n",
        label,
        count,
        seconds,
        count / seconds,
        loadThreads,
        cpuBefore.isPresent() && cpuAfter.isPresent()
            ? ProcessCpu.between(cpuBefore.get(), cpuAfter.get())
            : "not readable",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    return g;
  }

  /**
   * {@code --postgres-only}: the store on PostgreSQL alone: load, index build, {@link #writes}
   * writes each followed by the query that must show it, and 2-hop neighbourhoods.
   */
  private void postgresStore(PrintWriter out, Graph generated) throws SQLException, IOException {
    String url = freshSchema();
    List<NetworkBenchmark.Timing> timings = new ArrayList<>();
    try (ScratchFolder index = ScratchFolder.create("vigil-bench-graph-pg");
        Store store = Store.open(postgres.config(url, index.path()))) {
      NetworkBenchmark.Generated g = load(store, generated, out, "PostgreSQL");
      Network.IndexSize size = store.network().refresh();
      out.printf(
          Locale.ROOT,
          "PostgreSQL: network index built from the statements in %.1f s: %,d nodes, %,d links;"
              + " heap used %,d MiB%n",
          size.buildMillis() / 1e3,
          size.nodes(),
          size.links(),
          usedHeapMiB());
      out.flush();
      if (writes > 0) {
        timings.add(NetworkBenchmark.writes(store, g, writes, seed + 5));
      }
      timings.add(
          NetworkBenchmark.neighbourhoods(
              store.network(), g, queries, warmup, NeighbourhoodRequest.DEFAULT_LIMIT, seed + 1));
    }
    printTimings(out, "PostgreSQL store", timings);
    dropSchema();
    out.printf(
        Locale.ROOT,
        "load average at the end: %.1f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
  }

  private static void printTimings(
      PrintWriter out, String store, List<NetworkBenchmark.Timing> timings) {
    out.println();
    out.println(
        "| query ("
            + store
            + ", markings enforced, evidence read) | runs | p50 ms | p95 ms | p99 ms"
            + " | CPU p50 ms | CPU p95 ms | mean nodes | truncated |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (NetworkBenchmark.Timing t : timings) {
      out.printf(
          Locale.ROOT,
          "| %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %d |%n",
          t.query(),
          t.runs(),
          t.p50(),
          t.p95(),
          t.p99(),
          t.cpuP50(),
          t.cpuP95(),
          t.meanNodes(),
          t.truncated());
    }
  }

  /** Drops and creates {@link #PG_SCHEMA} in the database given; the URL of a store in it. */
  private String freshSchema() throws SQLException {
    String base = postgres.url.orElseThrow();
    try (Connection c = DriverManager.getConnection(base, pgProperties());
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + PG_SCHEMA);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + PG_SCHEMA;
  }

  private void dropSchema() throws SQLException {
    try (Connection c = DriverManager.getConnection(postgres.url.orElseThrow(), pgProperties());
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
    }
  }

  private Properties pgProperties() {
    Properties properties = new Properties();
    postgres.user.ifPresent(u -> properties.setProperty("user", u));
    postgres.password().ifPresent(p -> properties.setProperty("password", p));
    return properties;
  }

  private NetworkBenchmark.Timing communities(
      Network network, NetworkBenchmark.Generated g, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int runs = Math.max(5, Math.min(50, queries / 20));
    Percentiles latency = new Percentiles();
    Percentiles cpu = new Percentiles();
    long nodes = 0;
    int truncated = 0;
    for (int i = 0; i < runs; i++) {
      NeighbourhoodRequest request =
          new NeighbourhoodRequest(
              NetworkBenchmark.visibleNode(g, random),
              2,
              LinkFilter.ALL,
              NeighbourhoodRequest.DEFAULT_LIMIT);
      long c = NetworkBenchmark.cpuNanos();
      long start = System.nanoTime();
      var view = network.communities(request, NetworkBenchmark.READER);
      latency.add(System.nanoTime() - start);
      cpu.add(NetworkBenchmark.cpuNanos() - c);
      nodes += view.nodes().size();
      truncated += view.truncated() ? 1 : 0;
    }
    return new NetworkBenchmark.Timing(
        "communities (Louvain) of a 2-hop neighbourhood, limit 500",
        runs,
        latency.millis(50),
        latency.millis(95),
        latency.millis(99),
        cpu.millis(50),
        cpu.millis(95),
        (double) nodes / runs,
        truncated);
  }

  private void postgres(
      PrintWriter out,
      Graph generated,
      List<NetworkBenchmark.Timing> h2,
      List<String[]> pairs,
      List<Integer> lengths)
      throws SQLException, IOException {
    Optional<String> password = postgres.password();
    String url = freshSchema();
    NetworkBenchmark.Generated g;
    NetworkBenchmark.Timing storeTwoHop;
    try (ScratchFolder index = ScratchFolder.create("vigil-bench-graph-pg");
        Store store = Store.open(postgres.config(url, index.path()))) {
      g = load(store, generated, out, "PostgreSQL");
      Network.IndexSize size = store.network().refresh();
      out.printf(
          Locale.ROOT, "PostgreSQL: network index built in %.1f s%n", size.buildMillis() / 1e3);
      out.flush();
      storeTwoHop =
          NetworkBenchmark.neighbourhoods(
              store.network(), g, queries, warmup, NeighbourhoodRequest.DEFAULT_LIMIT, seed + 1);
    }
    RecursiveSqlBaseline.Timings sql;
    try (RecursiveSqlBaseline baseline =
        new RecursiveSqlBaseline(url, postgres.user, password, NetworkBenchmark.READER)) {
      // Fresh statistics after the bulk load, as any operator would gather: without them the
      // planner takes the tables for empty and scans them on every hop.
      baseline.analyze();
      baseline.timeout(postgresTimeout);
      sql = baseline.run(g, postgresQueries, postgresQueries, seed + 1, pairs, lengths);
    }
    NetworkBenchmark.Timing h2TwoHop =
        named(h2, "2-hop neighbourhood, limit " + NeighbourhoodRequest.MAX_LIMIT);
    NetworkBenchmark.Timing h2Paths = named(h2, "shortest path with evidence");
    out.println();
    out.println(
        "| query | store on H2 p50 / p95 ms | store on PostgreSQL p50 / p95 ms | recursive SQL on PostgreSQL p50 / p95 ms | SQL ÷ H2 store (p50, p95) |");
    out.println("|---|---:|---:|---:|---:|");
    out.printf(
        Locale.ROOT,
        "| 2-hop neighbourhood (store: limit %,d; SQL: all, ids only) | %.2f / %.2f | %.2f / %.2f (limit 500) | %.1f / %.1f | ×%.2f, ×%.2f |%n",
        NeighbourhoodRequest.MAX_LIMIT,
        h2TwoHop.p50(),
        h2TwoHop.p95(),
        storeTwoHop.p50(),
        storeTwoHop.p95(),
        sql.twoHop().millis(50),
        sql.twoHop().millis(95),
        sql.twoHop().millis(50) / h2TwoHop.p50(),
        sql.twoHop().millis(95) / h2TwoHop.p95());
    out.printf(
        Locale.ROOT,
        "| shortest path (SQL bounded by the store's length; %d of %d cancelled at %d s) | %.2f / %.2f | | %.1f / %.1f | ×%.2f, ×%.2f |%n",
        sql.timeouts(),
        sql.pathRuns(),
        postgresTimeout,
        h2Paths.p50(),
        h2Paths.p95(),
        sql.paths().millis(50),
        sql.paths().millis(95),
        sql.paths().millis(50) / h2Paths.p50(),
        sql.paths().millis(95) / h2Paths.p95());
    dropSchema();
  }

  private static NetworkBenchmark.Timing named(
      List<NetworkBenchmark.Timing> timings, String query) {
    return timings.stream()
        .filter(t -> t.query().equals(query))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no timing of " + query));
  }

  private static long usedHeapMiB() {
    Runtime r = Runtime.getRuntime();
    System.gc();
    return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
  }
}
