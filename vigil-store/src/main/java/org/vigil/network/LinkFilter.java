/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;

/**
 * Which links a query may follow: FtM edge schemata (Membership, Employment, ...; "Event" for the
 * links from an event to those involved; empty for all), a date range (inclusive; an undated link
 * cannot be shown to fall in it and is left out), a minimum confidence and a minimum source
 * reliability (B admits A and B); and the links left out by id (the id of the link or event entity
 * that states them), for callers that weigh links the store cannot (an analyst's credibility
 * filter) and must leave them out before an analysis runs, not after.
 */
public record LinkFilter(
    SortedSet<String> schemas,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    double minConfidence,
    Optional<Reliability> minGrade,
    SortedSet<String> without) {

  /** The schema name of the links from an event to the entities it involves. */
  public static final String EVENT = "Event";

  public static final LinkFilter ALL =
      new LinkFilter(new TreeSet<>(), Optional.empty(), Optional.empty(), 0.0, Optional.empty());

  /** A filter that leaves out no link by id. */
  public LinkFilter(
      SortedSet<String> schemas,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      double minConfidence,
      Optional<Reliability> minGrade) {
    this(schemas, from, to, minConfidence, minGrade, new TreeSet<>());
  }

  /**
   * @throws InvalidValueException naming an unknown or non-edge schema, a confidence outside 0..1
   *     or an empty date range
   */
  public LinkFilter {
    requireNonNull(schemas, "schemas");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(minGrade, "minGrade");
    without = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(without, "without")));
    TreeSet<String> copy = new TreeSet<>();
    for (String name : schemas) {
      if (!name.equals(EVENT) && Schema.find(name).filter(Schema::isEdge).isEmpty()) {
        throw new InvalidValueException(
            "'" + name + "' is not a link schema; use " + String.join(", ", linkSchemas()));
      }
      copy.add(name);
    }
    schemas = Collections.unmodifiableSortedSet(copy);
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new InvalidValueException(
          "minimum confidence " + minConfidence + " is outside 0.0..1.0");
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new InvalidValueException(
          "the date range " + from.get() + " to " + to.get() + " is empty");
    }
  }

  /** The names a filter accepts: the FtM edge schemata and "Event". */
  public static SortedSet<String> linkSchemas() {
    TreeSet<String> names = new TreeSet<>();
    for (Schema s : Schema.values()) {
      if (s.isEdge()) {
        names.add(s.ftmName());
      }
    }
    names.add(EVENT);
    return Collections.unmodifiableSortedSet(names);
  }

  public boolean admitsAll() {
    return schemas.isEmpty()
        && from.isEmpty()
        && to.isEmpty()
        && minConfidence == 0.0
        && minGrade.isEmpty()
        && without.isEmpty();
  }

  /** This filter, also leaving out the links stated by these ids. */
  public LinkFilter leavingOut(Collection<String> ids) {
    TreeSet<String> all = new TreeSet<>(without);
    all.addAll(ids);
    return new LinkFilter(schemas, from, to, minConfidence, minGrade, all);
  }
}
