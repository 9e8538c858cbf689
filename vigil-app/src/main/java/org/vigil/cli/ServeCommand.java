/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import org.vigil.app.DataLocation;
import org.vigil.app.FirstStart;
import org.vigil.app.Version;
import org.vigil.auth.PasswordHasher;
import org.vigil.documents.IngestProgress;
import org.vigil.http.ServerSettings;
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

/** {@code vigil serve}: the HTTP API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API until stopped (Ctrl-C).",
      "On the first start, with no users yet, creates the organisation given by --org and a user"
          + " 'admin' whose password is taken from $VIGIL_ADMIN_PASSWORD or generated and printed"
          + " once."
    })
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin IngestLimitOptions limitOptions;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--org",
      defaultValue = "local",
      description = "Organisation of the first administrator (default: ${DEFAULT-VALUE}).")
  String org;

  @Option(
      names = "--max-body",
      defaultValue = "10485760",
      paramLabel = "BYTES",
      description =
          "Largest request body accepted, so also the largest upload of documents (default:"
              + " ${DEFAULT-VALUE}).")
  long maxBody;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DataLocation location = storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env());
    Serving.checkPort(spec, port);
    if (maxBody < 1) {
      throw new ParameterException(spec.commandLine(), "--max-body must be positive");
    }
    ServerSettings settings =
        ServerSettings.of(bind, port, Version.current())
            .withMaxBodyBytes(maxBody)
            .withIngestLimits(limitOptions.limits(spec));
    out.println("Data: " + location.describe());
    // The screener is built while the server starts; the first screening request waits for it.
    ListScreening screening = ListScreening.over(ListLibrary.in(location.dataDir()));
    screening.prepareInBackground();
    return Serving.run(
        location.dataDir(),
        () -> {
          Store store = root.openStore(location);
          try {
            FirstStart.ensureAdministrator(
                store,
                org,
                root.env().apply("VIGIL_ADMIN_PASSWORD").filter(p -> !p.isEmpty()),
                PasswordHasher.standard(),
                root.clock(),
                out);
            return store;
          } catch (RuntimeException e) {
            store.close();
            throw e;
          }
        },
        settings,
        screening,
        IngestProgress.none(),
        root.clock(),
        out);
  }
}
