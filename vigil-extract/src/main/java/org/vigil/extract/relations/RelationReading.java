/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Relation;

/**
 * The relation and property rules, as one declared list each, run over a sentence; the same link
 * read by two rules is kept once (the first rule's). Thread-safe.
 */
public final class RelationReading {
  private static final List<RelationRule> RELATION_RULES =
      List.of(
          new ReadRoleSince(),
          new ReadApposedRole(),
          new ReadTitleBeforeName(),
          new ReadCopularRole(),
          new ReadWorkVerb(),
          new ReadNameOfOrganisation(),
          new ReadTies(),
          new ReadParentBody(),
          new ReadLedBy(),
          new ReadActingFor(),
          new ReadMembership(),
          new ReadOwnership(),
          new ReadRoleMention(),
          new ReadUnitInUnit(),
          new ReadDescribedMember(),
          new ReadLeaderAndHisBody());
  private static final List<PropertyRule> PROPERTY_RULES =
      List.of(new ReadBasedIn(), new ReadResidence(), new ReadFromPlace(), new ReadPlaceInPlace());

  private RelationReading() {}

  /** The relations the sentence states, each link once. */
  public static List<Relation> relations(MentionedSentence sentence) {
    Map<String, Relation> out = new LinkedHashMap<>();
    for (RelationRule rule : RELATION_RULES) {
      for (Relation r : rule.read(sentence)) {
        out.putIfAbsent(r.schema() + "|" + r.source().start() + "|" + r.target().start(), r);
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The properties the sentence states, each once; a place read with its region ("Ocala, Fla.")
   * gives the region too ({@link AddRegionOfPlace}).
   */
  public static List<ExtractedProperty> properties(MentionedSentence sentence) {
    Map<String, ExtractedProperty> out = new LinkedHashMap<>();
    for (PropertyRule rule : PROPERTY_RULES) {
      for (ExtractedProperty p : rule.read(sentence)) {
        out.putIfAbsent(p.entity().start() + "|" + p.property() + "|" + p.value(), p);
      }
    }
    return AddRegionOfPlace.widened(sentence, new ArrayList<>(out.values()));
  }
}
