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
  private final PartFacts partFacts;
  private final PartFacts nativePartFacts;

  WeighedName(NormalisedName name, TokenWeights weights) {
    this.name = requireNonNull(name, "name");
    this.weights = requireNonNull(weights, "weights");
    this.partFacts = new PartFacts(name.parts(), name.script(), weights);
    this.nativePartFacts = new PartFacts(name.nativeParts(), name.script(), weights);
  }

  /**
   * What comparison asks of each part of one list of parts, by the part's index, packed in one
   * array ({@value #STRIDE} longs a part), so that comparing a query with a candidate reads one
   * array of the candidate's rather than its parts and their strings: the part's weight; whether it
   * is a familiar form of a given name, written in an abjad, a number, a number or a Roman numeral,
   * a country or continent; the lengths and first letters of its form and surface; the letters of
   * its form and of its surface as sets ({@link #letters}); and its skeletons as a set of 64 bits
   * (one bit per skeleton's hash modulo 64): two parts whose sets do not meet share no skeleton.
   */
  static final class PartFacts {
    static final int STRIDE = 6;
    private static final long ABJAD = 1;
    private static final long NUMERIC = 2;
    private static final long NUMERAL = 4;
    private static final long NICKNAME = 8;
    private static final long PLACE = 16;
    private final long[] packed;

    private PartFacts(List<NamePart> parts, Script script, TokenWeights weights) {
      packed = new long[parts.size() * STRIDE];
      boolean[] nicknames = Nicknames.flags(parts);
      for (int i = 0; i < parts.size(); i++) {
        NamePart part = parts.get(i);
        long flags =
            (NameMatcher.abjad(part, script) ? ABJAD : 0)
                | (part.isNumeric() ? NUMERIC : 0)
                | (NameMatcher.isNumeral(part) ? NUMERAL : 0)
                | (nicknames[i] ? NICKNAME : 0)
                | (PlaceWords.isPlace(part.form()) ? PLACE : 0);
        String form = part.form();
        String surface = part.surface();
        long lengths =
            Math.min(form.length(), 0xFFFF) | (long) Math.min(surface.length(), 0xFFFF) << 16;
        long firsts =
            (form.isEmpty() ? 0 : form.charAt(0))
                | (long) (surface.isEmpty() ? 0 : surface.charAt(0)) << 16;
        long skeletons = 0;
        for (String skeleton : part.skeletons()) {
          if (!skeleton.isEmpty()) {
            skeletons |= 1L << (skeleton.hashCode() & 63);
          }
        }
        int at = i * STRIDE;
        packed[at] = WeighedName.letters(form);
        packed[at + 1] = WeighedName.letters(surface);
        packed[at + 2] = skeletons;
        packed[at + 3] = flags | lengths << 8;
        packed[at + 4] = Double.doubleToRawLongBits(weights.weight(form));
        packed[at + 5] = firsts;
      }
    }

    long formLetters(int i) {
      return packed[i * STRIDE];
    }

    long letters(int i) {
      return packed[i * STRIDE + 1];
    }

    long skeletons(int i) {
      return packed[i * STRIDE + 2];
    }

    private long bits(int i) {
      return packed[i * STRIDE + 3];
    }

    boolean abjad(int i) {
      return (bits(i) & ABJAD) != 0;
    }

    boolean numeric(int i) {
      return (bits(i) & NUMERIC) != 0;
    }

    boolean numeral(int i) {
      return (bits(i) & NUMERAL) != 0;
    }

    boolean nickname(int i) {
      return (bits(i) & NICKNAME) != 0;
    }

    /** Whether the part is the name of a country or continent ({@link PlaceWords}). */
    boolean place(int i) {
      return (bits(i) & PLACE) != 0;
    }

    int formLength(int i) {
      return (int) (bits(i) >>> 8) & 0xFFFF;
    }

    int surfaceLength(int i) {
      return (int) (bits(i) >>> 24) & 0xFFFF;
    }

    char firstOfForm(int i) {
      return (char) packed[i * STRIDE + 5];
    }

    char firstOfSurface(int i) {
      return (char) (packed[i * STRIDE + 5] >>> 16);
    }

    double weight(int i) {
      return Double.longBitsToDouble(packed[i * STRIDE + 4]);
    }
  }

  /**
   * The characters of {@code text} as a set of 64 bits, one bit per character modulo 64. Each edit
   * (insertion, deletion, substitution, swap) changes at most two bits of the difference of two
   * such sets, so half the bits two strings do not share is a lower bound on their edit distance;
   * characters that share a bit only make the bound smaller, never wrong.
   */
  static long letters(String text) {
    long set = 0;
    for (int i = 0; i < text.length(); i++) {
      set |= 1L << (text.charAt(i) & 63);
    }
    return set;
  }

  public NormalisedName name() {
    return name;
  }

  TokenWeights weights() {
    return weights;
  }

  /** What comparison asks of the parts compared: the native ones or the romanised ones. */
  PartFacts facts(boolean nativeParts) {
    return nativeParts ? nativePartFacts : partFacts;
  }
}
