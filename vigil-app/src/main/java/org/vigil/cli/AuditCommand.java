/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.Plural;
import org.vigil.audit.ChainVerification;
import org.vigil.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil audit}: the audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Checks the audit log.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: verify");
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Re-reads every audit row and checks the hash chain.",
        "Exit code 0 when intact; 1, listing the broken rows, when a row was changed, removed or"
            + " inserted.",
        "Prints the last row's hash as an anchor: kept outside the database and given back with"
            + " --anchor, it also shows newest rows cut off together with the log's head."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand audit;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--anchor",
        paramLabel = "ROW:HASH",
        description =
            "A row and its hash as an earlier verify printed them (kept outside the database):"
                + " also checks that this row is still there, unchanged.")
    Optional<String> anchor = Optional.empty();

    @Override
    public Integer call() {
      ChainVerification verification;
      try {
        verification =
            anchor
                .map(a -> new ChainVerification(ChainVerification.Anchor.parse(a)))
                .orElseGet(ChainVerification::new);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      VigilCommand root = audit.root;
      Store store = storeOptions.open(root);
      try {
        ChainVerification result = store.audit().verify(verification);
        if (result.intact()) {
          PrintWriter out = spec.commandLine().getOut();
          out.println("audit log intact: " + Plural.of(result.checked(), "row", "rows"));
          result
              .lastRow()
              .ifPresent(
                  last ->
                      out.println(
                          "anchor (keep it outside the database; later: audit verify --anchor "
                              + last
                              + ")"));
          out.flush();
          return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "audit log BROKEN: "
                + result.problems().size()
                + " problems in "
                + result.checked()
                + " rows");
        result.problems().forEach(p -> err.println("  " + p));
        err.flush();
        return 1;
      } finally {
        store.close();
      }
    }
  }
}
