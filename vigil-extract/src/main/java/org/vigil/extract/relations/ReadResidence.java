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
 * Dallas resident, John Smith", "Smith was born in Dallas", "Texas Gov. Smith". The place is the
 * person's address, as written.
 */
public final class ReadResidence implements PropertyRule {
  private static final Set<String> VERBS =
      Set.of("live", "reside", "stay", "settle", "bear", "grow", "move", "hide", "shelter");
  private static final Set<String> NOUNS =
      Set.of("resident", "native", "citizen", "inhabitant", "man", "woman", "national");

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
      List<Mention> places = new ArrayList<>(Places.of(s, head.get()));
      for (Dependency d : s.parse().dependents(head.get())) {
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
      for (Dependency g : s.parse().governors(head.get())) {
        int verb = g.governor();
        if (verb >= 0 && (g.is("nsubj") || g.is("nsubj:pass")) && VERBS.contains(s.lemma(verb))) {
          places.addAll(Places.obliqueOf(s, verb));
          for (int o : s.parse().dependents(verb, "obl:from")) {
            s.mentionAt(o, MentionType.LOCATION).ifPresent(places::add);
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
    }
    return out;
  }
}
