/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.vigil.extract.Mention;

/**
 * One sentence of a relation corpus, its tokens joined by spaces, its gold relations and its gold
 * entity mentions (extractor {@link Mention#GIVEN}), for the setting where the mentions are given.
 */
public record LabelledSentence(String text, List<GoldPair> gold, List<Mention> entities) {
  public LabelledSentence {
    requireNonNull(text, "text");
    gold = List.copyOf(gold);
    entities = List.copyOf(entities);
  }

  /** A sentence whose gold entities are not kept. */
  public LabelledSentence(String text, List<GoldPair> gold) {
    this(text, gold, List.of());
  }
}
