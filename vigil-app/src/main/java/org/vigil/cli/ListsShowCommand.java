/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ReleaseManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil lists show}: the release in force of each dataset. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows the release in force of each loaded dataset.")
final class ListsShowCommand implements Callable<Integer> {
  @ParentCommand ListsCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  /** One dataset as printed. */
  record Row(
      String dataset,
      String release,
      String published,
      int entries,
      String sha256,
      String loadedAt,
      String format) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ListLibrary library = storeOptions.library(parent.root);
    List<ReleaseManifest> current = library.current();
    if (current.isEmpty() && format == OutputFormat.TABLE) {
      out.println(
          "No lists are loaded in "
              + library.root().toAbsolutePath().normalize()
              + "; load one with: vigil lists load FILE");
      out.flush();
      return 0;
    }
    List<Row> rows =
        current.stream()
            .map(
                m ->
                    new Row(
                        m.dataset(),
                        m.reference(),
                        m.published().map(Object::toString).orElse(""),
                        m.entries(),
                        m.sha256(),
                        m.loadedAt().toString(),
                        m.format()))
            .toList();
    format.print(
        out,
        rows,
        List.of("DATASET", "PUBLISHED", "ENTRIES", "SHA-256", "LOADED AT", "RELEASE"),
        r ->
            List.of(
                r.dataset(),
                r.published().isEmpty() ? "-" : r.published(),
                Integer.toString(r.entries()),
                r.sha256().substring(0, 16),
                r.loadedAt(),
                r.release()));
    return 0;
  }
}
