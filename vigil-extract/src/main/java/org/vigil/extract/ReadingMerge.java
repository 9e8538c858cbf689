/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins what the sentence structure says with what the domain patterns read: a link or event both
 * read is kept once. The patterns' event keeps its authority and programme, which they read across
 * sentences, and takes the structure's participants' roles and attribution.
 */
final class ReadingMerge {
  private ReadingMerge() {}

  static List<Relation> relations(List<Relation> structure, List<Relation> patterns) {
    List<Relation> out = new ArrayList<>(structure);
    for (Relation p : patterns) {
      boolean same =
          structure.stream()
              .anyMatch(
                  r ->
                      r.schema() == p.schema()
                          && r.source().entityId().equals(p.source().entityId())
                          && r.target().entityId().equals(p.target().entityId()));
      if (!same) {
        out.add(p);
      }
    }
    return out;
  }

  static List<ExtractedEvent> events(
      List<ExtractedEvent> structure, List<ExtractedEvent> patterns) {
    List<ExtractedEvent> out = new ArrayList<>();
    List<ExtractedEvent> used = new ArrayList<>();
    for (ExtractedEvent p : patterns) {
      ExtractedEvent merged = p;
      for (ExtractedEvent s : structure) {
        if (!used.contains(s) && s.kind().equals(p.kind()) && s.start() == p.start()) {
          merged = enrich(p, s);
          used.add(s);
          break;
        }
      }
      out.add(merged);
    }
    structure.stream().filter(s -> !used.contains(s)).forEach(out::add);
    return out;
  }

  private static ExtractedEvent enrich(ExtractedEvent pattern, ExtractedEvent structure) {
    List<Mention> participants = new ArrayList<>(pattern.participants());
    structure.participants().stream()
        .filter(m -> participants.stream().noneMatch(x -> x.entityId().equals(m.entityId())))
        .forEach(participants::add);
    return new ExtractedEvent(
        pattern.schema(),
        pattern.kind(),
        pattern.date().or(structure::date),
        pattern.place().or(structure::place),
        participants,
        pattern.authority().or(structure::authority),
        pattern.program().or(structure::program),
        pattern.evidence(),
        pattern.start(),
        pattern.end(),
        Math.max(pattern.confidence(), structure.confidence()),
        pattern.extractor() + "+" + structure.extractor(),
        pattern.disputed() || structure.disputed(),
        structure.roles(),
        structure.attribution());
  }
}
