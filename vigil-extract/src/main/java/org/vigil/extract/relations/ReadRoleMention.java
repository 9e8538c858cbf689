/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.Relation;

/**
 * A party named by its role in a body: "members of the Al Bu Nimr tribe", "the commander of the
 * Baghdad Operational Command", "an ISIL gang leader" when that description is itself a mention (a
 * corpus's gold mention, a description coreference keeps). The mention holds the role its head noun
 * names in the body the noun is "of". An office read as its holder ("the Foreign Secretary") is
 * left to the rules that hand it to a name.
 */
public final class ReadRoleMention implements RelationRule {
  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (Mention m : s.mentions()) {
      if (m.extractor().equals("pattern:title")) {
        continue;
      }
      Optional<Integer> head = s.head(m);
      if (head.isEmpty() || !RoleWords.isRole(s.lemma(head.get()))) {
        continue;
      }
      for (Mention anchor : Links.anchorsOf(s, head.get(), m)) {
        Links.byRole(s, m, head.get(), anchor, "role-mention", 0.7).ifPresent(out::add);
      }
    }
    return out;
  }
}
