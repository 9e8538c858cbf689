/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

/**
 * A normalised name with the weight of each of its parts (and of its parts in its own script) as
 * one {@link NameMatcher} counts them, and which parts are familiar forms of given names, worked
 * out once: a screener weighs every list name when it builds its index and each query once, instead
 * of looking the same weights up for every pair it compares. Made by {@link NameMatcher#weigh};
 * only that matcher may compare it.
 */
public final class WeighedName {
  private final NormalisedName name;
  private final TokenWeights weights;
  private final double[] partWeights;
  private final double[] nativePartWeights;
  private final boolean[] partNicknames;
  private final boolean[] nativePartNicknames;

  WeighedName(NormalisedName name, TokenWeights weights) {
    this.name = requireNonNull(name, "name");
    this.weights = requireNonNull(weights, "weights");
    this.partWeights = weighParts(name.parts().size(), name, false, weights);
    this.nativePartWeights = weighParts(name.nativeParts().size(), name, true, weights);
    this.partNicknames = Nicknames.flags(name.parts());
    this.nativePartNicknames = Nicknames.flags(name.nativeParts());
  }

  private static double[] weighParts(
      int count, NormalisedName name, boolean nativeParts, TokenWeights weights) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      NamePart part = nativeParts ? name.nativeParts().get(i) : name.parts().get(i);
      out[i] = weights.weight(part.form());
    }
    return out;
  }

  public NormalisedName name() {
    return name;
  }

  TokenWeights weights() {
    return weights;
  }

  /** The weight of part {@code i} of the parts compared: the native ones or the romanised ones. */
  double weight(boolean nativeParts, int i) {
    return nativeParts ? nativePartWeights[i] : partWeights[i];
  }

  /** Whether part {@code i} of the parts compared is a familiar form of a given name. */
  boolean nickname(boolean nativeParts, int i) {
    return nativeParts ? nativePartNicknames[i] : partNicknames[i];
  }
}
