/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Relation;

/**
 * Joins what the rules and the model read in one sentence. A link both read (same schema, same
 * source and target entities) is kept once, the reading with the higher confidence, a tie going to
 * the rule; a model's link that wins keeps the rule's role, start date and attribution, which the
 * model does not read. A property both read (same entity, property and value) likewise. A model's
 * killing is dropped where a rule's killing has the same perpetrator and victim: the rule's event
 * carries more (place, date, other roles).
 */
public final class MergeLearned {
  private MergeLearned() {}

  public static List<Relation> relations(List<Relation> rules, List<Relation> model) {
    Map<String, Relation> out = new LinkedHashMap<>();
    for (Relation r : rules) {
      out.putIfAbsent(key(r), r);
    }
    for (Relation m : model) {
      Relation rule = out.get(key(m));
      if (rule == null) {
        out.put(key(m), m);
      } else if (m.confidence() > rule.confidence()) {
        out.put(
            key(m),
            new Relation(
                m.schema(),
                m.source(),
                m.target(),
                rule.role().or(m::role),
                rule.startDate(),
                m.evidence(),
                m.start(),
                m.end(),
                m.confidence(),
                m.extractor(),
                rule.disputed(),
                rule.attribution()));
      }
    }
    return new ArrayList<>(out.values());
  }

  public static List<ExtractedProperty> properties(
      List<ExtractedProperty> rules, List<ExtractedProperty> model) {
    Map<String, ExtractedProperty> out = new LinkedHashMap<>();
    for (ExtractedProperty p : rules) {
      out.putIfAbsent(key(p), p);
    }
    for (ExtractedProperty m : model) {
      ExtractedProperty rule = out.get(key(m));
      if (rule == null || m.confidence() > rule.confidence()) {
        out.put(key(m), m);
      }
    }
    return new ArrayList<>(out.values());
  }

  public static List<ExtractedEvent> events(
      List<ExtractedEvent> rules, List<ExtractedEvent> model) {
    List<ExtractedEvent> out = new ArrayList<>(rules);
    for (ExtractedEvent m : model) {
      boolean same =
          rules.stream()
              .anyMatch(
                  r ->
                      r.kind().equals(m.kind())
                          && Objects.equals(role(r, "perpetrator"), role(m, "perpetrator"))
                          && Objects.equals(role(r, "victim"), role(m, "victim")));
      if (!same) {
        out.add(m);
      }
    }
    return out;
  }

  private static String role(ExtractedEvent e, String role) {
    return e.roles().stream()
        .filter(r -> r.role().equals(role))
        .map(EventRole::mention)
        .map(m -> m.entityId())
        .findFirst()
        .orElse(null);
  }

  private static String key(Relation r) {
    return r.schema() + "|" + r.source().entityId() + "|" + r.target().entityId();
  }

  private static String key(ExtractedProperty p) {
    return p.entity().entityId() + "|" + p.property() + "|" + p.value();
  }
}
