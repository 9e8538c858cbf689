/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.List;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Relation;

/**
 * What the relation model read in one sentence: links as FtM edges, places of people, organisations
 * and places as properties, killings as events; each with extractor {@value
 * ReadLearnedRelations#EXTRACTOR} and the model's probability as its confidence.
 */
public record LearnedReading(
    List<Relation> relations, List<ExtractedProperty> properties, List<ExtractedEvent> events) {
  public static final LearnedReading NOTHING = new LearnedReading(List.of(), List.of(), List.of());

  public LearnedReading {
    relations = List.copyOf(relations);
    properties = List.copyOf(properties);
    events = List.copyOf(events);
  }
}
