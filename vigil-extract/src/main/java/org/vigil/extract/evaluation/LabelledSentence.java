/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One sentence of a relation corpus, its tokens joined by spaces, and its gold relations. */
public record LabelledSentence(String text, List<GoldPair> gold) {
  public LabelledSentence {
    requireNonNull(text, "text");
    gold = List.copyOf(gold);
  }
}
