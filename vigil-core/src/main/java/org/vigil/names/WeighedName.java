/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A normalised name with the weight of each of its parts (and of its parts in its own script) as
 * one {@link NameMatcher} counts them, and which parts are familiar forms of given names, worked
 * out once: a screener weighs every list name when it builds its index and each query once, instead
 * of looking the same weights up for every pair it compares. The same holds for what else a
 * comparison asks of each part: whether it is written in an abjad, whether it is a number, and the
 * letters it has (which bound an edit distance from below). Made by {@link NameMatcher#weigh}; only
 * that matcher may compare it.
 */
public final class WeighedName {
  private final NormalisedName name;
  private final TokenWeights weights;
  private final double[] partWeights;
  private final double[] nativePartWeights;
  private final boolean[] partNicknames;
  private final boolean[] nativePartNicknames;
  private final PartFacts partFacts;
  private final PartFacts nativePartFacts;

  /**
   * What comparison asks of each part of one list of parts, by the part's index: whether it is
   * written in an abjad, whether it is a number, whether it is a number or a Roman numeral, and
   * the letters of its form and of its surface as sets ({@link #letters}), and its skeletons as a
   * set of 64 bits (one bit per skeleton's hash modulo 64): two parts whose sets do not meet share
   * no skeleton.
   */
  record PartFacts(
      boolean[] abjad,
      boolean[] numeric,
      boolean[] numeral,
      long[] formLetters,
      long[] letters,
      long[] skeletons) {}

  WeighedName(NormalisedName name, TokenWeights weights) {
    this.name = requireNonNull(name, "name");
    this.weights = requireNonNull(weights, "weights");
    this.partWeights = weighParts(name.parts().size(), name, false, weights);
    this.nativePartWeights = weighParts(name.nativeParts().size(), name, true, weights);
    this.partNicknames = Nicknames.flags(name.parts());
    this.nativePartNicknames = Nicknames.flags(name.nativeParts());
    this.partFacts = facts(name.parts(), name.script());
    this.nativePartFacts = facts(name.nativeParts(), name.script());
  }

  private static PartFacts facts(List<NamePart> parts, Script script) {
    int n = parts.size();
    PartFacts facts =
        new PartFacts(
            new boolean[n], new boolean[n], new boolean[n], new long[n], new long[n], new long[n]);
    for (int i = 0; i < n; i++) {
      NamePart part = parts.get(i);
      facts.abjad()[i] = NameMatcher.abjad(part, script);
      facts.numeric()[i] = part.isNumeric();
      facts.numeral()[i] = NameMatcher.isNumeral(part);
      facts.formLetters()[i] = letters(part.form());
      facts.letters()[i] = letters(part.surface());
      for (String skeleton : part.skeletons()) {
        if (!skeleton.isEmpty()) {
          facts.skeletons()[i] |= 1L << (skeleton.hashCode() & 63);
        }
      }
    }
    return facts;
  }

  /**
   * The characters of {@code text} as a set of 64 bits, one bit per character modulo 64. Each
   * edit (insertion, deletion, substitution, swap) changes at most two bits of the difference of
   * two such sets, so half the bits two strings do not share is a lower bound on their edit
   * distance; characters that share a bit only make the bound smaller, never wrong.
   */
  static long letters(String text) {
    long set = 0;
    for (int i = 0; i < text.length(); i++) {
      set |= 1L << (text.charAt(i) & 63);
    }
    return set;
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

  /** What comparison asks of the parts compared: the native ones or the romanised ones. */
  PartFacts facts(boolean nativeParts) {
    return nativeParts ? nativePartFacts : partFacts;
  }

  /** Whether part {@code i} of the parts compared is a familiar form of a given name. */
  boolean nickname(boolean nativeParts, int i) {
    return nativeParts ? nativePartNicknames[i] : partNicknames[i];
  }
}
