/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

/**
 * What a claim says, so that claims from different sources about the same thing meet: a subject (an
 * entity id, or the sorted ids of an event's participants), a predicate (a property, a relation's
 * schema, an event's kind) and a value. "MOIS and CIA — arrest — 17 spies" read in two reports is
 * one proposition.
 */
public record Proposition(String subject, String predicate, String value) {
  static final int MAX = 2_000;

  public Proposition {
    requireNonNull(subject, "subject");
    requireNonNull(predicate, "predicate");
    requireNonNull(value, "value");
    if (subject.isBlank() || predicate.isBlank()) {
      throw new IllegalArgumentException(
          "a proposition needs a subject and a predicate: '" + subject + "' '" + predicate + "'");
    }
    if (subject.length() + predicate.length() + value.length() > MAX) {
      throw new IllegalArgumentException("a proposition has at most " + MAX + " chars");
    }
  }

  /** A stable key for grouping: subject, predicate and value joined. */
  public String key() {
    return subject + "\u001f" + predicate + "\u001f" + value;
  }

  /** What a reader sees: "arrest of vigil-ir-mois, vigil-us-cia". */
  public String caption() {
    return value.isEmpty()
        ? predicate + " · " + subject
        : predicate + " · " + subject + " · " + value;
  }
}
