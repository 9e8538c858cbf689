/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.syntax.Dependency;

/**
 * Where a person lives or comes from: "John Smith of Dallas", "Smith, who lives in Dallas", "a
 * Dallas resident, John Smith", "Texas Gov. Smith": the person's address, as written; "Smith was
 * born in Dallas": the person's birthplace (where one was born is not where one lives). The place
 * of an office read as its holder ("the President of the United States", "Australia's Minister for
 * Trade") is the office's jurisdiction, not where the holder lives: it is not read.
 */
public final class ReadResidence implements PropertyRule {
  private static final Set<String> VERBS =
      Set.of("live", "reside", "stay", "settle", "bear", "grow", "move", "hide", "shelter");
  private static final Set<String> NOUNS =
      Set.of("resident", "native", "citizen", "inhabitant", "man", "woman", "national");

  /** The extractor of offices read as their holders. */
  private static final String OFFICE = "pattern:title";

  /** The lemma of "born". */
  private static final String BEAR = "bear";

  @Override
  public List<ExtractedProperty> read(MentionedSentence s) {
    List<ExtractedProperty> out = new ArrayList<>();
    for (Mention person : s.mentions()) {
      if (person.type() != MentionType.PERSON) {
        continue;
      }
      Optional<Integer> head = s.head(person);
      if (head.isEmpty()) {
        continue;
      }
      boolean office = person.extractor().equals(OFFICE);
      if (office && apposedName(s, head.get())) {
        // "the 34th President of the United States, Dwight D. Eisenhower, was born in Denison":
        // the name apposed to the office takes what is said of it.
        continue;
      }
      List<Mention> places = new ArrayList<>(office ? List.of() : Places.of(s, head.get()));
      List<Mention> born = new ArrayList<>();
      for (Dependency d : office ? List.<Dependency>of() : s.parse().dependents(head.get())) {
        int w = d.dependent();
        if (d.is("compound") || d.is("nmod:poss") || d.is("amod")) {
          s.mentionAt(w, MentionType.LOCATION).ifPresent(places::add);
        }
        if ((d.is("appos") || d.is("acl:relcl")) && NOUNS.contains(s.lemma(w))) {
          places.addAll(Places.of(s, w));
          for (int c : s.parse().dependents(w, "compound")) {
            s.mentionAt(c, MentionType.LOCATION).ifPresent(places::add);
          }
        }
      }
      for (Dependency g : governors(s, head.get())) {
        int verb = g.governor();
        if (verb >= 0 && (g.is("nsubj") || g.is("nsubj:pass")) && VERBS.contains(s.lemma(verb))) {
          List<Mention> to = s.lemma(verb).equals(BEAR) ? born : places;
          to.addAll(Places.obliqueOf(s, verb));
          for (int o : s.parse().dependents(verb, "obl:from")) {
            s.mentionAt(o, MentionType.LOCATION).ifPresent(to::add);
          }
        }
        if (verb >= 0 && g.is("nsubj") && NOUNS.contains(s.lemma(verb))) {
          places.addAll(Places.of(s, verb));
          for (int c : s.parse().dependents(verb, "compound")) {
            s.mentionAt(c, MentionType.LOCATION).ifPresent(places::add);
          }
        }
      }
      places.stream()
          .distinct()
          .forEach(place -> out.add(Links.property(s, person, "address", place, "residence", 0.6)));
      born.stream()
          .distinct()
          .filter(place -> !places.contains(place))
          .forEach(
              place -> out.add(Links.property(s, person, "birthPlace", place, "residence", 0.6)));
    }
    return out;
  }

  /** Whether the office whose head is {@code office} has a person's name in apposition. */
  private static boolean apposedName(MentionedSentence s, int office) {
    for (int w : s.parse().dependents(office, "appos")) {
      if (s.mentionAt(w, MentionType.PERSON)
          .filter(m -> !m.extractor().equals(OFFICE))
          .isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The governors of a person's head word, and those of the office it is apposed to ("the
   * President, Dwight D. Eisenhower, was born": "born" governs the office).
   */
  private static List<Dependency> governors(MentionedSentence s, int head) {
    List<Dependency> out = new ArrayList<>(s.parse().governors(head));
    for (Dependency g : s.parse().governors(head)) {
      if (g.is("appos")
          && g.governor() >= 0
          && s.mentionAt(g.governor(), MentionType.PERSON)
              .filter(m -> m.extractor().equals(OFFICE))
              .isPresent()) {
        out.addAll(s.parse().governors(g.governor()));
      }
    }
    return out;
  }
}
