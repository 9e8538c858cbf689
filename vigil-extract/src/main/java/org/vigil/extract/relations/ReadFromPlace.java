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
 * Where a person comes from, said with "from" or by a place before a word for its people set before
 * the name: "Cole is from Dallas", "Cole comes from Dallas", "Cole hails from Dallas", "Dallas
 * native Ann Cole", "Atlanta businessman Neil Estes", "Illinois Gov. James Thompson". The person's
 * address, as written. Travel ("flew from Dallas", "returned from Paris") says where someone was,
 * not where they live: only being and coming from a place are read.
 */
public final class ReadFromPlace implements PropertyRule {
  /** Verbs that say where one comes from, not where one went. */
  private static final Set<String> COME = Set.of("come", "hail");

  /**
   * Words that, set before a name with a place before them, say the person lives there: "Dallas
   * native Ann Cole", "Atlanta businessman Neil Estes", "Illinois Gov. James Thompson" (an office
   * whose holder lives where it governs). An office held for another country ("U.S. Ambassador John
   * Smith") is not among them: its holder lives abroad.
   */
  private static final Set<String> NATIVE =
      Set.of(
          "native",
          "resident",
          "inhabitant",
          "businessman",
          "businesswoman",
          "man",
          "woman",
          "lawyer",
          "attorney",
          "farmer",
          "doctor",
          "physician",
          "developer",
          "banker",
          "teacher",
          "gov.",
          "governor",
          "mayor",
          "sen.",
          "senator",
          "rep.",
          "congressman",
          "congresswoman",
          "assemblyman",
          "legislator",
          "councilman",
          "sheriff");

  @Override
  public List<ExtractedProperty> read(MentionedSentence s) {
    List<ExtractedProperty> out = new ArrayList<>();
    for (Mention person : s.mentions()) {
      if (person.type() != MentionType.PERSON || person.extractor().equals("pattern:title")) {
        continue;
      }
      Optional<Integer> head = s.head(person);
      if (head.isEmpty()) {
        continue;
      }
      List<Mention> places = new ArrayList<>();
      for (Dependency g : s.parse().governors(head.get())) {
        int w = g.governor();
        if (w < 0 || !(g.is("nsubj"))) {
          continue;
        }
        // "Cole is from Dallas": the place is the predicate, "from" its case, "is" its copula.
        if (s.parse().hasDependent(w, "case", "from")
            && s.parse().dependents(w, "cop").size() == 1) {
          s.mentionAt(w, MentionType.LOCATION).ifPresent(places::add);
        }
        if (COME.contains(s.lemma(w))) {
          for (int o : s.parse().dependents(w, "obl:from")) {
            s.mentionAt(o, MentionType.LOCATION).ifPresent(places::add);
          }
        }
      }
      List<Integer> compounds = s.parse().dependents(head.get(), "compound");
      List<Integer> modifiers = new ArrayList<>(compounds);
      modifiers.addAll(s.parse().dependents(head.get(), "amod"));
      for (int n : modifiers) {
        if (NATIVE.contains(s.lemma(n).toLowerCase(java.util.Locale.ROOT))) {
          // "Dallas native Ann Cole": the place hangs on "native" or, beside it, on the name.
          List<Integer> before = new ArrayList<>(s.parse().dependents(n, "compound"));
          compounds.stream().filter(c -> c < n).forEach(before::add);
          for (int c : before) {
            s.mentionAt(c, MentionType.LOCATION)
                .filter(m -> m.end() <= person.start() || !s.inside(n, person))
                .ifPresent(places::add);
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
