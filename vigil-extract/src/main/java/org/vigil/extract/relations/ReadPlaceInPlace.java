/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.syntax.Dependency;

/**
 * A place inside a larger one: "Dallas, Texas", "Raqqah in Syria", "Syria's Raqqah province".
 * Places listed side by side ("the Middle East, Europe, and the United States") are not inside each
 * other, even where the parser sets one as the other's apposition.
 */
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
        if (d.is("appos") && inList(s, d)) {
          continue;
        }
        out.add(Links.property(s, a, "country", b, "place-in-place", 0.6));
      }
    }
    return out;
  }

  /**
   * Whether the apposition {@code d} joins items of a list: the first place has items joined to it,
   * or a coordinating word ("and", "or") stands between the two.
   */
  private static boolean inList(MentionedSentence s, Dependency d) {
    if (!s.parse().dependents(d.governor(), "conj").isEmpty()) {
      return true;
    }
    int from = Math.min(d.governor(), d.dependent());
    int to = Math.max(d.governor(), d.dependent());
    return s.parse().dependencies().stream()
        .anyMatch(c -> c.is("cc") && c.dependent() > from && c.dependent() < to);
  }
}
