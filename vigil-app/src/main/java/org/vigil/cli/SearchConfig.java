/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.model.InvalidValueException;
import org.vigil.search.SearchIndex;

/**
 * Which search engine a command's store uses: the Lucene index in the data directory (the default),
 * or the OpenSearch cluster at $VIGIL_SEARCH_URL behind the alias $VIGIL_SEARCH_INDEX (default
 * "vigil"), so that several nodes on one PostgreSQL share one index.
 *
 * @param url the cluster; empty for the embedded Lucene index
 */
record SearchConfig(Optional<URI> url, String alias, int shards, int replicas) {
  static final String DEFAULT_ALIAS = "vigil";
  static final int DEFAULT_SHARDS = 1;
  static final int DEFAULT_REPLICAS = 1;

  /** Read from the environment; bad numbers or URLs are the user's error. */
  static SearchConfig from(Function<String, Optional<String>> env) {
    try {
      return new SearchConfig(
          env.apply("VIGIL_SEARCH_URL").filter(u -> !u.isBlank()).map(URI::create),
          env.apply("VIGIL_SEARCH_INDEX").filter(a -> !a.isBlank()).orElse(DEFAULT_ALIAS),
          env.apply("VIGIL_SEARCH_SHARDS").map(Integer::parseInt).orElse(DEFAULT_SHARDS),
          env.apply("VIGIL_SEARCH_REPLICAS").map(Integer::parseInt).orElse(DEFAULT_REPLICAS));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("bad VIGIL_SEARCH_* setting: " + e.getMessage());
    }
  }

  /** Opens the OpenSearch index, if this configuration names a cluster. */
  Optional<Function<SearchIndex.Resolver, SearchIndex>> openSearch() {
    return url.map(u -> resolver -> SearchIndex.openSearch(u, alias, shards, replicas, resolver));
  }
}
