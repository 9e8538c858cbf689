/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil alerts}: possible matches of entities from reporting to list entries. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the possible matches of entities from reporting to list entries, newest first.",
      "Found on ingest, when lists change, and by vigil resolve; each names the list entry, its"
          + " programmes, the score and why it matched. A possible match is never a merge."
    })
final class AlertsCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: table).")
  OutputFormat format = OutputFormat.TABLE;

  @Option(names = "--limit", paramLabel = "N", description = "At most N alerts (default: 50).")
  int limit = 50;

  /** One alert as printed. */
  record AlertRow(
      long id,
      String at,
      String entity,
      String caption,
      String listEntity,
      String listCaption,
      String dataset,
      List<String> programmes,
      double score,
      List<String> explanation,
      String status) {}

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1_000) {
      throw new ParameterException(spec.commandLine(), "--limit " + limit + " is outside 1-1000");
    }
    try (Store store =
        root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()))) {
      List<AlertRow> rows =
          store.resolution().alerts(limit).stream().map(m -> row(store, m)).toList();
      format.print(
          spec.commandLine().getOut(),
          rows,
          List.of(
              "ID", "FOUND", "ENTITY", "NAME", "LIST ENTRY", "LISTED AS", "PROGRAMMES", "SCORE"),
          r ->
              List.of(
                  Long.toString(r.id()),
                  r.at(),
                  r.entity(),
                  r.caption(),
                  r.listEntity(),
                  r.listCaption(),
                  String.join(",", r.programmes()),
                  String.format(Locale.ROOT, "%.3f", r.score())));
      return 0;
    }
  }

  private static AlertRow row(Store store, PossibleMatch m) {
    String caption =
        store
            .statements()
            .entity(m.entityId(), org.vigil.access.Viewer.system())
            .map(org.vigil.model.Entity::caption)
            .orElse(m.entityId());
    return new AlertRow(
        m.id(),
        m.foundAt().toString(),
        m.entityId(),
        caption,
        m.listEntityId(),
        m.listCaption(),
        m.dataset(),
        m.programmes(),
        m.score(),
        m.explanation(),
        m.reviewed() ? "reviewed" : "new");
  }
}
