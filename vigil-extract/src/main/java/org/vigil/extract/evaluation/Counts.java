/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

/**
 * Gold items, predicted items and the predictions that found a gold item.
 *
 * @param gold how many gold items
 * @param predicted how many predictions
 * @param matched how many predictions found a gold item (each gold item found at most once)
 */
public record Counts(int gold, int predicted, int matched) {
  public static final Counts ZERO = new Counts(0, 0, 0);

  public Counts {
    if (gold < 0 || predicted < 0 || matched < 0 || matched > gold || matched > predicted) {
      throw new IllegalArgumentException(
          "counts gold " + gold + ", predicted " + predicted + ", matched " + matched);
    }
  }

  public Counts plus(Counts other) {
    return new Counts(gold + other.gold, predicted + other.predicted, matched + other.matched);
  }

  /** Matched / predicted; 0 when nothing was predicted. */
  public double precision() {
    return predicted == 0 ? 0 : (double) matched / predicted;
  }

  /** Matched / gold; 0 when there is no gold item. */
  public double recall() {
    return gold == 0 ? 0 : (double) matched / gold;
  }

  /** The harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
