/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;

/**
 * The training examples of a parsed gold sentence: one per candidate pair, labelled with its gold
 * relation, else NONE. A gold relation whose types no label fits is not taught.
 */
public final class TrainingExamples {
  private TrainingExamples() {}

  /** The examples of {@code gold}, parsed as {@code parsed} (its mentions are the gold ones). */
  public static List<TrainingExample> of(GoldSentence gold, MentionedSentence parsed) {
    List<Mention> mentions = gold.mentions();
    Map<String, RelationLabel> labels = new HashMap<>();
    for (GoldSentence.Link l : gold.links()) {
      labels.put(key(mentions.get(l.head()), mentions.get(l.tail())), l.label());
    }
    List<TrainingExample> out = new ArrayList<>();
    for (Candidate c : Candidates.of(parsed)) {
      RelationLabel label = labels.getOrDefault(key(c.head(), c.tail()), RelationLabel.NONE);
      if (label == RelationLabel.NONE
          && gold.onlyLabelledPlaces()
          && c.tail().type() == MentionType.LOCATION) {
        continue;
      }
      if (label != RelationLabel.NONE && !label.fits(c.head().type(), c.tail().type())) {
        continue;
      }
      out.add(
          new TrainingExample(PairFeatures.of(parsed, c), label, c.head().type(), c.tail().type()));
    }
    return out;
  }

  private static String key(Mention head, Mention tail) {
    return head.start() + ":" + head.end() + ">" + tail.start() + ":" + tail.end();
  }
}
