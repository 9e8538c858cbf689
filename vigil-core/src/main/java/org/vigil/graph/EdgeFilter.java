/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Which edges a query may walk. An empty schema set admits every schema. A date range admits only
 * dated edges inside it (inclusive): an undated edge cannot be shown to fall in a period. An edge
 * without a confidence counts as certain (1.0), as list entries and analyst links are.
 *
 * <p>{@code edges}, when present, is asked last about each edge by its number (the order in which
 * the {@link GraphBuilder} was given the edges): the caller's own rule, such as what a reader may
 * see, that the graph does not hold.
 */
public record EdgeFilter(
    SortedSet<String> schemas,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    double minConfidence,
    Optional<IntPredicate> edges) {

  /** Admits every edge. */
  public static final EdgeFilter ALL =
      new EdgeFilter(new TreeSet<>(), Optional.empty(), Optional.empty(), 0.0, Optional.empty());

  public EdgeFilter(
      SortedSet<String> schemas,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      double minConfidence) {
    this(schemas, from, to, minConfidence, Optional.empty());
  }

  public EdgeFilter {
    requireNonNull(schemas, "schemas");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(edges, "edges");
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
    return new EdgeFilter(new TreeSet<>(java.util.List.of(names)), from, to, minConfidence, edges);
  }

  public EdgeFilter between(LocalDate start, LocalDate end) {
    return new EdgeFilter(schemas, Optional.of(start), Optional.of(end), minConfidence, edges);
  }

  public EdgeFilter withMinConfidence(double minimum) {
    return new EdgeFilter(schemas, from, to, minimum, edges);
  }

  /** This filter, and also the caller's test of each edge number. */
  public EdgeFilter onlyEdges(IntPredicate test) {
    requireNonNull(test, "test");
    return new EdgeFilter(schemas, from, to, minConfidence, Optional.of(test));
  }

  boolean admits(Graph graph, int edge) {
    if (!schemas.isEmpty() && !schemas.contains(graph.edgeSchema(edge))) {
      return false;
    }
    if (graph.edgeConfidenceOrOne(edge) < minConfidence) {
      return false;
    }
    if (from.isPresent() || to.isPresent()) {
      long day = graph.edgeEpochDay(edge);
      if (day == Graph.NO_DATE
          || (from.isPresent() && day < from.get().toEpochDay())
          || (to.isPresent() && day > to.get().toEpochDay())) {
        return false;
      }
    }
    return edges.isEmpty() || edges.get().test(edge);
  }

  boolean admitsAll() {
    return schemas.isEmpty()
        && from.isEmpty()
        && to.isEmpty()
        && minConfidence == 0.0
        && edges.isEmpty();
  }
}
