/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The matching documents of one canonical entity, as both search engines group them: the entity's
 * best score, its best few documents best first, and the markings of what matched. Not thread-safe:
 * one search fills its groups on one thread.
 *
 * @param <D> an engine's matching document
 */
final class HitGroup<D> {
  /** How many of an entity's best documents a hit keeps (for its snippets). */
  static final int DOCS_PER_HIT = 3;

  final String canonicalId;
  float best = Float.NEGATIVE_INFINITY;
  final List<D> docs = new ArrayList<>();
  final List<String> markings = new ArrayList<>(2);
  private final ToDoubleFunction<D> score;

  HitGroup(String canonicalId, ToDoubleFunction<D> score) {
    this.canonicalId = requireNonNull(canonicalId, "canonicalId");
    this.score = requireNonNull(score, "score");
  }

  /** Takes a matching document, keeping it if it is among the best few. */
  void add(D doc) {
    double s = score.applyAsDouble(doc);
    best = (float) Math.max(best, s);
    if (docs.size() == DOCS_PER_HIT) {
      if (s <= score.applyAsDouble(docs.get(DOCS_PER_HIT - 1))) {
        return;
      }
      docs.remove(DOCS_PER_HIT - 1);
    }
    int at = docs.size();
    while (at > 0 && score.applyAsDouble(docs.get(at - 1)) < s) {
      at--;
    }
    docs.add(at, doc);
  }

  /** Notes a marking of what matched, once. */
  void mark(String marking) {
    if (!markings.contains(marking)) {
      markings.add(marking);
    }
  }

  /** The first {@code limit} groups, best score first, ties by canonical id. */
  static <D> List<HitGroup<D>> page(Collection<HitGroup<D>> groups, int limit) {
    List<HitGroup<D>> ranked = new ArrayList<>(groups);
    ranked.sort(
        Comparator.comparingDouble((HitGroup<D> g) -> -g.best)
            .thenComparing((HitGroup<D> g) -> g.canonicalId));
    return ranked.subList(0, Math.min(limit, ranked.size()));
  }
}
