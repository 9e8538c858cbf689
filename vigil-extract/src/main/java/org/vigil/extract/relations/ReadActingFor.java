/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * Acting for a body: "the cell acted on behalf of the FSB", "a courier who operated for Hamas", "X
 * spied for the GRU". The one who acts is the body's member, with the words of the link as role.
 */
public final class ReadActingFor implements RelationRule {
  /** Verbs whose "for" names the body one acts for ("work for" is {@link ReadWorkVerb}'s). */
  private static final Set<String> ACTING = Set.of("act", "operate", "spy", "fight");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int verb = 0; verb < s.parse().tokens().size(); verb++) {
      if (!s.parse().token(verb).isVerb()) {
        continue;
      }
      List<Integer> bodies = new ArrayList<>(s.parse().dependents(verb, "obl:on_behalf_of"));
      String role = "on behalf of";
      if (bodies.isEmpty() && ACTING.contains(s.lemma(verb))) {
        bodies.addAll(s.parse().dependents(verb, "obl:for"));
        role = s.lemma(verb) + " for";
      }
      for (int b : bodies) {
        Optional<Mention> body = s.named(b).filter(m -> m.type() == MentionType.ORGANIZATION);
        if (body.isEmpty()) {
          continue;
        }
        for (int a : s.parse().dependents(verb, "nsubj")) {
          Optional<Mention> actor = s.named(a);
          if (actor.isPresent()
              && actor.get().type() != MentionType.LOCATION
              && actor.get().type() != MentionType.MISC
              && !actor.get().entityId().equals(body.get().entityId())) {
            out.add(
                Links.relation(
                    s,
                    Schema.MEMBERSHIP,
                    actor.get(),
                    body.get(),
                    Optional.of(role),
                    "acting-for",
                    0.7));
          }
        }
      }
    }
    return out;
  }
}
