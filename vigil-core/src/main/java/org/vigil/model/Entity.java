/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity as one reader sees it: assembled from the statements that reader may see, of the
 * records that resolution has judged to be the same thing.
 *
 * @param id the canonical id
 * @param schema the most specific schema its statements agree on
 * @param memberIds the ids of the records merged into it, the canonical id among them
 * @param statements its statements, in a stable order (property, then value)
 */
public record Entity(String id, Schema schema, List<String> memberIds, List<Statement> statements) {

  public Entity {
    requireNonNull(id, "id");
    requireNonNull(schema, "schema");
    memberIds = List.copyOf(memberIds);
    statements = List.copyOf(statements);
  }

  /**
   * Assembles an entity from statements, choosing the most specific schema they agree on.
   *
   * @throws IllegalArgumentException if there are no statements
   */
  public static Entity assemble(
      String id, Collection<String> memberIds, List<Statement> statements) {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("an entity needs at least one statement: " + id);
    }
    List<Statement> sorted = new ArrayList<>(statements);
    sorted.sort(
        java.util.Comparator.comparing(Statement::property)
            .thenComparing(Statement::value)
            .thenComparing(Statement::id));
    return new Entity(
        id, commonSchema(sorted), List.copyOf(new LinkedHashSet<>(memberIds)), sorted);
  }

  /** The distinct values of a property, in statement order. */
  public List<String> values(String property) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (Statement s : statements) {
      if (s.property().equals(property)) {
        values.add(s.value());
      }
    }
    return List.copyOf(values);
  }

  public Optional<String> first(String property) {
    return values(property).stream().findFirst();
  }

  /** Statements grouped by property, in property order. */
  public Map<String, List<Statement>> byProperty() {
    Map<String, List<Statement>> out = new LinkedHashMap<>();
    for (Statement s : statements) {
      out.computeIfAbsent(s.property(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  /** What to call the entity on screen: its name, else its title, else its id. */
  public String caption() {
    return first("name").or(() -> first("title")).orElse(id);
  }

  private static Schema commonSchema(List<Statement> statements) {
    Map<Schema, Integer> counts = new LinkedHashMap<>();
    for (Statement s : statements) {
      counts.merge(s.schema(), 1, Integer::sum);
    }
    return mostSpecific(counts);
  }

  /**
   * The schema that specialises every other one counted (Person over LegalEntity), else the most
   * frequent; {@code counts} says how many statements named each schema, in first-seen order.
   */
  static Schema mostSpecific(Map<Schema, Integer> counts) {
    for (Schema candidate : counts.keySet()) {
      boolean specialisesAll = true;
      for (Schema other : counts.keySet()) {
        if (!candidate.isA(other.ftmName())) {
          specialisesAll = false;
          break;
        }
      }
      if (specialisesAll) {
        return candidate;
      }
    }
    // The sources disagree (one says Person, another Organization): take the majority, and the
    // disagreement stays visible in the statements themselves.
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
