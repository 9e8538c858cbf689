/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.AttackRoles;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.events.EventReading;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseOutcome;
import org.vigil.extract.syntax.ParsedSentence;
import org.vigil.extract.syntax.Token;

/**
 * MUC-4's attack role fillers as the extractor's own event rules read them. MUC-4's texts are in
 * lower case and its fillers are mostly descriptions ("urban guerrillas", "the embassy"), which no
 * name recogniser finds; so every noun phrase of a sentence is offered to the event rules as a
 * mention, and what the rules put in the perpetrator, victim, target and weapon roles is scored. A
 * perpetrator whose words name a body ("front", "army") is an organisation, else an individual.
 */
public final class EventRuleFillers {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern TRIGGER =
      Pattern.compile(
          "\\b(?:kill|murder|assassinat|execut|shot|shoot|stab|attack|bomb|target|ambush|kidnap"
              + "|abduct|explo|detonat|blast|wound|injur|massacr|slay|slain|dynamit|destroy|damag"
              + "|burn|sabotag|arson)",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> BODY_WORDS =
      Set.of(
          "front",
          "army",
          "movement",
          "party",
          "path",
          "cartel",
          "forces",
          "command",
          "battalion",
          "brigade",
          "police",
          "government",
          "guard",
          "fmln",
          "eln",
          "farc",
          "m-19",
          "organization",
          "group",
          "unit",
          "squad",
          "patrol",
          "council",
          "directorate");
  private static final Set<String> MODIFIERS = Set.of("compound", "amod", "nummod", "flat");

  private final DependencyParser parser;

  public EventRuleFillers(DependencyParser parser) {
    this.parser = requireNonNull(parser, "parser");
  }

  /** The fillers the event rules read in {@code text}. */
  public List<AttackRoles.Filler> find(String text) {
    List<AttackRoles.Filler> out = new ArrayList<>();
    int from = 0;
    Matcher end = SENTENCE_END.matcher(text);
    while (from < text.length()) {
      int to = end.find() ? end.start() : text.length();
      int next = to < text.length() ? end.end() : text.length();
      String sentence = text.substring(from, to);
      if (TRIGGER.matcher(sentence).find()
          && parser.parse(sentence, from) instanceof ParseOutcome.Parsed parsed) {
        read(parsed.sentence(), out);
      }
      from = next;
    }
    return out;
  }

  private static void read(ParsedSentence parse, List<AttackRoles.Filler> out) {
    MentionedSentence s = new MentionedSentence(parse, phrases(parse));
    for (ExtractedEvent e : EventReading.events(s)) {
      for (EventRole r : e.roles()) {
        role(r)
            .ifPresent(
                role ->
                    out.add(
                        new AttackRoles.Filler(
                            role, r.mention().text(), r.mention().start(), r.mention().end())));
      }
    }
  }

  private static Optional<AttackRoles.Role> role(EventRole r) {
    return switch (r.role()) {
      case "perpetrator" ->
          Optional.of(
              r.mention().type() == MentionType.ORGANIZATION
                  ? AttackRoles.Role.PERPETRATOR_ORGANIZATION
                  : AttackRoles.Role.PERPETRATOR_INDIVIDUAL);
      case "victim" -> Optional.of(AttackRoles.Role.VICTIM);
      case "target" -> Optional.of(AttackRoles.Role.TARGET);
      case "weapon" -> Optional.of(AttackRoles.Role.WEAPON);
      default -> Optional.empty();
    };
  }

  /** Each noun that heads a phrase, with the modifiers before it, as a mention. */
  private static List<Mention> phrases(ParsedSentence parse) {
    List<Mention> out = new ArrayList<>();
    for (Token t : parse.tokens()) {
      boolean trigger = EventReading.isTriggerNoun(t.lemma());
      boolean ofTrigger =
          parse.governors(t.index()).stream()
              .anyMatch(
                  d ->
                      MODIFIERS.contains(d.base())
                          && d.governor() >= 0
                          && EventReading.isTriggerNoun(parse.token(d.governor()).lemma()));
      // A noun that tells of the event is no participant; the words before it ("a dynamite
      // attack") may be one.
      if (!t.isNoun() || trigger || (isModifier(parse, t.index()) && !ofTrigger)) {
        continue;
      }
      int first = t.index();
      for (Dependency d : parse.dependents(t.index())) {
        if (MODIFIERS.contains(d.base()) && d.dependent() < first) {
          first = d.dependent();
        }
      }
      Token start = parse.token(first);
      String words = parse.text().substring(start.start() - parse.start(), t.end() - parse.start());
      boolean body = false;
      for (String w : words.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
        body |= BODY_WORDS.contains(w);
      }
      MentionType type = body ? MentionType.ORGANIZATION : MentionType.PERSON;
      out.add(
          new Mention(
              words,
              type,
              start.start(),
              t.end(),
              "muc-" + start.start(),
              Optional.of(
                  body ? org.vigil.model.Schema.ORGANIZATION : org.vigil.model.Schema.PERSON),
              Optional.empty(),
              "evaluation:noun-phrase",
              0.5));
    }
    return out;
  }

  private static boolean isModifier(ParsedSentence parse, int token) {
    return parse.governors(token).stream()
        .anyMatch(d -> MODIFIERS.contains(d.base()) && d.governor() > token);
  }
}
