/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.model.InvalidValueException;
import org.vigil.sharing.DanglingReferences;
import org.vigil.sharing.TaxiiPartner;
import org.vigil.sharing.TaxiiPull;
import org.vigil.stix.StixImportPlan;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil taxii}: partners' TAXII 2.1 collections. */
@Command(
    name = "taxii",
    mixinStandardHelpOptions = true,
    description = "Pulls partners' TAXII 2.1 collections (docs/sharing.md).",
    subcommands = {TaxiiCommand.Pull.class})
final class TaxiiCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command: pull");
  }

  /** {@code vigil taxii pull --partners FILE [--partner NAME]}. */
  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description = {
        "Pulls what partners added to their collections since the last pull, page by page, as"
            + " their source in the receiving organisation under their markings; resumes where the"
            + " last stored page left off. Exit code 1 if a partner failed or an object was refused."
      })
  static final class Pull implements Callable<Integer> {
    @ParentCommand TaxiiCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--partners",
        required = true,
        paramLabel = "FILE",
        description = "The partners' configuration (JSON; see docs/sharing.md).")
    Path partners;

    @Option(
        names = "--partner",
        paramLabel = "NAME",
        description = "Pull only this partner (default: every partner in the file).")
    String only;

    @Option(
        names = "--max-pages",
        defaultValue = "100000",
        paramLabel = "N",
        description =
            "Stop after N pages per partner; the next pull goes on (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Override
    public Integer call() {
      VigilCommand root = parent.root;
      Map<String, TaxiiPartner> configured;
      try {
        configured = TaxiiPartner.read(partners);
      } catch (InvalidValueException e) {
        throw new CliFailure(e.getMessage());
      }
      if (only != null && !configured.containsKey(only)) {
        throw new CliFailure("no partner '" + only + "' in " + partners);
      }
      PrintWriter err = spec.commandLine().getErr();
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      int failed = 0;
      try {
        TaxiiPull pull = new TaxiiPull(store, root.clock());
        for (TaxiiPartner partner : configured.values()) {
          if (only == null || only.equals(partner.name())) {
            failed += pullOne(pull, partner, root, err);
          }
        }
      } finally {
        store.close();
      }
      return failed == 0 ? 0 : 1;
    }

    private int pullOne(TaxiiPull pull, TaxiiPartner partner, VigilCommand root, PrintWriter err) {
      long started = System.nanoTime();
      TaxiiPull.Outcome o;
      try {
        o =
            pull.pull(
                partner,
                partner.token(root.env()),
                "cli",
                maxPages,
                (page, uri, objects) -> err.println("page " + page + ": " + objects + " objects"));
      } catch (InvalidValueException e) {
        err.println("failed " + partner.name() + ": " + e.getMessage());
        return 1;
      }
      for (StixImportPlan.Rejected r : o.refused()) {
        err.println("refused " + r.object() + ": " + r.reason());
      }
      for (DanglingReferences.Dangling d : o.dangling()) {
        err.println("dangling " + d.object() + ": " + d.reason());
      }
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      err.println(
          "Pulled "
              + o.objects()
              + " objects in "
              + o.pages()
              + " pages from "
              + partner.name()
              + " for "
              + partner.receivingOrg()
              + o.resumedFrom().map(a -> " (added after " + a + ")").orElse(" (from the start)")
              + ": "
              + o.statements()
              + " statements, "
              + o.refused().size()
              + " refused, "
              + o.dangling().size()
              + " dangling references, in "
              + millis
              + " ms; next pull resumes after "
              + o.resumeFrom().orElse("the start")
              + ".");
      return o.refused().isEmpty() ? 0 : 1;
    }
  }
}
