/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;

/**
 * A role set beside a name: "Ali Rezaei, the spokesman of the IRGC", "the IRGC's spokesman, Ali
 * Rezaei", "Fouad, the brother of Imad Mughniyeh".
 */
public final class ReadApposedRole implements RelationRule {
  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (Dependency d : s.parse().dependencies()) {
      if (!d.is("appos") || d.governor() < 0) {
        continue;
      }
      read(s, d.governor(), d.dependent(), out);
      read(s, d.dependent(), d.governor(), out);
    }
    return out;
  }

  private static void read(MentionedSentence s, int name, int noun, List<Relation> out) {
    Optional<Mention> holder = s.mentionAt(name);
    // An office named by description ("X, the commander of Y") is the role, not another person.
    boolean named =
        s.mentionAt(noun).filter(m -> !m.extractor().equals("pattern:title")).isPresent();
    if (holder.isEmpty() || named || !RoleWords.isRole(s.lemma(noun))) {
      return;
    }
    for (Mention anchor : Links.anchorsOf(s, noun, holder.get())) {
      Links.byRole(s, holder.get(), noun, anchor, "apposed-role", 0.8).ifPresent(out::add);
    }
  }
}
