/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.syntax.Dependency;

/**
 * Where an organisation is based: "the network, based in Dubai", "a Tehran-based group", "the
 * police in Tehran", "the University of Tehran", "Iran's intelligence ministry". The place is the
 * organisation's address, as written.
 */
public final class ReadBasedIn implements PropertyRule {
  @Override
  public List<ExtractedProperty> read(MentionedSentence s) {
    List<ExtractedProperty> out = new ArrayList<>();
    for (Mention org : s.mentions()) {
      if (org.type() != MentionType.ORGANIZATION) {
        continue;
      }
      Optional<Integer> head = s.head(org);
      if (head.isEmpty()) {
        continue;
      }
      List<Mention> places = new ArrayList<>(Places.of(s, head.get()));
      for (Dependency d : s.parse().dependents(head.get())) {
        int w = d.dependent();
        if ((d.is("acl") || d.is("amod")) && s.lemma(w).equals("base")) {
          places.addAll(Places.obliqueOf(s, w));
        }
        if (d.is("nmod:poss") || d.is("compound") || d.is("amod")) {
          s.mentionAt(w, MentionType.LOCATION).filter(m -> !m.equals(org)).ifPresent(places::add);
        }
      }
      for (int w = 0; w < s.parse().tokens().size(); w++) {
        if (s.inside(w, org)) {
          Places.hyphenated(s, w, "based").ifPresent(places::add);
        }
      }
      for (Dependency d : s.parse().dependents(head.get())) {
        Places.hyphenated(s, d.dependent(), "based").ifPresent(places::add);
      }
      places.stream()
          .distinct()
          .forEach(place -> out.add(Links.property(s, org, "address", place, "based-in", 0.65)));
    }
    return out;
  }
}
