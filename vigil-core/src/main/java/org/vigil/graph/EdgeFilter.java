/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which edges a query may walk. An empty schema set admits every schema. A date range admits only
 * dated edges inside it (inclusive): an undated edge cannot be shown to fall in a period. An edge
 * without a confidence counts as certain (1.0), as list entries and analyst links are.
 */
public record EdgeFilter(
    SortedSet<String> schemas,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    double minConfidence) {

  /** Admits every edge. */
  public static final EdgeFilter ALL =
      new EdgeFilter(new TreeSet<>(), Optional.empty(), Optional.empty(), 0.0);

  public EdgeFilter {
    requireNonNull(schemas, "schemas");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence " + minConfidence + " is not in 0..1");
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new IllegalArgumentException(
          "date range " + from.get() + ".." + to.get() + " is empty");
    }
  }

  public EdgeFilter withSchemas(String... names) {
    return new EdgeFilter(new TreeSet<>(java.util.List.of(names)), from, to, minConfidence);
  }

  public EdgeFilter between(LocalDate start, LocalDate end) {
    return new EdgeFilter(schemas, Optional.of(start), Optional.of(end), minConfidence);
  }

  public EdgeFilter withMinConfidence(double minimum) {
    return new EdgeFilter(schemas, from, to, minimum);
  }

  boolean admits(Graph graph, int edge) {
    if (!schemas.isEmpty() && !schemas.contains(graph.edgeSchema(edge))) {
      return false;
    }
    if (graph.edgeConfidenceOrOne(edge) < minConfidence) {
      return false;
    }
    if (from.isEmpty() && to.isEmpty()) {
      return true;
    }
    long day = graph.edgeEpochDay(edge);
    if (day == Graph.NO_DATE) {
      return false;
    }
    return (from.isEmpty() || day >= from.get().toEpochDay())
        && (to.isEmpty() || day <= to.get().toEpochDay());
  }

  boolean admitsAll() {
    return schemas.isEmpty() && from.isEmpty() && to.isEmpty() && minConfidence == 0.0;
  }
}
