/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.extract.claims.ReadAttribution;
import org.vigil.extract.events.EventReading;
import org.vigil.extract.events.PlaceFromEarlierSentence;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.relations.ReadDesignatedInvolvement;
import org.vigil.extract.relations.RelationReading;
import org.vigil.extract.relations.learned.LearnedReading;
import org.vigil.extract.relations.learned.MergeLearned;
import org.vigil.extract.relations.learned.ReadLearnedRelations;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseOutcome;
import org.vigil.model.PartialDate;

/**
 * Reads relations, events, properties and their attribution from the parse of each sentence that
 * can hold one: a sentence with two names or more, or with a name and a word that tells of an event
 * or of speech. Parsing only those keeps the parser's cost to the sentences that pay for it.
 */
final class StructureReading {
  /** What the sentences' structure says, and the sentences not parsed with why. */
  record Result(
      List<Relation> relations,
      List<ExtractedEvent> events,
      List<ExtractedProperty> properties,
      List<ParseOutcome.Skipped> skipped) {}

  /** Stems of the words that make a sentence with one name worth parsing. */
  private static final Pattern TRIGGER =
      Pattern.compile(
          "\\b(?:kill|murder|assassinat|execut|shot|shoot|attack|bomb|ambush|arrest|detain|detention"
              + "|apprehend|jail|imprison|captur|sanction|designat|blacklist|recruit|enlist|defect"
              + "|kidnap|abduct|plot|meet|met\\b|travel|flew|visit|trip|pay|paid|fund|financ"
              + "|smuggl|traffick|said|say|told|claim|alleg|accus|denie|deny|report|accord"
              + "|wound|injur|massacr|slay|slain|explo|detonat|blast|dynamit|sabotag|arson"
              + "|escap|fled|flee|abscond|broke out|breakout|at large"
              + "|victim|dead\\b|bod(?:y|ies)\\b|corpse|casualt)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A line that cites where something came from ("Source: Spies Caught, Ministry Says – The
   * Herald"): a headline quoted, not something the text reports.
   */
  private static final Pattern CITATION =
      Pattern.compile("\\s*(?:Sources?|Photo|Image|Picture|Credit|Via|Read more|See also):");

  private StructureReading() {}

  static Result read(String text, List<Mention> mentions, DependencyParser parser) {
    return read(text, mentions, parser, Optional.empty());
  }

  /** Like {@link #read(String, List, DependencyParser)}, with the relation model's step too. */
  static Result read(
      String text,
      List<Mention> mentions,
      DependencyParser parser,
      Optional<ReadLearnedRelations> learned) {
    requireNonNull(text, "text");
    List<Relation> relations = new ArrayList<>();
    List<ExtractedEvent> events = new ArrayList<>();
    List<ExtractedProperty> properties = new ArrayList<>();
    List<ParseOutcome.Skipped> skipped = new ArrayList<>();
    // The sentence just before, when it was parsed: where it put a participant may be the place.
    Optional<MentionedSentence> previous = Optional.empty();
    for (Sentences.Sentence sentence : Sentences.split(text)) {
      Optional<MentionedSentence> earlier =
          previous.filter(p -> !PARAGRAPH_BREAK.matcher(between(text, p, sentence)).find());
      previous = Optional.empty();
      List<Mention> inside =
          mentions.stream()
              .filter(m -> m.start() >= sentence.start() && m.end() <= sentence.end())
              .toList();
      long names = inside.stream().filter(m -> m.type() != MentionType.MISC).count();
      if (names == 0
          || (names < 2 && !TRIGGER.matcher(sentence.text()).find())
          || CITATION.matcher(sentence.text()).lookingAt()) {
        continue;
      }
      int body = DatelineLead.bodyStart(sentence.text());
      ParseOutcome outcome = parser.parse(sentence.text().substring(body), sentence.start() + body);
      if (outcome instanceof ParseOutcome.Skipped s) {
        skipped.add(s);
        continue;
      }
      MentionedSentence ms =
          new MentionedSentence(((ParseOutcome.Parsed) outcome).sentence(), inside);
      Attribution said = ReadAttribution.of(ms);
      if (said.claimant().isPresent()) {
        ms = ClaimantPronouns.resolve(ms, said.claimant().get());
      }
      LearnedReading model = learned.isPresent() ? learned.get().read(ms) : LearnedReading.NOTHING;
      for (Relation r : MergeLearned.relations(RelationReading.relations(ms), model.relations())) {
        relations.add(said == Attribution.SOURCE ? r : r.attributed(said));
      }
      Optional<PartialDate> date =
          DateFinder.find(sentence.text()).stream().findFirst().map(DateFinder.FoundDate::date);
      List<ExtractedEvent> told = MergeLearned.events(EventReading.events(ms), model.events());
      for (ExtractedEvent e : told) {
        ExtractedEvent dated = date.isPresent() ? e.withDate(date) : e;
        if (earlier.isPresent()) {
          dated = PlaceFromEarlierSentence.placed(dated, earlier.get());
        }
        events.add(attribute(dated, said));
      }
      int from = ms.start();
      List<ExtractedEvent> before = events.stream().filter(e -> e.start() < from).toList();
      for (Relation r : ReadDesignatedInvolvement.read(ms, before)) {
        relations.add(said == Attribution.SOURCE ? r : r.attributed(said));
      }
      if (told.isEmpty() && said.stance() == Stance.DENIES && said.claimant().isPresent()) {
        deniedBack(ms, said, events).ifPresent(events::add);
      }
      properties.addAll(
          MergeLearned.properties(RelationReading.properties(ms), model.properties()));
      previous = Optional.of(ms);
    }
    return new Result(relations, events, properties, skipped);
  }

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\r]*\\n");

  private static String between(String text, MentionedSentence before, Sentences.Sentence next) {
    return text.substring(Math.min(before.end(), next.start()), next.start());
  }

  /** Words by which a denial points back at what others said: "the Iranian claims are false". */
  private static final Pattern SAID_BEFORE =
      Pattern.compile(
          "\\b(?:claims?|reports?|allegations?|accusations?|assertions?|announcement"
              + "|involvement|responsibility)\\b");

  private static final Pattern INVOLVEMENT =
      Pattern.compile("\\b(?:involvement|responsibility)\\b");

  /**
   * A denial with no event of its own that points back at what was said ("Trump called the Iranian
   * claims totally false", "the Kremlin denied any involvement", "Tehran denied the reports")
   * denies the latest deed (an event with a perpetrator) that another party claimed or the text
   * alleged, else the latest event another party claimed: the same event, in a second claim with
   * the opposite stance; the claimed event in {@code before} is marked disputed.
   */
  private static Optional<ExtractedEvent> deniedBack(
      MentionedSentence ms, Attribution said, List<ExtractedEvent> before) {
    if (!SAID_BEFORE.matcher(ms.text()).find()) {
      return Optional.empty();
    }
    Mention denier = said.claimant().get();
    // A denial answers an accusation: the latest deed someone is said to have done (an event with
    // a perpetrator) comes first; one denies involvement only in such a deed.
    int i = latestClaimed(before, denier, true);
    if (i < 0 && !INVOLVEMENT.matcher(ms.text()).find()) {
      i = latestClaimed(before, denier, false);
    }
    if (i < 0) {
      return Optional.empty();
    }
    ExtractedEvent e = before.get(i);
    // The claim denied is disputed from now on, as the denial is.
    before.set(i, e.asDisputed());
    return Optional.of(
        new ExtractedEvent(
            e.schema(),
            e.kind(),
            e.date(),
            e.place(),
            e.participants(),
            e.authority(),
            e.program(),
            ms.text(),
            ms.start(),
            ms.end(),
            e.confidence() * 0.8,
            "rule:denied-back",
            true,
            e.roles(),
            said));
  }

  /**
   * The index of the latest event in {@code before} that someone other than {@code denier} said and
   * nobody denied yet: one with a named claimant, or a deed the text itself only alleges ("was
   * reportedly abducted by agents of X"); with {@code deeds}, only events with a perpetrator. -1
   * when there is none.
   */
  private static int latestClaimed(List<ExtractedEvent> before, Mention denier, boolean deeds) {
    for (int i = before.size() - 1; i >= 0; i--) {
      ExtractedEvent e = before.get(i);
      Attribution a = e.attribution();
      boolean deed = !e.inRole("perpetrator").isEmpty();
      boolean claimed =
          a.claimant().isPresent()
              ? !a.claimant().get().entityId().equals(denier.entityId())
              : deed && (a.stance() == Stance.ALLEGES || a.stance() == Stance.SPECULATES);
      if (claimed && a.stance() != Stance.DENIES && (deed || !deeds)) {
        return i;
      }
    }
    return -1;
  }

  /** The sentence's attribution on an event; an event the sentence negates stays denied. */
  private static ExtractedEvent attribute(ExtractedEvent e, Attribution said) {
    if (said == Attribution.SOURCE) {
      return e;
    }
    if (e.attribution().stance() == Stance.DENIES) {
      return e.attributed(new Attribution(said.claimant(), Stance.DENIES, said.cue() + ", not"));
    }
    return e.attributed(said);
  }
}
