/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * A person named with an organisation: "John Smith of Reuters", "Reuters' John Smith", "John Smith
 * at the Pentagon".
 */
public final class ReadNameOfOrganisation implements RelationRule {
  private static final List<String> RELATIONS =
      List.of("nmod:of", "nmod:poss", "nmod:at", "nmod:from");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (Mention person : s.mentions()) {
      if (person.type() != MentionType.PERSON) {
        continue;
      }
      Optional<Integer> head = s.head(person);
      if (head.isEmpty()) {
        continue;
      }
      for (String rel : RELATIONS) {
        for (int d : s.parse().dependents(head.get(), rel)) {
          s.mentionAt(d, MentionType.ORGANIZATION)
              .filter(org -> !org.equals(person))
              .ifPresent(
                  org ->
                      out.add(
                          Links.relation(
                              s,
                              Schema.EMPLOYMENT,
                              person,
                              org,
                              Optional.empty(),
                              "name-of-organisation",
                              0.65)));
        }
      }
    }
    return out;
  }
}
