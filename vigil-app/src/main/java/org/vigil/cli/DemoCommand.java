/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.vigil.app.DataLocation;
import org.vigil.app.DemoCase;
import org.vigil.app.DemoCorpus;
import org.vigil.app.DemoData;
import org.vigil.app.Version;
import org.vigil.auth.PasswordHasher;
import org.vigil.documents.DocumentIntake;
import org.vigil.documents.IngestProgress;
import org.vigil.http.ServerSettings;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil demo}: the API on an embedded store filled with demo data. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API on an embedded store loaded with demo organisations, users and"
          + " statements (default data directory: ./vigil-demo-data; loading again adds nothing),"
          + " and, in the background once it answers, the bundled OFAC SDN and UN lists and a"
          + " corpus of 45 public-domain US Central Command and State Department press releases"
          + " (a banner on the home page shows how far it has got).",
      "Requests from this machine (loopback, Host localhost) are signed in as the demo user"
          + " 'analyst'; requests from anywhere else must sign in."
    })
final class DemoCommand implements Callable<Integer> {
  static final Path DEFAULT_DATA_DIR = Path.of("vigil-demo-data");

  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Override
  public Integer call() {
    if (storeOptions.databaseGiven(root.env())) {
      throw new ParameterException(
          spec.commandLine(), "the demo runs on an embedded store only; drop --db / VIGIL_DB_URL");
    }
    Serving.checkPort(spec, port);
    PrintWriter out = spec.commandLine().getOut();
    DataLocation location =
        DataLocation.embedded(
            storeOptions.location(DEFAULT_DATA_DIR, name -> java.util.Optional.empty()).dataDir());
    ServerSettings settings =
        ServerSettings.of(bind, port, Version.current()).withLoopbackUser(DemoData.ANALYST);
    out.println("Data: " + location.describe());
    out.println(
        "Requests from this machine are signed in as '" + DemoData.ANALYST + "' automatically.");
    ListScreening screening = ListScreening.over(ListLibrary.in(location.dataDir()));
    IngestProgress corpus = new IngestProgress("the demo corpus");
    // Running before the listener opens: the first page a reader can get already says that the
    // demo is still loading (the background start's own steps follow once the store is open).
    corpus.preparing("opening the demo's data directory");
    return Serving.run(
        location.dataDir(),
        () -> {
          Store store = root.openStore(location);
          try {
            DemoData.loadSignIn(store, PasswordHasher.standard(), root.clock(), out);
          } catch (RuntimeException e) {
            store.close();
            throw e;
          }
          // The pages answer from here on; the lists, reports and corpus arrive behind them.
          fillInBackground(store, location, screening, corpus, out);
          return store;
        },
        settings,
        screening,
        corpus,
        root.clock(),
        out);
  }

  /**
   * Everything slow happens once the pages answer (a banner on the home page says what is under
   * way, and the data appear as they arrive): the other demo users and the demo's sources, the
   * bundled lists, the demo reports and their resolution and cross-referencing, then the corpus.
   * Stopping the demo half-way is harmless; the next start goes on where it stopped, and on data
   * loaded before it only checks checksums.
   */
  private void fillInBackground(
      Store store,
      DataLocation location,
      ListScreening screening,
      IngestProgress corpus,
      PrintWriter out) {
    Thread thread =
        new Thread(
            () -> {
              try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
                step(corpus, "loading the demo's sources and users");
                DemoData.load(store, PasswordHasher.standard(), root.clock(), out);
                try {
                  DemoCase.open(store, root.clock(), out);
                } catch (RuntimeException e) {
                  // The sample case is a convenience: without it the demo goes on loading.
                  out.println("The sample case was not opened: " + e.getMessage());
                }
                step(corpus, "loading the bundled sanctions lists (OFAC SDN, UN)");
                DemoData.loadLists(store, location.dataDir(), root.clock(), out);
                screening.prepareInBackground();
                DocumentIntake intake = DemoData.intake(store, reader, screening, root.clock());
                step(corpus, "reading the demo reports");
                DocumentIntake.Outcome reports =
                    DemoData.loadDocuments(intake, store, root.clock(), out);
                step(corpus, "resolving the reports' entities and screening them");
                // Resolution and cross-referencing after the reports, also when none was new (the
                // lists or the demo statements may be): the demo shows one entity per person, and
                // the reports' possible list matches as alerts.
                reports.resolution().or(intake::resolve).ifPresent(r -> out.println(r.summary()));
                out.flush();
                // The corpus, then the resolution and cross-referencing of its reports' entities.
                DemoCorpus.ingest(intake, out, corpus)
                    .resolution()
                    .ifPresent(r -> out.println(r.summary()));
                out.flush();
              } catch (RuntimeException e) {
                corpus.stop(String.valueOf(e.getMessage()));
                out.println("The demo data were not fully loaded: " + e.getMessage());
                out.flush();
              }
            },
            "vigil-demo-data");
    thread.setDaemon(true);
    thread.start();
  }

  /** The next step of the background start, unless the process is stopping. */
  private static void step(IngestProgress corpus, String step) {
    if (corpus.stopRequested()) {
      throw new CancellationException(
          "Vigil is stopping; the next start goes on with " + step.replaceFirst("^loading ", ""));
    }
    corpus.preparing(step);
  }
}
