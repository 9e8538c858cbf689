/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.app.Plural;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil reindex}: rebuilds the search index from the statements. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = "Rebuilds the search index from the stored statements.")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    Store store = root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
    try {
      long started = System.nanoTime();
      long count = store.reindex();
      long millis = (System.nanoTime() - started) / 1_000_000;
      CliAudit.admin(
          store, root, "search-index", "rebuilt: " + Plural.of(count, "entity", "entities"));
      spec.commandLine()
          .getOut()
          .println("Indexed " + Plural.of(count, "entity", "entities") + " in " + millis + " ms.");
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      store.close();
    }
  }
}
