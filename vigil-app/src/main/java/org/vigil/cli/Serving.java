/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.documents.IngestProgress;
import org.vigil.http.ApiServer;
import org.vigil.http.ServerSettings;
import org.vigil.store.Store;
import org.vigil.tips.IntakeServer;
import org.vigil.tips.IntakeSettings;
import org.vigil.tips.SealingKey;
import org.vigil.tips.TeamKeys;
import org.vigil.watchlists.ListScreening;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs the server for serve and demo: listens first, while the store opens in the background (so
 * that the first request is answered within moments of the start, however slow the database), then
 * keeps running until the process is asked to stop, and closes everything cleanly.
 */
final class Serving {
  /**
   * How long a stop waits for the background ingest to finish the document in hand; a longer step
   * (a list's load) is cut off as before, and the next start goes on where it stopped.
   */
  private static final Duration BACKGROUND_STOP_WAIT = Duration.ofSeconds(30);

  private Serving() {}

  /**
   * @param openStore opens the store and does any first-start work; runs on its own thread
   * @param screening the process's screener over the lists in the data directory
   * @param corpus a batch ingest that the first-start work runs in the background, shown on the
   *     pages while it runs
   * @param dataDir the data directory, where a note names the running server for other commands
   * @param intake the public tip line's own listener, when it is to run; it starts once the store
   *     is open
   * @return the exit code
   */
  static int run(
      Path dataDir,
      Supplier<Store> openStore,
      ServerSettings settings,
      ListScreening screening,
      IngestProgress corpus,
      Optional<IntakeSettings> intake,
      Clock clock,
      PrintWriter out) {
    return run(dataDir, openStore, settings, screening, corpus, intake, clock, out, url -> {});
  }

  /**
   * Like {@link #run(Path, Supplier, ServerSettings, ListScreening, IngestProgress, Optional,
   * Clock, PrintWriter)}, and gives {@code answering} the server's address once the store is open
   * and the pages answer with data.
   */
  static int run(
      Path dataDir,
      Supplier<Store> openStore,
      ServerSettings settings,
      ListScreening screening,
      IngestProgress corpus,
      Optional<IntakeSettings> intake,
      Clock clock,
      PrintWriter out,
      Consumer<String> answering) {
    CompletableFuture<Store> opening = new CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                opening.complete(openStore.get());
              } catch (RuntimeException e) {
                opening.completeExceptionally(e);
              }
            },
            "vigil-store-open");
    opener.start();
    ApiServer server;
    try {
      server = ApiServer.start(opening, settings, clock, screening, corpus);
    } catch (RuntimeException e) {
      opening.thenAccept(Store::close);
      throw new CliFailure(
          "cannot listen on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage());
    }
    String url = url(settings.bindAddress(), server.port());
    out.println("Vigil is listening on " + url);
    out.flush();
    Store store;
    try {
      store = opening.join();
    } catch (CompletionException e) {
      server.close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    Optional<IntakeServer> tipLine;
    try {
      tipLine = intake.map(i -> startIntake(i, dataDir, store, clock, out));
    } catch (RuntimeException e) {
      server.close();
      store.close();
      throw e;
    }
    RunningServer.announce(dataDir, url);
    answering.accept(url);
    return untilShutdown(server, tipLine, store, corpus, dataDir);
  }

  private static IntakeServer startIntake(
      IntakeSettings settings, Path dataDir, Store store, Clock clock, PrintWriter out) {
    SealingKey team =
        TeamKeys.sealingKey(dataDir)
            .orElseThrow(
                () ->
                    new CliFailure(
                        "the tip line needs the tip team's public key in "
                            + dataDir.resolve(TeamKeys.PUBLIC_FILE)
                            + "; make the key pair with `vigil tips keygen --private-key PATH`"
                            + " (see docs/tips.md)"));
    IntakeServer tipLine;
    try {
      tipLine = IntakeServer.start(settings, store, team, clock);
    } catch (RuntimeException e) {
      throw new CliFailure(
          "cannot listen for tips on "
              + settings.bindAddress()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage());
    }
    out.println(
        "The public tip line is listening on "
            + url(settings.bindAddress(), tipLine.port())
            + " (its own listener: nothing of the analyst UI is reachable there)");
    out.flush();
    return tipLine;
  }

  private static int untilShutdown(
      ApiServer server,
      Optional<IntakeServer> tipLine,
      Store store,
      IngestProgress corpus,
      Path dataDir) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    // A background ingest ends after the document in hand, so that the store is
                    // not closed under it (a document stored but missing from the search index).
                    corpus.requestStop();
                    corpus.awaitEnd(BACKGROUND_STOP_WAIT);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  try {
                    tipLine.ifPresent(IntakeServer::close);
                    server.close();
                  } finally {
                    store.close();
                    RunningServer.withdraw(dataDir);
                    stopped.countDown();
                  }
                },
                "vigil-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static void checkPort(CommandSpec spec, int port) {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port " + port + " is outside 0..65535");
    }
  }

  static String url(String bind, int port) {
    String host = bind.contains(":") ? "[" + bind + "]" : bind;
    if (bind.equals("0.0.0.0") || bind.equals("::")) {
      host = "localhost";
    }
    return "http://" + host + ":" + port + "/";
  }
}
