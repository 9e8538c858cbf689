/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.DateFinder;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;
import org.vigil.extract.syntax.Token;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * A role held since a date: "X has been minister of Defence since March 2019", "X, who has served
 * as head of the agency since 2015", "X, chief of staff of the army since May 2020". The link
 * starts at the date; its role is the office as written ("minister of Defence"). A body named with
 * its acronym in brackets ("the Intelligence Service (SIS)") is the body the acronym names.
 */
public final class ReadRoleSince implements RelationRule {
  /** Verbs whose "as" names the office held: "served as minister". */
  private static final Set<String> HOLDING = Set.of("serve", "act", "work", "remain", "continue");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int i = 0; i < s.parse().tokens().size(); i++) {
      int noun = i;
      if (!s.parse().token(noun).isNoun()
          || !RoleWords.isRole(s.lemma(noun))
          || s.mentionAt(noun).filter(m -> !m.extractor().equals("pattern:title")).isPresent()) {
        continue;
      }
      Optional<Integer> verb = holdingVerb(s, noun);
      Optional<PartialDate> since = since(s, noun).or(() -> verb.flatMap(v -> since(s, v)));
      if (since.isEmpty()) {
        continue;
      }
      List<Mention> holders = holders(s, verb.orElse(noun));
      for (Mention holder : holders) {
        for (Mention anchor : Links.anchorsOf(s, noun, holder)) {
          Mention body = apposedAcronym(s, anchor).orElse(anchor);
          Links.byRole(s, holder, noun, body, "role-since", 0.8)
              .filter(r -> r.schema() != Schema.FAMILY && r.schema() != Schema.ASSOCIATE)
              .map(r -> dated(r, s.roleAt(noun) + " of " + anchor.text(), since.get()))
              .ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** The verb whose "as" the role noun is: "served as minister". */
  private static Optional<Integer> holdingVerb(MentionedSentence s, int noun) {
    return s.parse().governors(noun).stream()
        .filter(g -> g.governor() >= 0 && g.is("obl:as"))
        .map(Dependency::governor)
        .filter(v -> HOLDING.contains(s.lemma(v)))
        .findFirst();
  }

  /** The date of the word's "since" argument. */
  private static Optional<PartialDate> since(MentionedSentence s, int word) {
    for (String rel : List.of("obl:since", "nmod:since")) {
      for (int d : s.parse().dependents(word, rel)) {
        Token t = s.parse().token(d);
        for (DateFinder.FoundDate date : DateFinder.find(s.text())) {
          int start = s.start() + date.start();
          int end = s.start() + date.end();
          if (start <= t.start() && t.end() <= end) {
            return Optional.of(date.date());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Who holds the role: the subject of the copula or of the holding verb (a relative pronoun's
   * antecedent included), or the name the role stands in apposition to.
   */
  private static List<Mention> holders(MentionedSentence s, int word) {
    List<Mention> out = new ArrayList<>();
    for (int d : s.parse().dependents(word, "nsubj")) {
      named(s, d).ifPresent(out::add);
    }
    if (out.isEmpty()) {
      named(s, word).filter(m -> m.type() == MentionType.PERSON).ifPresent(out::add);
    }
    return out;
  }

  /** The named mention at a word, in apposition to it, or that it stands in apposition to. */
  private static Optional<Mention> named(MentionedSentence s, int word) {
    Optional<Mention> m = s.named(word).filter(x -> !x.extractor().equals("pattern:title"));
    if (m.isPresent()) {
      return m;
    }
    return s.parse().governors(word).stream()
        .filter(g -> g.governor() >= 0 && g.is("appos"))
        .map(g -> s.mentionAt(g.governor()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The mention in brackets right after {@code anchor}, when it is an acronym. */
  private static Optional<Mention> apposedAcronym(MentionedSentence s, Mention anchor) {
    int from = anchor.end() - s.start();
    return s.mentions().stream()
        .filter(m -> m.type() == MentionType.ORGANIZATION)
        .filter(m -> s.text().startsWith(" (", from) && m.start() - s.start() == from + 2)
        .filter(m -> s.text().startsWith(")", m.end() - s.start()))
        .filter(m -> m.text().length() >= 2 && m.text().equals(m.text().toUpperCase(Locale.ROOT)))
        .findFirst();
  }

  private static Relation dated(Relation r, String role, PartialDate since) {
    return new Relation(
        r.schema(),
        r.source(),
        r.target(),
        Optional.of(role),
        Optional.of(since),
        r.evidence(),
        r.start(),
        r.end(),
        r.confidence(),
        r.extractor(),
        r.disputed());
  }
}
