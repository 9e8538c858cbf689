/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Attribution;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.Relation;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.model.Schema;

/**
 * The extraction step that runs the relation model over a sentence's candidate pairs and turns what
 * it reads into Vigil's findings: WORK_FOR an Employment, IN_CHARGE_OF an Employment with role
 * "leader", MEMBER_OF a Membership, FOUNDED_BY an Employment with role "founder", OWNED_BY an
 * Ownership (owner to asset), KILL a killing event (perpetrator, victim), LIVE_IN, BASED_IN,
 * RESIDENCE and HEADQUARTERS an address, BORN_IN a birthplace, LOCATED_IN a place's country;
 * CITIZEN_OF and IN_TERRITORY nothing. Thread-safe.
 */
public final class ReadLearnedRelations {
  /** The extractor name of everything the model reads. */
  public static final String EXTRACTOR = "model:relations";

  private final RelationModel model;

  public ReadLearnedRelations(RelationModel model) {
    this.model = requireNonNull(model, "model");
  }

  public RelationModel model() {
    return model;
  }

  /** What the model reads in {@code s}; often nothing. */
  public LearnedReading read(MentionedSentence s) {
    List<Relation> relations = new ArrayList<>();
    List<ExtractedProperty> properties = new ArrayList<>();
    List<ExtractedEvent> events = new ArrayList<>();
    for (Candidate c : Candidates.of(s)) {
      RelationModel.Prediction p =
          model.classify(PairFeatures.of(s, c), c.head().type(), c.tail().type());
      Mention h = c.head();
      Mention t = c.tail();
      double conf = p.probability();
      switch (p.label()) {
        case NONE -> {}
        case WORK_FOR ->
            relations.add(relation(s, Schema.EMPLOYMENT, h, t, Optional.empty(), conf));
        case IN_CHARGE_OF ->
            relations.add(relation(s, Schema.EMPLOYMENT, h, t, Optional.of("leader"), conf));
        case MEMBER_OF ->
            relations.add(relation(s, Schema.MEMBERSHIP, h, t, Optional.empty(), conf));
        case FOUNDED_BY ->
            relations.add(relation(s, Schema.EMPLOYMENT, t, h, Optional.of("founder"), conf));
        case OWNED_BY -> relations.add(relation(s, Schema.OWNERSHIP, t, h, Optional.empty(), conf));
        case KILL -> events.add(killing(s, h, t, conf));
        case LIVE_IN, BASED_IN, RESIDENCE, HEADQUARTERS ->
            properties.add(property(s, h, "address", t, conf));
        case BORN_IN -> properties.add(property(s, h, "birthPlace", t, conf));
        case LOCATED_IN -> properties.add(property(s, h, "country", t, conf));
        // Taught only so that the model tells them from a residence or a headquarters.
        case CITIZEN_OF, IN_TERRITORY -> {}
      }
    }
    return new LearnedReading(relations, properties, events);
  }

  private static Relation relation(
      MentionedSentence s,
      Schema schema,
      Mention source,
      Mention target,
      Optional<String> role,
      double conf) {
    return new Relation(
        schema,
        source,
        target,
        role,
        Optional.empty(),
        s.text(),
        s.start(),
        s.end(),
        conf,
        EXTRACTOR,
        false);
  }

  private static ExtractedProperty property(
      MentionedSentence s, Mention entity, String property, Mention place, double conf) {
    return new ExtractedProperty(
        entity, property, place.name(), s.text(), s.start(), s.end(), EXTRACTOR, conf);
  }

  private static ExtractedEvent killing(
      MentionedSentence s, Mention perpetrator, Mention victim, double conf) {
    return new ExtractedEvent(
        Schema.EVENT,
        "killing",
        Optional.empty(),
        Optional.empty(),
        List.of(perpetrator, victim),
        Optional.empty(),
        Optional.empty(),
        s.text(),
        s.start(),
        s.end(),
        conf,
        EXTRACTOR,
        false,
        List.of(new EventRole("perpetrator", perpetrator), new EventRole("victim", victim)),
        Attribution.SOURCE);
  }
}
