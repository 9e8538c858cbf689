/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.search.SearchResults;
import org.vigil.store.Store;

/**
 * What to call a relation record (an Employment, a Membership, a Sanction) on screen: its kind and
 * the names of the entities it joins, as the reader may see them ("Employment: Esmaeil Khatib →
 * Ministry of Intelligence and Security"), never its raw id ({@code x-employment-…}), which is what
 * its caption is when it has no name of its own.
 */
public final class RelationCaption {
  private final Store store;
  private final Viewer viewer;

  public RelationCaption(Store store, Viewer viewer) {
    this.store = requireNonNull(store, "store");
    this.viewer = requireNonNull(viewer, "viewer");
  }

  /** The hits, each relation record among them captioned by its ends. */
  public SearchResults captioned(SearchResults results) {
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (SearchResults.Hit hit : results.hits()) {
      hits.add(
          of(hit.entityId(), hit.schema(), hit.caption())
              .map(
                  caption ->
                      new SearchResults.Hit(
                          hit.entityId(),
                          hit.schema(),
                          caption,
                          hit.score(),
                          hit.snippets(),
                          hit.markings()))
              .orElse(hit));
    }
    return new SearchResults(results.total(), hits, results.facets());
  }

  /**
   * A caption for {@code id} when it is a relation record captioned by its id; empty for anything
   * else, whose own caption stands.
   */
  public Optional<String> of(String id, Schema schema, String caption) {
    if (schema.kind() == Schema.Kind.NODE || !caption.equals(id)) {
      return Optional.empty();
    }
    Optional<Entity> relation = store.statements().entity(id, viewer);
    if (relation.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(describe(relation, schema));
  }

  /**
   * What to call {@code entity} on screen: its own caption, or, for a relation record captioned by
   * its id, its kind and the names of its ends.
   */
  public String caption(Entity entity) {
    if (entity.schema().kind() == Schema.Kind.NODE || !entity.caption().equals(entity.id())) {
      return entity.caption();
    }
    return describe(Optional.of(entity), entity.schema());
  }

  private String describe(Optional<Entity> relation, Schema schema) {
    Optional<String> from =
        schema.sourceProperty().or(() -> Optional.of("entity")).flatMap(p -> end(relation, p));
    Optional<String> to = schema.targetProperty().flatMap(p -> end(relation, p));
    String kind = schema.ftmName();
    if (from.isPresent() && to.isPresent()) {
      return kind + ": " + from.get() + " → " + to.get();
    }
    return from.or(() -> to)
        .map(name -> kind + " of " + name)
        .orElse(kind + " (a relation record)");
  }

  private Optional<String> end(Optional<Entity> relation, String property) {
    return relation
        .flatMap(r -> r.first(property))
        .flatMap(id -> store.statements().entity(id, viewer))
        .map(Entity::caption);
  }
}
