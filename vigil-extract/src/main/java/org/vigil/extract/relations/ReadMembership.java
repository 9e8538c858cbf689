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
import org.vigil.model.Schema;

/**
 * Membership said by other words than a role: "X was assigned to Y", "X is part of Y", "X is
 * working as part of Y", "Y, which includes X", "Y comprises X", "soldiers from Y". The member is a
 * person or an organisation, or a state where the words allow one ("Sweden is part of the EU", "the
 * coalition includes France"); the body an organisation.
 */
public final class ReadMembership implements RelationRule {
  /** Verbs whose passive subject is placed in their "to" argument: "assigned to 2nd Battalion". */
  private static final Set<String> PLACED = Set.of("assign", "attach", "post", "second");

  /** Verbs whose subject has their object among its members: "the SDF includes the SAC". */
  private static final Set<String> HAVING = Set.of("include", "comprise", "encompass");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      String lemma = s.lemma(w);
      if (PLACED.contains(lemma)) {
        for (int to : s.parse().dependents(w, "obl:to")) {
          for (int m : s.parse().dependents(w, "nsubj:pass")) {
            add(s, s.mentionAt(m), s.mentionAt(to), false, out);
          }
        }
      } else if (HAVING.contains(lemma)) {
        for (int body : s.parse().dependents(w, "nsubj")) {
          for (int m : s.parse().dependents(w, "obj")) {
            add(s, s.mentionAt(m), s.mentionAt(apposedBefore(s, body, w)), true, out);
          }
        }
      } else if (lemma.equals("part")) {
        for (int body : s.parse().dependents(w, "nmod:of")) {
          for (Mention member : partHolders(s, w)) {
            add(s, Optional.of(member), s.mentionAt(body), true, out);
          }
        }
      }
    }
    for (Mention m : s.mentions()) {
      Optional<Integer> head = s.head(m);
      if (head.isPresent()) {
        for (int from : s.parse().dependents(head.get(), "nmod:from")) {
          add(s, Optional.of(m), s.mentionAt(from), false, out);
        }
      }
    }
    return out;
  }

  /**
   * "the coalition, the SDF, which includes X": the relative clause is about the name set in
   * apposition right before it, though the parser may hang it on the first name.
   */
  private static int apposedBefore(MentionedSentence s, int body, int verb) {
    int out = body;
    for (int d : s.parse().dependents(body, "appos")) {
      if (d > out && d < verb && s.mentionAt(d, MentionType.ORGANIZATION).isPresent()) {
        out = d;
      }
    }
    return out;
  }

  /**
   * Who is "part of" something: the subject of "X is part of Y", the name beside "X, part of Y",
   * the subject of the verb in "X is working as part of Y".
   */
  private static List<Mention> partHolders(MentionedSentence s, int part) {
    List<Mention> out = new ArrayList<>(ReadOwnership.holders(s, part));
    for (Dependency g : s.parse().governors(part)) {
      if (g.is("obl:as") && g.governor() >= 0) {
        for (int subject : s.parse().dependents(g.governor(), "nsubj")) {
          s.mentionAt(subject).filter(m -> !out.contains(m)).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * Adds the membership of {@code member} in {@code body}; a place is a member ("Sweden is part of
   * the EU") only where {@code states} says the construction lets it be one.
   */
  private static void add(
      MentionedSentence s,
      Optional<Mention> member,
      Optional<Mention> body,
      boolean states,
      List<Relation> out) {
    if (member.isEmpty() || body.isEmpty()) {
      return;
    }
    Mention m = member.get();
    Mention b = body.get();
    if (m.equals(b)
        || m.entityId().equals(b.entityId())
        || b.type() != MentionType.ORGANIZATION
        || m.type() == MentionType.MISC
        || (m.type() == MentionType.LOCATION && !states)) {
      return;
    }
    out.add(Links.relation(s, Schema.MEMBERSHIP, m, b, Optional.empty(), "membership", 0.65));
  }
}
