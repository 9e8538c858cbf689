/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
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
          + " programmes, the score and why it matched. A possible match is never a merge.",
      "Each alert is found for the users who may read the statements that raised it; with --as,"
          + " only that user's alerts are listed."
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

  @Option(
      names = "--as",
      paramLabel = "USER",
      description =
          "List the alerts this user may see, as they see them; default: the operator, who sees"
              + " every user's.")
  String asUser;

  /** One alert as printed. */
  record AlertRow(
      long id,
      String at,
      String entity,
      String caption,
      String listEntity,
      String listId,
      String listCaption,
      String dataset,
      List<String> programmes,
      double score,
      List<String> explanation,
      String status,
      String change,
      String reviewedBy) {}

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1_000) {
      throw new ParameterException(spec.commandLine(), "--limit " + limit + " is outside 1-1000");
    }
    try (Store store = storeOptions.open(root)) {
      Viewer viewer = viewer(store);
      List<AlertRow> rows = new ArrayList<>();
      for (PossibleMatch m : store.resolution().alerts(viewer, limit)) {
        // An alert on an entity the user may not see is left out, as the API leaves it out.
        store
            .statements()
            .entity(m.entityId(), viewer)
            .ifPresent(entity -> rows.add(row(entity, m)));
      }
      format.print(
          spec.commandLine().getOut(),
          rows,
          List.of(
              "ID",
              "FOUND",
              "CHANGE",
              "ENTITY",
              "NAME",
              "LIST ENTRY",
              "LISTED AS",
              "PROGRAMMES",
              "SCORE",
              "STATUS"),
          r ->
              List.of(
                  Long.toString(r.id()),
                  r.at(),
                  r.change(),
                  r.entity(),
                  r.caption(),
                  r.listEntity(),
                  r.listCaption(),
                  String.join(",", r.programmes()),
                  String.format(Locale.ROOT, "%.3f", r.score()),
                  r.status()));
      return 0;
    }
  }

  private Viewer viewer(Store store) {
    if (asUser == null) {
      return Viewer.system();
    }
    return store
        .accounts()
        .userByName(asUser)
        .map(u -> store.accounts().viewer(u))
        .orElseThrow(() -> new CliFailure("no user named '" + asUser + "'"));
  }

  private static AlertRow row(Entity entity, PossibleMatch m) {
    return new AlertRow(
        m.id(),
        m.foundAt().toString(),
        m.entityId(),
        entity.caption(),
        m.listEntityId(),
        m.listEntryId(),
        m.listCaption(),
        m.dataset(),
        m.programmes(),
        m.score(),
        m.explanation(),
        m.reviewed() ? "reviewed" : "new",
        m.change().code(),
        m.review().map(PossibleMatch.Review::by).orElse(""));
  }
}
