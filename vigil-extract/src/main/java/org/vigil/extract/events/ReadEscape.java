/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;
import org.vigil.model.Schema;

/**
 * A person out of custody, the escaped person its {@code subject}: "X escaped from prison", "X fled
 * custody", "X broke out of Evin Prison", "X's escape from jail", "the jailbreak of X", and "X
 * remains at large". The escape's kind ("escape", or "at large" for the state) puts its subject at
 * large from the sentence's date, which is what lets a later "at large" dispute an arrest.
 *
 * <p>Fleeing or escaping is custody only with a word for it among the trigger's own arguments
 * ("prison", "custody", "guards", "house arrest"): "fled the country" and "escaped an attack" are
 * no escape. A jailbreak or a breakout needs no such word.
 */
public final class ReadEscape implements EventRule {
  /** Verbs of getting away, read as an escape only with a word of custody beside them. */
  private static final Set<String> VERBS = Set.of("escape", "flee", "abscond", "break");

  /** Nouns of getting away from custody: "his escape from prison", "a daring jailbreak". */
  private static final Set<String> NOUNS = Set.of("escape", "flight");

  /** Nouns that are an escape from custody by themselves. */
  private static final Set<String> BREAKOUTS = Set.of("jailbreak", "breakout", "prisonbreak");

  /** Words of custody: where one is held, or by whom. */
  static final Set<String> CUSTODY =
      Set.of(
          "prison",
          "jail",
          "gaol",
          "penitentiary",
          "custody",
          "detention",
          "captivity",
          "captor",
          "guard",
          "cell",
          "arrest",
          "confinement",
          "lockup",
          "jailer",
          "prisoner");

  /** The relations by which a trigger names what it got away from. */
  private static final List<String> FROM =
      List.of("obj", "obl:from", "obl:out_of", "obl:of", "nmod:from", "nmod:out_of");

  /** The relations of "out of", by which "break" names what it got away from. */
  private static final List<String> OUT_OF = List.of("obl:out_of", "nmod:out_of");

  private static final Trigger ESCAPE =
      new Trigger("escape", Schema.EVENT, "subject", Optional.empty(), Map.of());
  private static final Trigger AT_LARGE =
      new Trigger("at large", Schema.EVENT, "subject", Optional.empty(), Map.of());

  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      if (s.mentionAt(w).isPresent()) {
        continue;
      }
      String lemma = s.lemma(w);
      if (s.parse().token(w).isVerb() && VERBS.contains(lemma) && fromCustody(s, w)) {
        Arguments args = new Arguments(s);
        args.add(w, "nsubj", ESCAPE.agent());
        args.add(w, "nsubj:xsubj", ESCAPE.agent());
        args.event(ESCAPE, w, "escape-verb", 0.7).ifPresent(out::add);
      } else if (s.parse().token(w).isNoun()
          && (BREAKOUTS.contains(lemma) || (NOUNS.contains(lemma) && fromCustody(s, w)))) {
        Arguments args = new Arguments(s);
        args.add(w, "nmod:poss", ESCAPE.agent());
        args.add(w, "nmod:of", ESCAPE.agent());
        args.event(ESCAPE, w, "escape-noun", 0.6).ifPresent(out::add);
      } else if (lemma.equals("large") && s.parse().hasDependent(w, "case", "at")) {
        atLarge(s, w).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * "X is at large" (X the subject of "large"), "X remains at large" (X the subject of the verb "at
   * large" hangs on).
   */
  private static Optional<ExtractedEvent> atLarge(MentionedSentence s, int large) {
    Arguments args = new Arguments(s);
    args.add(large, "nsubj", AT_LARGE.agent());
    if (args.isEmpty()) {
      for (Dependency g : s.parse().governors(large)) {
        args.add(g.governor(), "nsubj", AT_LARGE.agent());
      }
    }
    return args.event(AT_LARGE, large, "at-large", 0.6);
  }

  /**
   * Whether the trigger names custody among what it got away from; "break" only out of it ("broke
   * out of jail", where the parser reads "out of" as one preposition), not "broke the law".
   */
  private static boolean fromCustody(MentionedSentence s, int trigger) {
    boolean breaking = s.lemma(trigger).equals("break");
    for (String rel : breaking ? OUT_OF : FROM) {
      for (int d : s.parse().dependents(trigger, rel)) {
        if (custody(s, d)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A word of custody, or a phrase headed by one or with one as its modifier ("Evin Prison"). */
  private static boolean custody(MentionedSentence s, int word) {
    if (CUSTODY.contains(s.lemma(word))) {
      return true;
    }
    for (Dependency d : s.parse().dependents(word)) {
      if ((d.is("compound") || d.is("amod") || d.is("flat"))
          && CUSTODY.contains(s.lemma(d.dependent()))) {
        return true;
      }
    }
    return false;
  }
}
