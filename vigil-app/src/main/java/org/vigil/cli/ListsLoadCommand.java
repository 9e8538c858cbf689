/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.model.InvalidValueException;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.watchlists.ListFormats;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil lists load}: reads list files and puts them in force. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Reads sanctions list files, keeps a copy under DATA/lists/<dataset>/<release>/ and puts"
          + " each in force for its dataset; writes their entries to the store as TLP:CLEAR"
          + " statements so they can be searched.",
      "A file that cannot be read is reported with its line or element, the dataset's previous"
          + " release stays in force, and the other files are still loaded (exit code 1).",
      "A folder is read as one release (OFAC's legacy CSV set, the UK Sanctions List tables);"
          + " a .gz file is decompressed first."
    })
final class ListsLoadCommand implements Callable<Integer> {
  @ParentCommand ListsCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "List files or folders.")
  List<Path> files;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "The files' format (default: detected): ofac-csv, sdn-xml, sdn-json, un-xml, uk-conlist,"
              + " uk-sanctions-list, ftm-jsonl, agency-csv, us-csl, eu-fsf-xml.")
  String format;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Load under this dataset name (default: the name the list gives).")
  String dataset;

  @Option(
      names = "--org",
      defaultValue = "public",
      description =
          "Organisation that owns the statements' TLP:CLEAR marking (default: ${DEFAULT-VALUE}).")
  String org;

  @Override
  public Integer call() {
    VigilCommand root = parent.root;
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataLocation location = storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env());
    try (Store store = root.openStore(location)) {
      ListLibrary library = ListLibrary.in(location.dataDir());
      ListLoading.Outcome outcome =
          new ListLoading(
                  library,
                  store,
                  root.clock(),
                  Optional.of(ResolutionRun.afterListsChange(library, root.clock())))
              .load(
                  new ListLoading.Request(
                      new ListLoading.Files(
                          files, Optional.ofNullable(format), Optional.ofNullable(dataset)),
                      org,
                      "cli",
                      "cli"),
                  line -> {
                    if (line.startsWith("FAILED ")) {
                      err.println(spec.qualifiedName() + ": " + line.substring("FAILED ".length()));
                      err.flush();
                    } else {
                      out.println(line);
                      out.flush();
                    }
                  });
      outcome.screenedAgain().ifPresent(out::println);
      int failed = outcome.failed().size();
      if (failed > 0) {
        err.println(
            spec.qualifiedName()
                + ": "
                + failed
                + " of "
                + outcome.lists().size()
                + " files failed; their datasets keep the release loaded before");
        err.flush();
        return 1;
      }
      return 0;
    }
  }

  private void checkOptions() {
    if (format != null) {
      try {
        ListFormats.reader(format);
      } catch (InvalidValueException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (dataset != null) {
      try {
        ListLibrary.datasetKey(dataset);
      } catch (InvalidValueException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }
}
