/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.vigil.extract.MentionType;

/**
 * A candidate pair's features and its gold label.
 *
 * @param features the pair's features
 * @param label its gold label
 * @param head the type of the pair's head
 * @param tail the type of its tail
 */
public record TrainingExample(
    List<String> features, RelationLabel label, MentionType head, MentionType tail) {
  public TrainingExample {
    features = List.copyOf(features);
    requireNonNull(label, "label");
    requireNonNull(head, "head");
    requireNonNull(tail, "tail");
  }
}
