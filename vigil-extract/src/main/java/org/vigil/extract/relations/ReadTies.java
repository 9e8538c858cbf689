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
 * Ties of unstated kind: "X's ties to Y", "X has links with Y", "X works with Y", "X cooperated
 * with Y". Two people are associates; anything else is an unknown link.
 */
public final class ReadTies implements RelationRule {
  private static final Set<String> NOUNS =
      Set.of("tie", "link", "connection", "relationship", "contact", "relation", "affiliation");
  private static final Set<String> VERBS =
      Set.of(
          "work",
          "cooperate",
          "collaborate",
          "coordinate",
          "partner",
          "ally",
          "associate",
          "conspire");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      String lemma = s.lemma(w);
      if (NOUNS.contains(lemma)) {
        List<Integer> holders = new ArrayList<>(s.parse().dependents(w, "nmod:poss"));
        for (var g : s.parse().governors(w)) {
          if (g.governor() >= 0 && g.is("obj") && s.lemma(g.governor()).equals("have")) {
            holders.addAll(s.parse().dependents(g.governor(), "nsubj"));
          }
        }
        List<Integer> others = new ArrayList<>(s.parse().dependents(w, "nmod:to"));
        others.addAll(s.parse().dependents(w, "nmod:with"));
        pair(s, holders, others, lemma, out);
      } else if (VERBS.contains(lemma) && s.parse().token(w).isVerb()) {
        pair(s, s.parse().dependents(w, "nsubj"), s.parse().dependents(w, "obl:with"), lemma, out);
      }
    }
    return out;
  }

  private static void pair(
      MentionedSentence s,
      List<Integer> holders,
      List<Integer> others,
      String cue,
      List<Relation> out) {
    for (int h : holders) {
      for (int o : others) {
        Optional<Mention> a = s.mentionAt(h);
        Optional<Mention> b = s.mentionAt(o);
        if (a.isEmpty()
            || b.isEmpty()
            || a.get().equals(b.get())
            || !actor(a.get())
            || !actor(b.get())) {
          continue;
        }
        boolean people =
            a.get().type() == MentionType.PERSON && b.get().type() == MentionType.PERSON;
        out.add(
            Links.relation(
                s,
                people ? Schema.ASSOCIATE : Schema.UNKNOWN_LINK,
                a.get(),
                b.get(),
                Optional.of(cue),
                "ties",
                0.6));
      }
    }
  }

  private static boolean actor(Mention m) {
    return m.type() == MentionType.PERSON || m.type() == MentionType.ORGANIZATION;
  }
}
