/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

import org.vigil.model.InvalidValueException;

/**
 * The result of comparing two names.
 *
 * @param score how likely the names denote the same entity, in [0, 1]
 * @param explanation which parts aligned and how
 */
public record NameComparison(double score, NameExplanation explanation) {
  public NameComparison {
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new InvalidValueException("a name score must be in [0, 1], not " + score);
    }
    requireNonNull(explanation, "explanation");
  }
}
