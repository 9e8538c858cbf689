/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/** Building relations from what a rule found: the role noun decides the link's kind. */
final class Links {
  /**
   * Relations of a role noun to the names it is "of": "of", "for", "at", "in", possessive,
   * compound.
   */
  static final List<String> ANCHOR_RELATIONS =
      List.of("nmod:of", "nmod:for", "nmod:at", "nmod:in", "nmod:with", "nmod:poss", "compound");

  private Links() {}

  /**
   * The link that a role noun makes between {@code holder} (the one who has the role) and {@code
   * anchor} (the organisation, or the person the holder is related to).
   */
  static Optional<Relation> byRole(
      MentionedSentence s, Mention holder, int roleNoun, Mention anchor, String rule, double conf) {
    if (holder.equals(anchor) || holder.entityId().equals(anchor.entityId())) {
      return Optional.empty();
    }
    String lemma = s.lemma(roleNoun);
    String role = s.roleAt(roleNoun);
    if (anchor.type() == MentionType.ORGANIZATION) {
      Optional<Schema> schema = RoleWords.toOrganisation(lemma);
      if (schema.isEmpty()) {
        return Optional.empty();
      }
      Schema kind = schema.get();
      if (holder.type() == MentionType.ORGANIZATION) {
        kind = Schema.MEMBERSHIP;
      } else if (holder.type() != MentionType.PERSON) {
        return Optional.empty();
      }
      return Optional.of(relation(s, kind, holder, anchor, Optional.of(role), rule, conf));
    }
    if (anchor.type() == MentionType.PERSON && holder.type() == MentionType.PERSON) {
      return RoleWords.toPerson(lemma)
          .map(kind -> relation(s, kind, anchor, holder, Optional.of(role), rule, conf));
    }
    return Optional.empty();
  }

  /** The named mentions a role noun is "of": its anchors, other than {@code holder}. */
  static List<Mention> anchorsOf(MentionedSentence s, int roleNoun, Mention holder) {
    List<Mention> out = new ArrayList<>();
    for (String rel : ANCHOR_RELATIONS) {
      for (int d : s.parse().dependents(roleNoun, rel)) {
        s.mentionAt(d)
            .filter(m -> !m.equals(holder))
            .filter(m -> !out.contains(m))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  static Relation relation(
      MentionedSentence s,
      Schema schema,
      Mention source,
      Mention target,
      Optional<String> role,
      String rule,
      double conf) {
    return new Relation(
        schema,
        source,
        target,
        role,
        Optional.empty(),
        s.text(),
        s.start(),
        s.end(),
        conf,
        "rule:" + rule,
        false);
  }

  static ExtractedProperty property(
      MentionedSentence s,
      Mention entity,
      String property,
      Mention value,
      String rule,
      double conf) {
    return new ExtractedProperty(
        entity, property, value.name(), s.text(), s.start(), s.end(), "rule:" + rule, conf);
  }
}
