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
 * A party named by its place in a body, with no name: "70 members of the tribe", "senior officials
 * of the ministry", "the commander of the 5th Brigade", "our partners in the coalition", "the
 * group's militia", "a unit of the army". The description itself is the party (a mention with no
 * entity): it holds the role its head noun names in the body the noun is "of", "in", "for" or
 * possessed by. A body that merely modifies the description ("ISIL fighters") makes no link: the
 * description names a side, not a tie. A description set beside a name ("X, the commander of Y", "X
 * is a member of Y", "commander X") is left to the rules that hand the role to the name.
 */
public final class ReadDescribedMember implements RelationRule {
  /** The extractor of the described parties this rule makes. */
  static final String EXTRACTOR = "rule:described-party";

  /** Nouns for a part of a body that are no person's role: "a unit of", "Y's militia". */
  private static final Set<String> PARTS =
      Set.of("partner", "unit", "militia", "wing", "branch", "faction", "cell", "force");

  /** Modifiers that belong to the description: "the", "70", "senior Iraqi", "some", "our". */
  private static final Set<String> MODIFIERS =
      Set.of("det", "amod", "nummod", "advmod", "nmod:poss");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      Token noun = s.parse().token(w);
      String lemma = s.lemma(w);
      boolean part = PARTS.contains(lemma);
      if (!noun.isNoun()
          || (!part && RoleWords.toOrganisation(lemma).isEmpty())
          || besideAName(s, w)) {
        continue;
      }
      Optional<Mention> party = party(s, w);
      if (party.isEmpty()) {
        continue;
      }
      for (Mention anchor : Links.anchorsOf(s, w, party.get())) {
        if (anchor.type() != MentionType.ORGANIZATION
            || overlap(anchor, party.get())
            || compoundOf(s, w, anchor)) {
          continue;
        }
        if (part) {
          out.add(
              Links.relation(
                  s,
                  Schema.MEMBERSHIP,
                  party.get(),
                  anchor,
                  Optional.of(lemma),
                  "described-party",
                  0.6));
        } else {
          Links.byRole(s, party.get(), w, anchor, "described-party", 0.6).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * The description headed by word {@code w}: a description already found there (a title, a group)
   * when it is headed by {@code w}; none when a name covers the word; else the noun with the
   * modifiers right before it, a person when singular, a body when plural.
   */
  private static Optional<Mention> party(MentionedSentence s, int w) {
    Optional<Mention> at = s.mentionAt(w);
    if (at.isPresent()) {
      Mention m = at.get();
      boolean described = m.schema().isEmpty() && m.type() != MentionType.LOCATION;
      return described && s.head(m).filter(h -> h == w).isPresent() ? at : Optional.empty();
    }
    int first = w;
    while (first > 0 && isModifier(s, first - 1, w)) {
      first--;
    }
    Token from = s.parse().token(first);
    Token noun = s.parse().token(w);
    String words = s.text().substring(from.start() - s.start(), noun.end() - s.start());
    boolean group = noun.tag().endsWith("S") || PARTS.contains(s.lemma(w));
    MentionType type = group ? MentionType.ORGANIZATION : MentionType.PERSON;
    return Optional.of(Mention.described(words, type, from.start(), noun.end(), EXTRACTOR, 0.5));
  }

  /**
   * Whether the body is only a modifier of the description ("ISIL fighters", "an ISIL tactical
   * unit", "a Foreign Office spokesman"): such a description names a group by its side, which its
   * own words say; no link of it is read.
   */
  private static boolean compoundOf(MentionedSentence s, int w, Mention anchor) {
    for (Dependency d : s.parse().dependents(w)) {
      if (d.is("compound") && s.inside(d.dependent(), anchor)) {
        return true;
      }
    }
    return anchor.end() <= s.parse().token(w).start()
        && s.text()
            .substring(anchor.end() - s.start(), s.parse().token(w).start() - s.start())
            .isBlank();
  }

  private static boolean overlap(Mention a, Mention b) {
    return a.start() < b.end() && b.start() < a.end();
  }

  private static boolean isModifier(MentionedSentence s, int word, int noun) {
    if (s.mentionAt(word).isPresent()) {
      return false;
    }
    return s.parse().governors(word).stream()
        .anyMatch(
            g -> g.governor() == noun && (g.is("compound") || MODIFIERS.stream().anyMatch(g::is)));
  }

  /**
   * Whether the noun is set beside a name, which other rules read: in apposition either way, the
   * predicate of a subject, "as" a role, a title before a name or a name's compound.
   */
  private static boolean besideAName(MentionedSentence s, int w) {
    for (Dependency d : s.parse().dependents(w)) {
      if (d.is("appos") || d.is("nsubj") || d.is("nsubj:pass")) {
        return true;
      }
      if ((d.is("flat") || d.is("dep") || d.is("compound"))
          && d.dependent() > w
          && s.mentionAt(d.dependent(), MentionType.PERSON).isPresent()) {
        return true;
      }
    }
    for (Dependency g : s.parse().governors(w)) {
      if (g.is("appos") || g.is("xcomp") || g.is("obl:as")) {
        return true;
      }
      // "lieutenant Muath al-Kasasbeh": a title before a name, found or not.
      if (g.governor() >= 0
          && (g.is("compound") || g.is("amod"))
          && (s.mentionAt(g.governor(), MentionType.PERSON).isPresent()
              || s.parse().token(g.governor()).tag().startsWith("NNP"))) {
        return true;
      }
    }
    return false;
  }
}
