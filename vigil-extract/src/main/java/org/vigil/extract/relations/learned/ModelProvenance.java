/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

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
 */
public record ModelProvenance(
    String trainingDataSha256, int featureVersion, double c, double threshold, long seed) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ModelProvenance {
    requireNonNull(trainingDataSha256, "trainingDataSha256");
    if (!SHA256.matcher(trainingDataSha256).matches()) {
      throw new IllegalArgumentException(
          trainingDataSha256 + " is not a SHA-256 in lower-case hex");
    }
    if (featureVersion < 1 || !(c > 0) || !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "feature version " + featureVersion + ", C " + c + ", threshold " + threshold);
    }
  }
}
