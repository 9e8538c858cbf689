/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;
import org.vigil.store.Store;

/**
 * Finds the entity a command-line argument names: an id the viewer may see, else a search. A name
 * that one entity has exactly (as its name or an alias) picks it; else a search with a single hit;
 * anything else is ambiguous and fails listing the candidates.
 */
final class EntityLookup {
  private static final int CANDIDATES = 20;

  private final Store store;
  private final Viewer viewer;

  EntityLookup(Store store, Viewer viewer) {
    this.store = store;
    this.viewer = viewer;
  }

  /**
   * @throws CliFailure when nothing or several entities fit
   */
  String resolve(String argument) {
    if (PropertyType.isEntityId(argument)) {
      Optional<String> byId = store.network().find(argument, viewer);
      if (byId.isPresent()) {
        return byId.get();
      }
    }
    SearchResults results =
        store.search().search(new SearchQuery(argument, Optional.empty(), CANDIDATES), viewer);
    List<Candidate> candidates = new ArrayList<>();
    for (SearchResults.Hit hit : results.hits()) {
      if (hit.schema().kind() != Schema.Kind.NODE) {
        continue;
      }
      Optional<String> node = store.network().find(hit.entityId(), viewer);
      if (node.isEmpty() || candidates.stream().anyMatch(c -> c.id.equals(node.get()))) {
        continue;
      }
      Optional<Entity> entity = store.statements().entity(node.get(), viewer);
      boolean exact =
          entity.isPresent()
              && (entity.get().values("name").stream().anyMatch(n -> same(n, argument))
                  || entity.get().values("alias").stream().anyMatch(n -> same(n, argument)));
      candidates.add(new Candidate(node.get(), hit.schema().ftmName(), hit.caption(), exact));
    }
    List<Candidate> exact = candidates.stream().filter(c -> c.exact).toList();
    if (exact.size() == 1) {
      return exact.get(0).id;
    }
    if (exact.isEmpty() && candidates.size() == 1) {
      return candidates.get(0).id;
    }
    if (candidates.isEmpty()) {
      throw new CliFailure("no entity is named or has the id '" + argument + "'");
    }
    List<Candidate> listed = exact.isEmpty() ? candidates : exact;
    StringBuilder message =
        new StringBuilder("'").append(argument).append("' is ambiguous; name one of these by id:");
    for (Candidate c : listed) {
      message
          .append(System.lineSeparator())
          .append("  ")
          .append(c.id)
          .append("  ")
          .append(c.schema)
          .append("  ")
          .append(c.caption);
    }
    throw new CliFailure(message.toString());
  }

  private static boolean same(String a, String b) {
    return fold(a).equals(fold(b));
  }

  private static String fold(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private record Candidate(String id, String schema, String caption, boolean exact) {}
}
