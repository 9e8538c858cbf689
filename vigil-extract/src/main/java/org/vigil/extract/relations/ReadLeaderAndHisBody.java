/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;
import org.vigil.extract.syntax.Token;
import org.vigil.model.Schema;

/**
 * A person coordinated with "his" or "her" body: "Prime Minister Kowal and his government", "the
 * general and his forces", "Haddad and her militia". The body (a description, no entity) is led by
 * the person: Employment with the role "leader".
 */
public final class ReadLeaderAndHisBody implements RelationRule {
  private static final Set<String> BODIES =
      Set.of(
          "government",
          "administration",
          "cabinet",
          "regime",
          "force",
          "militia",
          "army",
          "fighter",
          "troop",
          "movement",
          "party",
          "group",
          "network",
          "organisation",
          "organization");

  private static final Set<String> POSSESSIVES = Set.of("his", "her");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (Dependency d : s.parse().dependencies()) {
      if (!d.is("conj") || d.governor() < 0) {
        continue;
      }
      read(s, d.governor(), d.dependent(), out);
      read(s, d.dependent(), d.governor(), out);
    }
    return out;
  }

  private static void read(MentionedSentence s, int person, int body, List<Relation> out) {
    Optional<Mention> leader = s.mentionAt(person, MentionType.PERSON);
    if (leader.isEmpty() || !BODIES.contains(s.lemma(body)) || s.mentionAt(body).isPresent()) {
      return;
    }
    for (int poss : s.parse().dependents(body, "nmod:poss")) {
      Token owner = s.parse().token(poss);
      if (poss == body - 1
          && POSSESSIVES.contains(owner.word().toLowerCase(java.util.Locale.ROOT))) {
        Token noun = s.parse().token(body);
        String words = s.text().substring(owner.start() - s.start(), noun.end() - s.start());
        Mention led =
            Mention.described(
                words,
                MentionType.ORGANIZATION,
                owner.start(),
                noun.end(),
                ReadDescribedMember.EXTRACTOR,
                0.5);
        out.add(
            Links.relation(
                s,
                Schema.EMPLOYMENT,
                leader.get(),
                led,
                Optional.of("leader"),
                "leader-and-his-body",
                0.6));
      }
    }
  }
}
