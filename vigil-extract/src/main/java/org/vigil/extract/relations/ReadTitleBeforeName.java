/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;

/**
 * A role written before a name as its title: "IRGC commander Qasem Soleimani", "Hezbollah's
 * commander Imad Mughniyeh", "Intelligence Minister Esmaeil Khatib of Iran's government".
 */
public final class ReadTitleBeforeName implements RelationRule {
  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (Dependency d : s.parse().dependencies()) {
      if (d.governor() < 0) {
        continue;
      }
      if ((d.is("compound") || d.is("amod")) && d.dependent() < d.governor()) {
        read(s, d.dependent(), d.governor(), out);
      } else if ((d.is("dep") || d.is("flat") || d.is("compound"))
          && d.dependent() > d.governor()) {
        // "commander Imad Mughniyeh" is often parsed with the title as the head.
        read(s, d.governor(), d.dependent(), out);
      }
    }
    return out;
  }

  private static void read(MentionedSentence s, int noun, int name, List<Relation> out) {
    Optional<Mention> holder = s.mentionAt(name);
    if (holder.isEmpty() || s.mentionAt(noun).isPresent() || !RoleWords.isRole(s.lemma(noun))) {
      return;
    }
    List<Mention> anchors = new ArrayList<>(Links.anchorsOf(s, noun, holder.get()));
    // "IRGC commander Soleimani" is often parsed with both words as the name's compounds.
    for (int other : s.parse().dependents(name, "compound")) {
      if (other < noun) {
        s.mentionAt(other, MentionType.ORGANIZATION)
            .filter(m -> !m.equals(holder.get()) && !anchors.contains(m))
            .ifPresent(anchors::add);
      }
    }
    for (int other : s.parse().dependents(name, "nmod:of")) {
      s.mentionAt(other, MentionType.ORGANIZATION)
          .filter(m -> !anchors.contains(m))
          .ifPresent(anchors::add);
    }
    for (Mention anchor : anchors) {
      Links.byRole(s, holder.get(), noun, anchor, "title-before-name", 0.8).ifPresent(out::add);
    }
  }
}
