/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.jobs.JobState;
import org.vigil.search.SearchIndex;
import org.vigil.store.Store;

/**
 * The liveness check ({@code /health}, touching no storage), and the readiness check ({@code
 * /health/ready}) that a load balancer asks before it sends a node requests: the store answers, the
 * search engine answers (an OpenSearch cluster's health), and how far behind the job queue is. Both
 * are open to anyone, so they name no address, error text, user or count of data; each engine is
 * asked within {@link #PROBE_TIMEOUT}.
 */
final class HealthRoutes {
  /** How long each engine may take to answer a readiness probe. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  record Health(String status, String version) {}

  /** An engine's state: "ok", a cluster's "green"/"yellow"/"red", "unreachable" or "starting". */
  record EngineState(String engine, String status) {}

  /**
   * The queue's state: how long the oldest due job has waited, and how many wait for an operator.
   */
  record JobsState(String status, double lagSeconds, long parked) {}

  record Readiness(
      String status, String version, EngineState store, EngineState search, JobsState jobs) {}

  private static final ExecutorService PROBES =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "vigil-readiness-probe");
            t.setDaemon(true);
            return t;
          });

  private final String version;
  private final CompletionStage<Store> store;

  HealthRoutes(String version, CompletionStage<Store> store) {
    this.version = requireNonNull(version, "version");
    this.store = requireNonNull(store, "store");
  }

  /**
   * Whether {@code path} is one of these probes: they read no data, so nothing waits for the store
   * (or another node's changes) before them.
   */
  static boolean isProbe(String path) {
    return path.equals(Routes.PREFIX + "/health") || path.equals(Routes.PREFIX + "/health/ready");
  }

  void register(Routes routes) {
    routes.get("/health", Permission.ANONYMOUS, ctx -> ctx.json(new Health("ok", version)));
    routes.get("/health/ready", Permission.ANONYMOUS, this::ready);
  }

  private void ready(Context ctx) {
    CompletableFuture<Store> opening = store.toCompletableFuture();
    Readiness readiness;
    if (!opening.isDone() || opening.isCompletedExceptionally()) {
      String state = opening.isDone() ? "unreachable" : "starting";
      readiness =
          new Readiness(
              state,
              version,
              new EngineState("database", state),
              new EngineState("search", state),
              new JobsState(state, 0, 0));
    } else {
      readiness = probe(opening.join());
    }
    ctx.status(readiness.status().equals("ready") ? 200 : 503);
    ctx.header("Cache-Control", "no-store");
    ctx.json(readiness);
  }

  private Readiness probe(Store open) {
    CompletableFuture<JobsState> jobs =
        CompletableFuture.supplyAsync(
            () ->
                new JobsState(
                    "ok",
                    open.jobs().lag().toMillis() / 1000.0,
                    open.jobs().counts().get(JobState.PARKED)),
            PROBES);
    CompletableFuture<SearchIndex.Health> search =
        CompletableFuture.supplyAsync(() -> open.search().health(), PROBES);
    JobsState queue = within(jobs, () -> new JobsState("unreachable", 0, 0));
    EngineState database = new EngineState("database", queue.status());
    SearchIndex.Health found =
        within(search, () -> new SearchIndex.Health("search", "unreachable", false));
    boolean ready = queue.status().equals("ok") && found.ready();
    return new Readiness(
        ready ? "ready" : "not_ready",
        version,
        database,
        new EngineState(found.engine(), found.status()),
        queue);
  }

  /** The probe's answer, or {@code otherwise} when it failed or took too long. */
  private static <T> T within(CompletableFuture<T> probe, Supplier<T> otherwise) {
    try {
      return probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      probe.cancel(true);
      return otherwise.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return otherwise.get();
    }
  }
}
