/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.evaluation.ScreeningEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench match}: queries per second of a running server's yente-compatible {@code POST
 * /api/v1/match/default} over HTTP, each query asking for 10 candidates, from several client
 * threads; what yente's documentation measures (4-15 queries/s per vCPU).
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Times POST /api/v1/match/default of a running Vigil (vigil serve) over HTTP: the queries of"
          + " 'vigil eval screening' (yente's UN positives and validation negatives) as yente"
          + " Person examples with name, birth date and nationality, limit 10 and cutoff 0 so"
          + " that every query is answered with 10 candidates, in batches of --batch queries from"
          + " --clients threads, after a warm-up.",
      "Prints queries/s, request latency p50/p95, the average candidates per query and the"
          + " machine's load average before and after."
    })
public final class BenchMatchCommand implements Callable<Integer> {
  private static final int CANDIDATES = 10;

  @Spec CommandSpec spec;

  @Mixin SharedData shared;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The server (default: ${DEFAULT-VALUE}).")
  String url = "http://127.0.0.1:8080";

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      required = true,
      description =
          "A file holding an API token that may screen (vigil users token NAME --scope screen).")
  Path tokenFile;

  @Option(
      names = "--queries",
      paramLabel = "N",
      description = "Queries to time (default: ${DEFAULT-VALUE}).")
  int queries = 5_000;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Queries per request, 1-100 (default: ${DEFAULT-VALUE}).")
  int batch = 1;

  @Option(
      names = "--clients",
      paramLabel = "N",
      description = "Client threads (default: ${DEFAULT-VALUE}).")
  int clients = 4;

  @Override
  public Integer call() throws Exception {
    if (batch < 1 || batch > 100 || clients < 1 || queries < 100) {
      throw new ParameterException(
          spec.commandLine(), "--batch is 1-100, --clients at least 1, --queries at least 100");
    }
    String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    List<ScreeningQuery> base =
        new ScreeningEvaluation(shared.existing(), Screener.DEFAULT_THRESHOLD).queries();
    if (base.isEmpty()) {
      throw shared.missing("no benchmark queries in matching/yente");
    }
    ObjectMapper json = new ObjectMapper();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < queries; i += batch) {
      ObjectNode body = json.createObjectNode();
      ObjectNode qs = body.putObject("queries");
      for (int j = i; j < Math.min(queries, i + batch); j++) {
        ScreeningQuery q = base.get(j % base.size());
        ObjectNode example = qs.putObject("q" + j).put("schema", "Person");
        ObjectNode p = example.putObject("properties");
        p.putArray("name").add(q.name());
        q.birthDate().ifPresent(d -> p.putArray("birthDate").add(d.toString()));
        q.country().ifPresent(c -> p.putArray("nationality").add(c));
      }
      bodies.add(body.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench match");
    out.println("machine: " + MachineDescription.describe());
    out.printf(Locale.ROOT, "load average before: %.2f%n", load());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI target = URI.create(url + "/api/v1/match/default?limit=" + CANDIDATES + "&cutoff=0");
    AtomicLong candidates = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    // Warm-up: the first requests build the screener and compile the hot paths.
    run(
        http,
        target,
        token,
        bodies.subList(0, Math.min(bodies.size(), 20)),
        1,
        json,
        new AtomicLong(),
        failed,
        new Percentiles());
    Percentiles latencies = new Percentiles();
    long start = System.nanoTime();
    run(http, target, token, bodies, clients, json, candidates, failed, latencies);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "%d queries in %d requests of %d, %d clients: %.1f s, %.0f queries/s; request p50 %.1f ms,"
            + " p95 %.1f ms; %.1f candidates per query; %d requests failed%n",
        queries,
        bodies.size(),
        batch,
        clients,
        seconds,
        queries / seconds,
        latencies.millis(50),
        latencies.millis(95),
        candidates.get() / (double) queries,
        failed.get());
    out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    out.printf(
        Locale.ROOT,
        "target: >= 200 queries/s with 10 candidates each: %s%n",
        queries / seconds >= 200 && failed.get() == 0 ? "met" : "NOT met");
    out.flush();
    return failed.get() == 0 ? 0 : 1;
  }

  private static void run(
      HttpClient http,
      URI target,
      String token,
      List<String> bodies,
      int clients,
      ObjectMapper json,
      AtomicLong candidates,
      AtomicInteger failed,
      Percentiles latencies)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < bodies.size();
                      i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(target)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t;
                    synchronized (latencies) {
                      latencies.add(took);
                    }
                    if (r.statusCode() != 200) {
                      failed.incrementAndGet();
                      continue;
                    }
                    for (JsonNode answer : json.readTree(r.body()).path("responses")) {
                      candidates.addAndGet(answer.path("results").size());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
