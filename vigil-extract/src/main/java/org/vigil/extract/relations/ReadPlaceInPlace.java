/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.syntax.Dependency;

/** A place inside a larger one: "Dallas, Texas", "Raqqah in Syria", "Syria's Raqqah province". */
public final class ReadPlaceInPlace implements PropertyRule {
  @Override
  public List<ExtractedProperty> read(MentionedSentence s) {
    List<ExtractedProperty> out = new ArrayList<>();
    for (Dependency d : s.parse().dependencies()) {
      if (d.governor() < 0
          || !(d.is("appos")
              || d.is("nmod:in")
              || d.is("nmod:poss")
              || d.is("nmod:of")
              || d.is("compound"))) {
        continue;
      }
      var inner = s.mentionAt(d.governor(), MentionType.LOCATION);
      var outer = s.mentionAt(d.dependent(), MentionType.LOCATION);
      if (inner.isPresent() && outer.isPresent() && !inner.get().equals(outer.get())) {
        Mention a = inner.get();
        Mention b = outer.get();
        if (d.is("compound") && d.dependent() > d.governor()) {
          continue;
        }
        if (d.is("appos") && listed(s, d.governor())) {
          // "Colombia, Bolivia, Ecuador and Peru": a list of places, not a town and its country.
          continue;
        }
        out.add(Links.property(s, a, "country", b, "place-in-place", 0.6));
      }
    }
    return out;
  }

  private static boolean listed(MentionedSentence s, int word) {
    long items =
        s.parse().dependents(word).stream()
            .filter(x -> x.is("appos") || x.is("conj"))
            .filter(x -> s.mentionAt(x.dependent(), MentionType.LOCATION).isPresent())
            .count();
    return items > 1;
  }
}
