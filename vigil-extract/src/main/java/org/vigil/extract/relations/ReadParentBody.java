/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * An organisation's parent body: "the Quds Force of the IRGC", "the IRGC's Quds Force", "Unit 840,
 * a unit of the Quds Force", "a task force within the ministry". The unit is a member of its
 * parent, with role "unit".
 */
public final class ReadParentBody implements RelationRule {
  private static final Set<String> UNIT_WORDS =
      Set.of(
          "force",
          "unit",
          "branch",
          "wing",
          "division",
          "directorate",
          "department",
          "office",
          "brigade",
          "command",
          "bureau",
          "service",
          "section",
          "corps",
          "battalion",
          "cell",
          "committee",
          "agency",
          "organization",
          "organisation",
          "network",
          "group",
          "arm",
          "team",
          "regiment",
          "army",
          "navy",
          "ministry",
          "council",
          "headquarters");
  private static final List<String> PARENT =
      List.of("nmod:of", "nmod:poss", "nmod:within", "nmod:under", "nmod:inside", "nmod:in");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      if (!UNIT_WORDS.contains(s.lemma(w))) {
        continue;
      }
      int word = w;
      // The unit word must head its name: "Office" in "the Office of Foreign Assets Control" does.
      Optional<Mention> unit =
          s.mentionAt(w, MentionType.ORGANIZATION).filter(m -> s.head(m).equals(Optional.of(word)));
      List<Integer> parents = new ArrayList<>();
      for (String rel : PARENT) {
        parents.addAll(s.parse().dependents(w, rel));
      }
      if (unit.isEmpty() && s.mentionAt(w).isEmpty()) {
        // "Unit 840, a unit of the Quds Force": the noun stands beside the name.
        for (var g : s.parse().governors(w)) {
          if (g.is("appos") && g.governor() >= 0) {
            unit = s.mentionAt(g.governor(), MentionType.ORGANIZATION);
          }
        }
      }
      if (unit.isEmpty()) {
        continue;
      }
      for (int p : parents) {
        Optional<Mention> parent = s.mentionAt(p, MentionType.ORGANIZATION);
        if (parent.isPresent()
            && !parent.get().equals(unit.get())
            && !sameName(parent.get(), unit.get())) {
          out.add(
              Links.relation(
                  s,
                  Schema.MEMBERSHIP,
                  unit.get(),
                  parent.get(),
                  Optional.of("unit"),
                  "parent-body",
                  0.7));
        }
      }
    }
    return out;
  }

  private static boolean sameName(Mention a, Mention b) {
    return a.entityId().equals(b.entityId())
        || a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT));
  }
}
