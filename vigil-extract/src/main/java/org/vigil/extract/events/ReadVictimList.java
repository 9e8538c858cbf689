/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * Those a report lists as the dead or wounded, often a sentence after the killing itself: "the
 * victims were X, Y and Z" and "the dead were identified as X and Y" (a killing), "the wounded are
 * X and Y" (an attack). Each name of the list is a victim.
 */
public final class ReadVictimList implements EventRule {
  /** Words for the dead as the subject of such a list. */
  private static final Set<String> DEAD = Set.of("victim", "dead", "deceased", "fatality");

  /** Words for the hurt. */
  private static final Set<String> HURT = Set.of("wounded", "injured", "casualty", "wound");

  /** Verbs that name who they were: "were identified as X". */
  private static final Set<String> NAMING = Set.of("identify", "name");

  /** Relations that go on a list: "X, Y and Z", "X; Y", "priest X". */
  private static final Set<String> LISTED = Set.of("conj", "appos", "dep", "compound");

  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      String lemma = s.lemma(w);
      boolean dead = DEAD.contains(lemma);
      if (!dead && !HURT.contains(lemma)) {
        continue;
      }
      Optional<Integer> predicate = listHead(s, w);
      if (predicate.isEmpty()) {
        continue;
      }
      Trigger t = dead ? Trigger.KILLING : Trigger.WOUNDING;
      Arguments args = new Arguments(s);
      for (int named : listed(s, predicate.get())) {
        args.add(named, "victim");
      }
      args.event(t, w, "victim-list", 0.6).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The first item of the list the word at {@code w} is the subject of: the predicate of "the
   * victims were X" or the "as" of "the dead were identified as X". "The wounded" is often parsed
   * with "wounded" on its article, which is then the subject.
   */
  private static Optional<Integer> listHead(MentionedSentence s, int w) {
    List<Integer> subjects = new ArrayList<>(List.of(w));
    s.parse().governors(w).stream()
        .filter(g -> g.governor() >= 0 && g.is("amod"))
        .forEach(g -> subjects.add(g.governor()));
    for (int subject : subjects) {
      for (Dependency g : s.parse().governors(subject)) {
        if (g.governor() < 0 || !(g.is("nsubj") || g.is("nsubj:pass"))) {
          continue;
        }
        int clause = g.governor();
        if (!s.parse().dependents(clause, "cop").isEmpty()) {
          return Optional.of(clause);
        }
        if (NAMING.contains(s.lemma(clause))) {
          return s.parse().dependents(clause, "obl:as").stream().findFirst();
        }
      }
    }
    return Optional.empty();
  }

  /** The words of the list that starts at {@code first}, in order, without relative clauses. */
  private static List<Integer> listed(MentionedSentence s, int first) {
    List<Integer> out = new ArrayList<>(List.of(first));
    for (int i = 0; i < out.size() && out.size() < 40; i++) {
      for (Dependency d : s.parse().dependents(out.get(i))) {
        if (LISTED.contains(d.base()) && !out.contains(d.dependent())) {
          out.add(d.dependent());
        }
      }
    }
    return out;
  }
}
