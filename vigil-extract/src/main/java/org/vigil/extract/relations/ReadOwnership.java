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
 * Ownership of an organisation or a thing (a paper, a channel, a brand): "Y owns X", "Y acquired
 * X", "X was sold to Y", "X, a club owned by Y", "X is a company owned by Y", "X is a subsidiary of
 * Y", "X, a subsidiary of Y", "Y's subsidiary X", "Y, the parent of X". The link runs from the
 * owner to the asset; an owner is a person or an organisation, an asset an organisation or another
 * named thing, never a person or a place.
 */
public final class ReadOwnership implements RelationRule {
  /** Verbs whose subject (or passive "by" agent) comes to own their object. */
  private static final Set<String> OWNING = Set.of("own", "acquire", "buy", "purchase");

  /** Verbs whose "to" argument comes to own their object: "X was sold to Y". */
  private static final Set<String> SELLING = Set.of("sell");

  /** Nouns that name what is owned, "of" or "'s" their owner: "a subsidiary of Y". */
  private static final Set<String> OWNED_NOUNS = Set.of("subsidiary", "brand", "imprint");

  /** Nouns that name an owner, "of" or "'s" what it owns: "the parent of X". */
  private static final Set<String> OWNER_NOUNS = Set.of("parent", "owner");

  private static final List<String> OF = List.of("nmod:of", "nmod:poss");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      String lemma = s.lemma(w);
      if (OWNING.contains(lemma)) {
        for (Mention owner : owners(s, w)) {
          for (Mention asset : assets(s, w)) {
            add(s, owner, asset, out);
          }
        }
      } else if (SELLING.contains(lemma)) {
        for (int to : s.parse().dependents(w, "obl:to")) {
          Optional<Mention> owner = s.mentionAt(to);
          if (owner.isPresent()) {
            for (Mention asset : assets(s, w)) {
              add(s, owner.get(), asset, out);
            }
          }
        }
      } else if (OWNED_NOUNS.contains(lemma) || OWNER_NOUNS.contains(lemma)) {
        boolean ownerNoun = OWNER_NOUNS.contains(lemma);
        for (int o : anchors(s, w)) {
          Optional<Mention> of = s.mentionAt(o);
          if (of.isEmpty()) {
            continue;
          }
          for (Mention holder : holders(s, w)) {
            if (ownerNoun) {
              add(s, holder, of.get(), out);
            } else {
              add(s, of.get(), holder, out);
            }
          }
        }
      }
    }
    return out;
  }

  /** The doer of an owning verb: its active subject, or its passive "by" agent. */
  private static List<Mention> owners(MentionedSentence s, int verb) {
    List<Mention> out = new ArrayList<>();
    for (int w : s.parse().dependents(verb, "nsubj")) {
      if (!s.parse().dependents(verb, "nsubj:pass").contains(w)) {
        s.mentionAt(w).ifPresent(out::add);
      }
    }
    for (String by : List.of("obl:agent", "obl:by")) {
      for (int w : s.parse().dependents(verb, by)) {
        s.mentionAt(w).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * What an owning verb owns: its object, its passive subject, or, for a participle set after a
   * noun ("a club owned by Y"), that noun's mention or the name the noun describes.
   */
  private static List<Mention> assets(MentionedSentence s, int verb) {
    List<Mention> out = new ArrayList<>();
    List<Integer> words = new ArrayList<>(s.parse().dependents(verb, "obj"));
    words.addAll(s.parse().dependents(verb, "nsubj:pass"));
    for (int w : words) {
      s.mentionAt(w).ifPresent(out::add);
    }
    for (Dependency g : s.parse().governors(verb)) {
      if (g.relation().equals("acl") && g.governor() >= 0) {
        Optional<Mention> noun = s.mentionAt(g.governor());
        if (noun.isPresent()) {
          out.add(noun.get());
        } else {
          out.addAll(holders(s, g.governor()));
        }
      }
    }
    return out;
  }

  /** The "of" and "'s" arguments of a noun. */
  private static List<Integer> anchors(MentionedSentence s, int noun) {
    List<Integer> out = new ArrayList<>();
    for (String rel : OF) {
      out.addAll(s.parse().dependents(noun, rel));
    }
    return out;
  }

  /**
   * The name a describing noun is said of: the subject of "X is a subsidiary", the name set beside
   * it ("X, a subsidiary of Y", "Y's subsidiary, X", "Y's subsidiary X").
   */
  static List<Mention> holders(MentionedSentence s, int noun) {
    List<Mention> out = new ArrayList<>();
    List<Integer> words = new ArrayList<>(s.parse().dependents(noun, "nsubj"));
    words.addAll(s.parse().dependents(noun, "appos"));
    for (Dependency g : s.parse().governors(noun)) {
      if (g.is("appos") && g.governor() >= 0) {
        words.add(g.governor());
      }
    }
    for (int w : words) {
      s.mentionAt(w).filter(m -> !out.contains(m)).ifPresent(out::add);
    }
    return out;
  }

  private static void add(MentionedSentence s, Mention owner, Mention asset, List<Relation> out) {
    if (owner.equals(asset)
        || owner.entityId().equals(asset.entityId())
        || (owner.type() != MentionType.PERSON && owner.type() != MentionType.ORGANIZATION)
        || asset.type() == MentionType.PERSON
        || asset.type() == MentionType.LOCATION) {
      return;
    }
    out.add(Links.relation(s, Schema.OWNERSHIP, owner, asset, Optional.empty(), "ownership", 0.7));
  }
}
