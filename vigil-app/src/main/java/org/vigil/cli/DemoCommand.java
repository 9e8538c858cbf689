/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
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
import org.vigil.tips.IntakeSettings;
import org.vigil.tips.TeamKeys;
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

  /** The tip team's private key, in the demo's data folder (never so on a real server). */
  static final String DEMO_TEAM_KEY = "tips-team-private.key";

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

  @Option(
      names = "--intake-port",
      defaultValue = "8081",
      paramLabel = "PORT",
      description =
          "Port of the public tip line, its own listener on the same address (default:"
              + " ${DEFAULT-VALUE}). The demo keeps the tip team's private key in its data folder;"
              + " a real server must not (see docs/tips.md).")
  int intakePort;

  @Option(
      names = "--class-archive-training",
      hidden = true,
      description =
          "Starts, asks itself for the first pages, and stops, loading nothing in the background:"
              + " the vigil script runs it once after a build to record the class data archive.")
  boolean classArchiveTraining;

  @Override
  public Integer call() {
    if (storeOptions.databaseGiven(root.env())) {
      throw new ParameterException(
          spec.commandLine(), "the demo runs on an embedded store only; drop --db / VIGIL_DB_URL");
    }
    Serving.checkPort(spec, port);
    Serving.checkPort(spec, intakePort);
    if (intakePort != 0 && intakePort == port) {
      throw new ParameterException(
          spec.commandLine(), "--intake-port must differ from --port: the tip line is apart");
    }
    PrintWriter out = spec.commandLine().getOut();
    DataLocation location =
        DataLocation.embedded(
            storeOptions.location(DEFAULT_DATA_DIR, name -> java.util.Optional.empty()).dataDir());
    ServerSettings settings =
        ServerSettings.of(bind, port, Version.current())
            .withLoopbackUser(DemoData.ANALYST)
            .withTipKey(location.dataDir().resolve(DEMO_TEAM_KEY));
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
          if (!classArchiveTraining) {
            fillInBackground(store, location, screening, corpus, out);
          }
          return store;
        },
        settings,
        screening,
        corpus,
        Optional.of(demoIntake(location.dataDir())),
        root.clock(),
        out,
        url -> {
          if (classArchiveTraining) {
            ClassArchiveTraining.visitThenStop(url, corpus, out);
          }
        });
  }

  /**
   * The demo's tip line, with the tip team's key pair made in the data folder on the first start
   * (convenient for a demo; on a real server the private key stays off the intake machine).
   */
  private IntakeSettings demoIntake(Path dataDir) {
    if (TeamKeys.sealingKey(dataDir).isEmpty()) {
      TeamKeys.generate(dataDir.resolve(DEMO_TEAM_KEY), dataDir);
    }
    return IntakeSettings.of(DemoData.HOME_ORG, bind, tipLinePort(), dataDir);
  }

  /**
   * The tip line's port: the one asked for, or, when none was asked for and the default is taken
   * (8081 is a common port for other servers), any free one, so that a busy port never stops the
   * demo; the console prints the port actually used.
   */
  private int tipLinePort() {
    if (intakePort == 0
        || spec.commandLine().getParseResult().hasMatchedOption("--intake-port")
        || portIsFree(bind, intakePort)) {
      return intakePort;
    }
    spec.commandLine()
        .getOut()
        .println("Port " + intakePort + " is taken; the tip line listens on a free port instead.");
    return 0;
  }

  private static boolean portIsFree(String address, int candidate) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(address), candidate));
      return true;
    } catch (IOException e) {
      return false;
    }
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
