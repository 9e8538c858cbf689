/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;
import org.vigil.model.Schema;

/**
 * A sanction spoken of again, with what ties those it named to a body: "The designation of
 * individuals and entities involved in the GRU's operations is a warning". The designation meant is
 * the one the text reported before (a definite "the designation", "these sanctions"), so each
 * target of the text's earlier sanctions is linked to that body, with the words of the tie as role
 * ("involved in").
 */
public final class ReadDesignatedInvolvement {
  private static final Set<String> SANCTION_NOUNS =
      Set.of("designation", "sanction", "listing", "blacklisting");
  private static final Set<String> DEFINITE = Set.of("the", "these", "this", "those", "such");
  private static final Set<String> GENERIC =
      Set.of("individual", "entity", "person", "people", "those", "company", "firm", "group");
  private static final Set<String> TIES =
      Set.of("involve", "link", "tie", "connect", "associate", "affiliate");

  private ReadDesignatedInvolvement() {}

  /**
   * The links this sentence makes between the targets of {@code earlier} sanctions (those read
   * before it in the text) and the body it names; none when it speaks of no earlier designation.
   */
  public static List<Relation> read(MentionedSentence s, List<ExtractedEvent> earlier) {
    List<Relation> out = new ArrayList<>();
    if (!speaksOfAnEarlierDesignation(s)) {
      return out;
    }
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      if (!TIES.contains(s.lemma(w)) || !s.parse().token(w).tag().equals("VBN")) {
        continue;
      }
      for (Dependency d : s.parse().dependents(w)) {
        if (!d.is("obl:in") && !d.is("obl:to") && !d.is("obl:with")) {
          continue;
        }
        Optional<Mention> body = body(s, d.dependent());
        if (body.isEmpty()) {
          continue;
        }
        String role =
            s.lemma(w).equals("involve")
                ? "involved in"
                : s.parse().token(w).word()
                    + " "
                    + d.relation().substring(d.relation().indexOf(':') + 1);
        Set<String> linked = new LinkedHashSet<>();
        for (ExtractedEvent e : earlier) {
          if (e.schema() != Schema.SANCTION) {
            continue;
          }
          for (EventRole r : e.roles()) {
            Mention target = r.mention();
            if (r.role().equals("target")
                && !target.entityId().equals(body.get().entityId())
                && linked.add(target.entityId())) {
              out.add(
                  Links.relation(
                      s,
                      Schema.MEMBERSHIP,
                      target,
                      body.get(),
                      Optional.of(role),
                      "designated-involvement",
                      0.6));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether a definite sanction noun stands over generic people or entities: "the designation of
   * individuals and entities", "these sanctions on people".
   */
  private static boolean speaksOfAnEarlierDesignation(MentionedSentence s) {
    for (int n = 0; n < s.parse().tokens().size(); n++) {
      if (!SANCTION_NOUNS.contains(s.lemma(n)) || !s.parse().token(n).isNoun()) {
        continue;
      }
      int noun = n;
      boolean definite =
          s.parse().dependents(noun, "det").stream().anyMatch(d -> DEFINITE.contains(s.lemma(d)));
      boolean generic =
          s.parse().dependents(noun).stream()
              .filter(d -> d.is("nmod:of") || d.is("nmod:on") || d.is("nmod:against"))
              .anyMatch(d -> GENERIC.contains(s.lemma(d.dependent())));
      if (definite && generic) {
        return true;
      }
    }
    return false;
  }

  /** The body an argument names: itself, or its owner or name-part ("the GRU's operations"). */
  private static Optional<Mention> body(MentionedSentence s, int word) {
    Optional<Mention> at = s.mentionAt(word, MentionType.ORGANIZATION);
    if (at.isPresent()) {
      return at;
    }
    for (String rel : List.of("compound", "nmod:poss")) {
      for (int d : s.parse().dependents(word, rel)) {
        Optional<Mention> m = s.mentionAt(d, MentionType.ORGANIZATION);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    return Optional.empty();
  }
}
