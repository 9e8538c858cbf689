/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoading;
import org.vigil.watchlists.ListUpdater;
import org.vigil.watchlists.LoadOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil lists update}: downloads the official files and loads them. */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads the official list files and loads them like 'vigil lists load': a download that"
          + " fails, has another checksum than configured or does not parse leaves the release in"
          + " force alone (exit code 1) and raises a list failure alert (the alert page).",
      "The sources are read from DATA/lists/sources.json when it exists:"
          + " {\"sources\": [{\"name\", \"format\", \"dataset\"?, \"files\": [{\"url\", \"name\","
          + " \"sha256\"?}]}]}; else the built-in ones: ofac-sdn (OFAC's SDN legacy CSV set) and"
          + " un (the UN Security Council Consolidated List XML)."
    })
final class ListsUpdateCommand implements Callable<Integer> {
  @ParentCommand ListsCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(
      paramLabel = "SOURCE",
      arity = "0..*",
      description = "Sources to update, by name (default: all).")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--org",
      defaultValue = "public",
      description =
          "Organisation that owns the statements' TLP:CLEAR marking (default: ${DEFAULT-VALUE}).")
  String org;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      paramLabel = "SECONDS",
      description = "Time allowed for each download (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws IOException {
    VigilCommand root = parent.root;
    if (timeoutSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive");
    }
    DataLocation location = storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env());
    ListLibrary library = ListLibrary.in(location.dataDir());
    List<ListUpdater.ListSource> chosen = chosen(library);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Store store = root.openStore(location)) {
      ListLoading.Outcome outcome =
          new ListLoading(
                  library,
                  store,
                  root.clock(),
                  Optional.of(ResolutionRun.afterListsChange(library, root.clock())))
              .load(
                  new ListLoading.Request(
                      new ListLoading.Sources(chosen, Duration.ofSeconds(timeoutSeconds)),
                      org,
                      "cli",
                      "cli"),
                  line -> {
                    if (!line.startsWith("FAILED ")) {
                      out.println(line);
                      out.flush();
                    }
                  });
      outcome.screenedAgain().ifPresent(out::println);
      for (LoadOutcome failed : outcome.failed()) {
        err.println(spec.qualifiedName() + ": " + failed.error().orElseThrow());
        err.println(
            spec.qualifiedName() + ": the release in force of " + failed.file() + " is kept");
      }
      err.flush();
      out.flush();
      return outcome.failed().isEmpty() ? 0 : 1;
    }
  }

  /** The sources named, or all configured ones when none is. */
  private List<ListUpdater.ListSource> chosen(ListLibrary library) throws IOException {
    List<ListUpdater.ListSource> sources = ListUpdater.configured(library);
    List<ListUpdater.ListSource> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          sources.stream()
              .filter(s -> s.name().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "no list source named '"
                              + name
                              + "'; configured: "
                              + String.join(
                                  ", ",
                                  sources.stream().map(ListUpdater.ListSource::name).toList()))));
    }
    if (chosen.isEmpty()) {
      chosen.addAll(sources);
    }
    return chosen;
  }
}
