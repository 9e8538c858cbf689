/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Attribution;
import org.vigil.extract.Mention;
import org.vigil.extract.Stance;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * The attribution of what one sentence tells: the claimant is the subject of a verb of saying ("the
 * ministry said", "Trump denied", "was reported by Reuters") or the party "according to" whom it is
 * told; the stance comes from that verb (deny, accuse, claim, suspect) and from hedges in the
 * sentence ("reportedly", "allegedly", "may", "suspected"). A sentence with neither is the source's
 * assertion. Stateless.
 */
public final class ReadAttribution {
  private static final Map<String, Stance> SPEECH =
      Map.ofEntries(
          Map.entry("say", Stance.ASSERTS),
          Map.entry("tell", Stance.ASSERTS),
          Map.entry("state", Stance.ASSERTS),
          Map.entry("announce", Stance.ASSERTS),
          Map.entry("report", Stance.ASSERTS),
          Map.entry("add", Stance.ASSERTS),
          Map.entry("confirm", Stance.ASSERTS),
          Map.entry("insist", Stance.ASSERTS),
          Map.entry("assert", Stance.ASSERTS),
          Map.entry("write", Stance.ASSERTS),
          Map.entry("reveal", Stance.ASSERTS),
          Map.entry("disclose", Stance.ASSERTS),
          Map.entry("declare", Stance.ASSERTS),
          Map.entry("warn", Stance.ASSERTS),
          Map.entry("admit", Stance.ASSERTS),
          Map.entry("acknowledge", Stance.ASSERTS),
          Map.entry("explain", Stance.ASSERTS),
          Map.entry("call", Stance.ASSERTS),
          Map.entry("claim", Stance.ASSERTS),
          Map.entry("tweet", Stance.ASSERTS),
          Map.entry("post", Stance.ASSERTS),
          Map.entry("allege", Stance.ALLEGES),
          Map.entry("accuse", Stance.ALLEGES),
          Map.entry("charge", Stance.ALLEGES),
          Map.entry("blame", Stance.ALLEGES),
          Map.entry("deny", Stance.DENIES),
          Map.entry("reject", Stance.DENIES),
          Map.entry("dismiss", Stance.DENIES),
          Map.entry("refute", Stance.DENIES),
          Map.entry("suggest", Stance.SPECULATES),
          Map.entry("believe", Stance.SPECULATES),
          Map.entry("think", Stance.SPECULATES),
          Map.entry("suspect", Stance.SPECULATES),
          Map.entry("speculate", Stance.SPECULATES),
          Map.entry("estimate", Stance.SPECULATES));

  /** Words that call what was said untrue: "called the claims totally false". */
  private static final Set<String> UNTRUE =
      Set.of(
          "false",
          "untrue",
          "baseless",
          "fabricated",
          "unfounded",
          "lie",
          "lies",
          "nonsense",
          "fake");

  private static final Set<String> HEDGES =
      Set.of(
          "reportedly",
          "allegedly",
          "purportedly",
          "apparently",
          "possibly",
          "probably",
          "likely",
          "may",
          "might",
          "could",
          "suspected",
          "alleged",
          "presumably",
          "perhaps",
          "unconfirmed",
          "believed",
          "rumoured",
          "rumored");
  private static final Set<String> ALLEGING = Set.of("allegedly", "alleged");
  private static final Set<String> NEGATIONS = Set.of("not", "never", "n't");

  /** Nouns that carry what someone says: "its claim that", "responded with a statement that". */
  private static final Map<String, Stance> SAYING_NOUNS =
      Map.of(
          "claim", Stance.ASSERTS,
          "statement", Stance.ASSERTS,
          "announcement", Stance.ASSERTS,
          "assertion", Stance.ASSERTS,
          "allegation", Stance.ALLEGES,
          "accusation", Stance.ALLEGES,
          "denial", Stance.DENIES);

  private ReadAttribution() {}

  /** Who asserts what {@code s} tells, and how. */
  public static Attribution of(MentionedSentence s) {
    Optional<Mention> claimant = Optional.empty();
    Stance stance = Stance.ASSERTS;
    String cue = "";
    for (Dependency d : s.parse().dependencies()) {
      if (d.is("obl:according_to") || d.is("nmod:according_to")) {
        Optional<Mention> m = s.named(d.dependent());
        if (m.isPresent()) {
          claimant = m;
          cue = "according to";
        }
      }
    }
    for (int w = 0; w < s.parse().tokens().size() && claimant.isEmpty(); w++) {
      Stance said = SPEECH.get(s.lemma(w));
      if (said == null || !s.parse().token(w).isVerb()) {
        continue;
      }
      Optional<Mention> who = subject(s, w);
      if (who.isEmpty()) {
        continue;
      }
      claimant = who;
      cue = s.parse().token(w).word().toLowerCase(Locale.ROOT);
      stance = said;
      if (negated(s, w) && said == Stance.ASSERTS) {
        stance = Stance.DENIES;
        cue = "not " + cue;
      }
      if (said != Stance.DENIES && callsUntrue(s)) {
        stance = Stance.DENIES;
      }
    }
    for (int w = 0; w < s.parse().tokens().size() && claimant.isEmpty(); w++) {
      Stance said = SAYING_NOUNS.get(s.lemma(w));
      if (said == null || !s.parse().token(w).isNoun()) {
        continue;
      }
      boolean hasClause =
          !s.parse().dependents(w, "ccomp").isEmpty() || !s.parse().dependents(w, "acl").isEmpty();
      if (!hasClause) {
        continue;
      }
      Optional<Mention> who = Optional.empty();
      for (int d : s.parse().dependents(w, "nmod:poss")) {
        who = who.or(() -> s.named(d));
      }
      for (var g : s.parse().governors(w)) {
        if (g.governor() >= 0 && who.isEmpty()) {
          who = subject(s, g.governor());
        }
      }
      if (who.isPresent()) {
        claimant = who;
        stance = said;
        cue = s.parse().token(w).word().toLowerCase(Locale.ROOT);
      }
    }
    if (stance == Stance.ASSERTS) {
      for (var t : s.parse().tokens()) {
        String word = t.word().toLowerCase(Locale.ROOT);
        if (HEDGES.contains(word) && !(claimant.isPresent() && inside(t.start(), claimant.get()))) {
          stance = ALLEGING.contains(word) ? Stance.ALLEGES : Stance.SPECULATES;
          cue = cue.isEmpty() ? word : cue + ", " + word;
          break;
        }
      }
    }
    if (claimant.isEmpty() && stance == Stance.ASSERTS) {
      return Attribution.SOURCE;
    }
    return new Attribution(claimant, stance, cue);
  }

  private static Optional<Mention> subject(MentionedSentence s, int verb) {
    List<String> rels = List.of("nsubj", "obl:agent");
    for (String rel : rels) {
      for (int d : s.parse().dependents(verb, rel)) {
        if (rel.equals("nsubj") && s.parse().dependents(verb, "nsubj:pass").contains(d)) {
          continue;
        }
        Optional<Mention> m = s.named(d);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean negated(MentionedSentence s, int verb) {
    return s.parse().dependents(verb, "advmod").stream()
        .anyMatch(d -> NEGATIONS.contains(s.parse().token(d).word().toLowerCase(Locale.ROOT)));
  }

  private static boolean callsUntrue(MentionedSentence s) {
    return s.parse().tokens().stream()
        .anyMatch(t -> UNTRUE.contains(t.word().toLowerCase(Locale.ROOT)));
  }

  private static boolean inside(int offset, Mention m) {
    return offset >= m.start() && offset < m.end();
  }
}
