/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One edge as given to a {@link GraphBuilder}: its id (the evidence handle callers show), its
 * endpoints by node id, its FtM interval schema (Membership, Family, ...), a positive weight, and
 * an optional date and extraction confidence in [0, 1].
 */
public record EdgeData(
    String id,
    String source,
    String target,
    String schema,
    double weight,
    Optional<LocalDate> date,
    OptionalDouble confidence) {

  /** The schema given to edges that name none. */
  public static final String UNKNOWN_LINK = "UnknownLink";

  public EdgeData {
    requireNonNull(id, "id");
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    requireNonNull(schema, "schema");
    requireNonNull(date, "date");
    requireNonNull(confidence, "confidence");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("edge " + id + " has weight " + weight + "; need > 0");
    }
    if (confidence.isPresent()
        && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          "edge " + id + " has confidence " + confidence.getAsDouble() + "; need 0..1");
    }
  }

  /** An undated edge of weight 1 and schema UnknownLink, with no confidence. */
  public static EdgeData of(String id, String source, String target) {
    return new EdgeData(
        id, source, target, UNKNOWN_LINK, 1.0, Optional.empty(), OptionalDouble.empty());
  }

  public EdgeData withSchema(String newSchema) {
    return new EdgeData(id, source, target, newSchema, weight, date, confidence);
  }

  public EdgeData withWeight(double newWeight) {
    return new EdgeData(id, source, target, schema, newWeight, date, confidence);
  }

  public EdgeData withDate(LocalDate newDate) {
    return new EdgeData(id, source, target, schema, weight, Optional.of(newDate), confidence);
  }

  public EdgeData withConfidence(double newConfidence) {
    return new EdgeData(id, source, target, schema, weight, date, OptionalDouble.of(newConfidence));
  }
}
