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
        out.add(Links.property(s, a, "country", b, "place-in-place", 0.6));
      }
    }
    return out;
  }
}
