/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a relation model was made from and how, written into its file.
 *
 * @param trainingDataSha256 the SHA-256 of its training data, in hex: of the list of the files'
 *     names and SHA-256 digests, so the same files give the same digest wherever they lie
 * @param featureVersion the {@link PairFeatures#VERSION} it was trained on
 * @param c the solver's inverse regularisation strength
 * @param threshold the least probability at which a relation is read
 * @param seed the solver's random seed
 * @param thresholds the least probability of some labels, where it is not {@code threshold} (chosen
 *     end to end, where a label's findings are wrong more often than its pairs of gold mentions
 *     suggest)
 */
public record ModelProvenance(
    String trainingDataSha256,
    int featureVersion,
    double c,
    double threshold,
    long seed,
    Map<RelationLabel, Double> thresholds) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** A provenance with one threshold for every label. */
  public ModelProvenance(
      String trainingDataSha256, int featureVersion, double c, double threshold, long seed) {
    this(trainingDataSha256, featureVersion, c, threshold, seed, Map.of());
  }

  public ModelProvenance {
    requireNonNull(trainingDataSha256, "trainingDataSha256");
    requireNonNull(thresholds, "thresholds");
    EnumMap<RelationLabel, Double> copy = new EnumMap<>(RelationLabel.class);
    for (Map.Entry<RelationLabel, Double> e : thresholds.entrySet()) {
      if (e.getKey() == RelationLabel.NONE || !(e.getValue() > 0 && e.getValue() <= 1)) {
        throw new IllegalArgumentException("threshold " + e.getValue() + " of " + e.getKey());
      }
      if (e.getValue() != threshold) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    thresholds = Collections.unmodifiableMap(copy);
    if (!SHA256.matcher(trainingDataSha256).matches()) {
      throw new IllegalArgumentException(
          trainingDataSha256 + " is not a SHA-256 in lower-case hex");
    }
    if (featureVersion < 1 || !(c > 0) || !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "feature version " + featureVersion + ", C " + c + ", threshold " + threshold);
    }
  }

  /** The least probability at which {@code label} is read. */
  public double threshold(RelationLabel label) {
    return thresholds.getOrDefault(label, threshold);
  }
}
