/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.app.Plural;
import org.vigil.search.SearchIndex;
import org.vigil.search.SearchUnavailableException;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vigil reindex}: rebuilds the search index from the statements, in the store's own index or
 * (with {@code --target opensearch}) in an OpenSearch cluster, behind an alias that swaps to the
 * new index only when it is complete.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the search index from the stored statements.",
      "With --target opensearch the index is built in an OpenSearch cluster (a new index behind"
          + " the alias, swapped in when complete): how an existing store moves its search there."
    })
final class ReindexCommand implements Callable<Integer> {
  /** Where the index is built. */
  enum Target {
    lucene,
    opensearch
  }

  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--target",
      paramLabel = "ENGINE",
      description = "lucene (the store's own index, the default) or opensearch.")
  Target target = Target.lucene;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "The OpenSearch cluster, e.g. http://127.0.0.1:9200 (default: $VIGIL_SEARCH_URL).")
  URI url;

  @Option(
      names = "--index",
      paramLabel = "ALIAS",
      description = "The alias searches use in OpenSearch (default: ${DEFAULT-VALUE}).")
  String alias = SearchConfig.DEFAULT_ALIAS;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "Primary shards of a new OpenSearch index (default: ${DEFAULT-VALUE}).")
  int shards = SearchConfig.DEFAULT_SHARDS;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
  int replicas = SearchConfig.DEFAULT_REPLICAS;

  @Override
  public Integer call() {
    Optional<URI> cluster =
        Optional.ofNullable(url).or(() -> root.env().apply("VIGIL_SEARCH_URL").map(URI::create));
    if (target == Target.opensearch && cluster.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--target opensearch needs --url URL (or $VIGIL_SEARCH_URL)");
    }
    if (target == Target.lucene && url != null) {
      throw new ParameterException(spec.commandLine(), "--url goes with --target opensearch");
    }
    Store store = root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
    try {
      long started = System.nanoTime();
      long count;
      String where;
      if (target == Target.opensearch) {
        try (SearchIndex index =
            SearchIndex.openSearch(
                cluster.orElseThrow(), alias, shards, replicas, SearchIndex.Resolver.none())) {
          count = store.reindexInto(index);
        } catch (SearchUnavailableException | IllegalArgumentException e) {
          throw new CliFailure(e.getMessage());
        }
        where = " into " + alias + " at " + cluster.orElseThrow();
      } else {
        count = store.reindex();
        where = "";
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      CliAudit.admin(
          store,
          root,
          "search-index",
          "rebuilt" + where + ": " + Plural.of(count, "entity", "entities"));
      spec.commandLine()
          .getOut()
          .println(
              "Indexed "
                  + Plural.of(count, "entity", "entities")
                  + where
                  + " in "
                  + millis
                  + " ms.");
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      store.close();
    }
  }
}
