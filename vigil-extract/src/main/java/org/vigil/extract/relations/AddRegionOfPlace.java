/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;

/**
 * A place written with its region, "Ocala, Fla.", "Providence, R.I.", "Lyon, France": whoever lives
 * or was born in the town lives or was born in the region, and an organisation based in the town is
 * based in the region. For each address or birthplace read, the same property with the region the
 * parse sets in apposition after the place, a comma between. A list ("Paris, London and Rome") is
 * coordination, not apposition, and adds nothing.
 */
final class AddRegionOfPlace {
  private static final Set<String> WIDENED = Set.of("address", "birthPlace");

  private AddRegionOfPlace() {}

  /** {@code found} and, after each widened property, its region's when it has one. */
  static List<ExtractedProperty> widened(MentionedSentence s, List<ExtractedProperty> found) {
    List<ExtractedProperty> out = new ArrayList<>();
    for (ExtractedProperty p : found) {
      out.add(p);
      if (!WIDENED.contains(p.property())) {
        continue;
      }
      for (Mention place : s.mentions()) {
        if (place.type() != MentionType.LOCATION || !place.name().equals(p.value())) {
          continue;
        }
        for (Mention region : regions(s, place)) {
          if (found.stream().noneMatch(q -> same(q, p, region))) {
            out.add(
                new ExtractedProperty(
                    p.entity(),
                    p.property(),
                    region.name(),
                    p.evidence(),
                    p.start(),
                    p.end(),
                    p.extractor(),
                    p.confidence()));
          }
        }
      }
    }
    return out;
  }

  private static boolean same(ExtractedProperty q, ExtractedProperty p, Mention region) {
    return q.entity().equals(p.entity())
        && q.property().equals(p.property())
        && q.value().equals(region.name());
  }

  /** The places apposed to {@code place} after a comma: "Ocala, Fla.". */
  private static List<Mention> regions(MentionedSentence s, Mention place) {
    List<Mention> out = new ArrayList<>();
    var head = s.head(place);
    if (head.isEmpty()) {
      return out;
    }
    for (int d : s.parse().dependents(head.get(), "appos")) {
      var region = s.mentionAt(d, MentionType.LOCATION);
      if (region.isPresent()
          && !region.get().equals(place)
          && region.get().start() > place.end()
          && s.text()
              .substring(place.end() - s.start(), region.get().start() - s.start())
              .strip()
              .equals(",")) {
        out.add(region.get());
      }
    }
    return out;
  }
}
