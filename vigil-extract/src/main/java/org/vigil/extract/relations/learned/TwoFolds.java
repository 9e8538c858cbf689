/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

/**
 * The two halves of a training corpus for a two-fold check: a model trained without one half reads
 * that half, so that what is chosen from those readings (C, thresholds) is chosen on text the model
 * did not learn from, without a development split. A sentence's half follows from its text alone
 * (tokens joined by spaces, the same in the training and the evaluation readers), so a sentence
 * that the corpus holds twice lies in one half, and every reader of the corpus agrees on the
 * halves.
 */
public final class TwoFolds {
  /** How many folds there are. */
  public static final int FOLDS = 2;

  private TwoFolds() {}

  /** The fold of the sentence {@code text}: 0 or 1. */
  public static int of(String text) {
    // String.hashCode is fixed by the language's specification: the same on every JVM.
    return Math.floorMod(text.hashCode() * 0x9E3779B9, FOLDS * 1024) / 1024;
  }
}
