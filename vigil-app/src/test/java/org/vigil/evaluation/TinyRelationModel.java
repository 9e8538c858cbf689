/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.util.List;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.learned.ModelProvenance;
import org.vigil.extract.relations.learned.PairFeatures;
import org.vigil.extract.relations.learned.RelationLabel;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationTrainer;
import org.vigil.extract.relations.learned.TrainingExample;

/**
 * A relation model trained on four hand-made examples (a "works" path is WORK_FOR, a "met" path
 * NONE), for tests of where models are kept and which one is scored.
 */
public final class TinyRelationModel {
  private TinyRelationModel() {}

  /** The model, recording training data of SHA-256 {@code sha}. */
  public static RelationModel trainedOn(String sha) {
    List<TrainingExample> examples =
        List.of(
            example("path|works", RelationLabel.WORK_FOR),
            example("path|works", RelationLabel.WORK_FOR),
            example("path|met", RelationLabel.NONE),
            example("path|met", RelationLabel.NONE));
    return RelationTrainer.train(
        examples, new ModelProvenance(sha, PairFeatures.VERSION, 1.0, 0.5, 1));
  }

  private static TrainingExample example(String feature, RelationLabel label) {
    return new TrainingExample(
        List.of(feature, "bias"), label, MentionType.PERSON, MentionType.ORGANIZATION);
  }
}
