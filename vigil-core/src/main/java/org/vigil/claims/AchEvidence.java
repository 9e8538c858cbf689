/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;

/**
 * One row of an ACH matrix: an item of evidence (usually a claim), the independent origin it comes
 * from (empty when unknown: then it is its own), and its grades, which weigh it.
 */
public record AchEvidence(
    String id,
    String label,
    Optional<String> origin,
    Reliability reliability,
    Credibility credibility) {

  public AchEvidence {
    requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 256) {
      throw new InvalidValueException("'" + id + "' is not an evidence id");
    }
    requireNonNull(label, "label");
    requireNonNull(origin, "origin");
    requireNonNull(reliability, "reliability");
    requireNonNull(credibility, "credibility");
  }

  /**
   * The weight of the item: the taxonomy's numerical values of its reliability and its credibility,
   * each read as a share of 100, multiplied (B2: 0.75 × 0.75).
   */
  public double weight() {
    return share(reliability) * share(credibility);
  }

  static double share(Reliability r) {
    return switch (r) {
      case A -> 1.0;
      case B -> 0.75;
      case C, F -> 0.5;
      case D -> 0.25;
      case E -> 0.0;
    };
  }

  static double share(Credibility c) {
    return switch (c) {
      case CONFIRMED -> 1.0;
      case PROBABLY_TRUE -> 0.75;
      case POSSIBLY_TRUE, CANNOT_BE_JUDGED -> 0.5;
      case DOUBTFUL -> 0.25;
      case IMPROBABLE -> 0.0;
    };
  }

  /** The origin the item counts under: its independent origin, or its own id when unknown. */
  String countedUnder() {
    return origin.orElse("item:" + id);
  }
}
