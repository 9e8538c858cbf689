/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Attribution;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
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
          Map.entry("attribute", Stance.ASSERTS),
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
          "rumored",
          "suspicion");
  private static final String DESCRIBED = "rule:described-claimant";
  private static final Set<String> MODALS = Set.of("may", "might", "could");

  /** Verbs whose passive with what follows hedges: "is said to", "is thought to have". */
  private static final Set<String> HEARSAY =
      Set.of("say", "think", "believe", "report", "understand", "rumour", "rumor", "expect");

  /** Verbs of saying whose object is never the hearer, so a name right after is the speaker. */
  private static final Set<String> INVERTING = Set.of("say", "add", "write", "explain", "state");

  /** How a speaker's noun names the body it speaks for: "a spokesman for", "analysts at". */
  private static final Set<String> BODY_OF =
      Set.of("nmod:for", "nmod:of", "nmod:at", "nmod:from", "nmod:with");

  private static final Set<String> NOUN_PHRASE_LEFT =
      Set.of("det", "amod", "compound", "nmod", "flat", "nummod");
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

  /** Whether {@code word} hedges what a sentence tells ("reportedly", "may", "suspected"). */
  public static boolean isHedge(String word) {
    return HEDGES.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Who asserts what {@code s} tells, and how. */
  public static Attribution of(MentionedSentence s) {
    Optional<Mention> claimant = Optional.empty();
    Stance stance = Stance.ASSERTS;
    String cue = "";
    for (Dependency d : s.parse().dependencies()) {
      if (d.is("obl:according_to") || d.is("nmod:according_to")) {
        Optional<Mention> m = party(s, d.dependent());
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
      if (modifiesANoun(s, w)) {
        continue; // "attacks claimed by Daesh": the sentence still speaks in its own voice
      }
      Optional<Mention> who = subject(s, w);
      if (who.isEmpty() || described(who.get())) {
        Optional<Mention> describedSubject = who;
        who = invertedSubject(s, w).or(() -> describedSubject);
      }
      if (who.isEmpty()) {
        who = SpeakerBeforeComma.of(s, w);
      }
      if (who.isEmpty()) {
        continue;
      }
      boolean negated = negated(s, w);
      if (negated && said == Stance.ASSERTS && s.parse().dependents(w, "ccomp").isEmpty()) {
        continue; // "does not report the number of aircraft": nothing is said
      }
      claimant = who;
      cue = s.parse().token(w).word().toLowerCase(Locale.ROOT);
      stance = said;
      if (negated && said == Stance.ASSERTS) {
        stance = Stance.DENIES;
        cue = "not " + cue;
      }
      if (said == Stance.ASSERTS && deniesInside(s, w)) {
        stance = Stance.DENIES;
        cue = cue + ", no part";
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
      Optional<String> hedge = hedge(s, claimant);
      if (hedge.isPresent()) {
        String word = hedge.get();
        stance = ALLEGING.contains(word) ? Stance.ALLEGES : Stance.SPECULATES;
        cue = cue.isEmpty() ? word : cue + ", " + word;
      }
    }
    if (claimant.isEmpty() && stance == Stance.ASSERTS) {
      return Attribution.SOURCE;
    }
    return new Attribution(claimant, stance, cue);
  }

  /**
   * The first word that hedges the sentence, outside the claimant: an adverb or adjective of
   * hedging anywhere ("reportedly", "an alleged plot"), a modal only where it governs what the
   * sentence tells, not a clause inside it ("information that could be used"), and a verb of
   * thinking or saying in the passive with what follows ("is thought to have", "is said to").
   */
  private static Optional<String> hedge(MentionedSentence s, Optional<Mention> claimant) {
    for (var t : s.parse().tokens()) {
      String word = t.word().toLowerCase(Locale.ROOT);
      if (!HEDGES.contains(word) || (claimant.isPresent() && inside(t.start(), claimant.get()))) {
        continue;
      }
      if (MODALS.contains(word) && !(t.tag().equals("MD") && governsTheClaim(s, t.index()))) {
        continue;
      }
      return Optional.of(word);
    }
    for (var t : s.parse().tokens()) {
      if (HEARSAY.contains(t.lemma())
          && t.isVerb()
          && !s.parse().dependents(t.index(), "aux:pass").isEmpty()
          && !s.parse().dependents(t.index(), "xcomp").isEmpty()) {
        return Optional.of("is " + t.word().toLowerCase(Locale.ROOT) + " to");
      }
    }
    return Optional.empty();
  }

  /** Whether the modal at {@code modal} belongs to the main clause or to what is said in it. */
  private static boolean governsTheClaim(MentionedSentence s, int modal) {
    for (var g : s.parse().governors(modal)) {
      if (g.governor() < 0) {
        return true;
      }
      for (var up : s.parse().governors(g.governor())) {
        if (up.is("acl") || up.is("advcl") || up.is("nmod") || up.is("obl")) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The party a word names: the mention it stands for, unless that is a title without a name ("a
   * spokesman") for a named body ("for the Metropolitan Police"), which then speaks; else a named
   * body the word is of, for or at ("analysts at the Institute"); else the noun phrase itself as a
   * described party ("the release", "German officials", "Iran International"). Never a pronoun.
   */
  private static Optional<Mention> party(MentionedSentence s, int word) {
    Optional<Mention> named = s.named(word);
    if (named.isPresent() && !named.get().extractor().equals("pattern:title")) {
      return named;
    }
    for (Dependency d : s.parse().dependents(word)) {
      if (BODY_OF.contains(d.relation())) {
        Optional<Mention> body = s.named(d.dependent());
        if (body.isPresent() && body.get().type() == MentionType.ORGANIZATION) {
          return body;
        }
      }
    }
    if (named.isPresent()) {
      return named;
    }
    if (!s.parse().token(word).isNoun()) {
      return Optional.empty();
    }
    // "the newspaper Novaya Gazeta reported": the name after the description is the speaker.
    for (Dependency d : s.parse().dependents(word)) {
      if (d.dependent() > word && (d.is("dep") || d.is("flat") || d.is("compound"))) {
        Optional<Mention> name = s.mentionAt(d.dependent()).filter(m -> m.schema().isPresent());
        if (name.isPresent()) {
          return name;
        }
      }
    }
    int from = leftmost(s, word);
    int to = rightmost(s, word);
    int start = s.parse().token(from).start();
    int end = s.parse().token(to).end();
    String text = s.text().substring(start - s.start(), end - s.start());
    return Optional.of(
        Mention.described(text, MentionType.ORGANIZATION, start, end, DESCRIBED, 0.6));
  }

  private static int leftmost(MentionedSentence s, int word) {
    int left = word;
    for (Dependency d : s.parse().dependents(word)) {
      if (d.dependent() < word && NOUN_PHRASE_LEFT.contains(d.base())) {
        left = Math.min(left, leftmost(s, d.dependent()));
      }
    }
    return left;
  }

  private static int rightmost(MentionedSentence s, int word) {
    int right = word;
    for (Dependency d : s.parse().dependents(word)) {
      if (d.dependent() > word
          && (d.is("amod") || (d.base().equals("nmod") && !d.is("nmod:poss")))) {
        right = Math.max(right, subtreeEnd(s, d.dependent()));
      }
    }
    return right;
  }

  private static int subtreeEnd(MentionedSentence s, int word) {
    int end = word;
    for (Dependency d : s.parse().dependents(word)) {
      if (d.dependent() > word && !d.is("punct") && !d.is("acl") && !d.is("appos")) {
        end = Math.max(end, subtreeEnd(s, d.dependent()));
      }
    }
    return end;
  }

  private static boolean described(Mention m) {
    return m.extractor().equals(DESCRIBED);
  }

  /** Whether the verb is a participle that modifies a noun ("an attack claimed by Daesh"). */
  private static boolean modifiesANoun(MentionedSentence s, int verb) {
    return s.parse().governors(verb).stream().anyMatch(g -> g.relation().equals("acl"));
  }

  private static Optional<Mention> subject(MentionedSentence s, int verb) {
    List<String> rels = List.of("nsubj", "obl:agent");
    for (String rel : rels) {
      for (int d : s.parse().dependents(verb, rel)) {
        boolean controlled =
            s.parse().dependents(verb).stream()
                .anyMatch(x -> x.dependent() == d && !x.relation().equals(rel));
        if (rel.equals("nsubj") && controlled) {
          continue;
        }
        Optional<Mention> m = party(s, d);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The speaker set after a verb of saying that never takes its hearer as object ('..." said
   * Burns.'), which the parser reads as the verb's object.
   */
  private static Optional<Mention> invertedSubject(MentionedSentence s, int verb) {
    if (!INVERTING.contains(s.lemma(verb))) {
      return Optional.empty();
    }
    for (Dependency d : s.parse().dependents(verb)) {
      if ((d.is("obj") || d.is("xcomp") || d.is("nsubj")) && d.dependent() > verb) {
        Optional<Mention> m = s.named(d.dependent());
        if (m.isPresent()
            && m.get().start() == s.parse().token(verb + 1).start()
            && endsTheClause(s, m.get())) {
          return m;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean endsTheClause(MentionedSentence s, Mention m) {
    return s.parse().tokens().stream()
        .filter(t -> t.start() >= m.end())
        .findFirst()
        .map(t -> t.tag().equals(".") || t.tag().equals(","))
        .orElse(true);
  }

  /**
   * Whether what is said denies a part in something: "told reporters that his client had no part in
   * the killing", "said Tehran had nothing to do with the strike".
   */
  private static boolean deniesInside(MentionedSentence s, int verb) {
    for (int said : s.parse().dependents(verb, "ccomp")) {
      for (Dependency d : s.parse().dependents(said)) {
        if (!(d.is("obj") || d.is("obl") || d.is("nsubj"))) {
          continue;
        }
        String word = s.parse().token(d.dependent()).word().toLowerCase(Locale.ROOT);
        if (word.equals("nothing") || s.parse().hasDependent(d.dependent(), "det", "no")) {
          return true;
        }
      }
    }
    return false;
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
