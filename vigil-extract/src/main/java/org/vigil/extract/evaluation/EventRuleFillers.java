/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.AttackRoles;
import org.vigil.extract.CalendarWords;
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
import org.vigil.model.Schema;

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
              + "|burn|sabotag|arson|victim|dead\\b|bod(?:y|ies)\\b|corpse|casualt)",
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
          "organization",
          "group",
          "unit",
          "squad",
          "patrol",
          "council",
          "directorate");
  private static final String NAME = "evaluation:name";
  private static final String DESCRIPTION = "evaluation:description";

  /** Words that make a phrase a description, not a name: "two people", "the senator". */
  private static final Set<String> DESCRIBING = Set.of("det", "nummod", "det:predet", "det:poss");

  private static final Set<String> MODIFIERS = Set.of("compound", "amod", "nummod", "flat");

  /** Heads of phrases that name a time: a recogniser types them as dates, never as participants. */
  private static final Set<String> TIME_WORDS =
      Set.of(
          "morning",
          "afternoon",
          "evening",
          "night",
          "dawn",
          "midnight",
          "noon",
          "day",
          "week",
          "weekend",
          "month",
          "year",
          "hour",
          "minute",
          "time",
          "moment",
          "period",
          "today",
          "yesterday",
          "tonight");

  /** Heads of phrases that name an area: a recogniser types them as places. */
  private static final Set<String> AREA_WORDS =
      Set.of(
          "department",
          "province",
          "city",
          "capital",
          "town",
          "village",
          "region",
          "area",
          "zone",
          "jurisdiction",
          "canton",
          "municipality",
          "district",
          "country",
          "state",
          "neighborhood",
          "neighbourhood",
          "part",
          "territory",
          "suburb",
          "outskirts");

  /**
   * Heads of phrases for what cannot be struck: MUC-4's targets are things ("the embassy", "power
   * lines"); "sabotage against the economy" or "attacks on the peace process" name no target.
   */
  private static final Set<String> ABSTRACT =
      Set.of(
          "economy",
          "process",
          "sector",
          "place",
          "ground",
          "type",
          "kind",
          "asset",
          "interest",
          "right",
          "freedom",
          "democracy",
          "peace",
          "dialogue");

  /**
   * Heads of phrases for fighters of an armed force. MUC-4's templates are of terrorist incidents:
   * soldiers or guerrillas killed in combat are not their victims (1 of the 60 victims of the
   * development half is a military unit, none a soldier), so such a victim is not scored.
   */
  private static final Set<String> COMBATANTS =
      Set.of(
          "soldier",
          "guerrilla",
          "rebel",
          "troop",
          "combatant",
          "fighter",
          "insurgent",
          "militiaman",
          "militia",
          "enemy",
          "battalion",
          "brigade",
          "platoon",
          "company",
          "army",
          "force",
          "unit",
          "crewman",
          "serviceman",
          "paratrooper",
          "commando",
          "position",
          "convoy",
          "detachment",
          "patrol",
          "column");

  /**
   * Heads of phrases for people. MUC-4's targets are things (buildings, vehicles, lines); people
   * attacked are its victims, so a "target" that is people is scored as a victim.
   */
  private static final Set<String> PEOPLE =
      Set.of(
          "person",
          "people",
          "individual",
          "civilian",
          "leader",
          "officer",
          "official",
          "member",
          "observer",
          "son",
          "daughter",
          "man",
          "woman",
          "child",
          "president",
          "population",
          "worker",
          "peasant",
          "resident",
          "student",
          "priest",
          "journalist",
          "employee",
          "policeman",
          "guard",
          "candidate",
          "judge",
          "senator",
          "minister",
          "mayor",
          "trafficker",
          "director",
          "businessman",
          "citizen",
          "passenger",
          "politician",
          "reporter",
          "attorney",
          "lawyer",
          "diplomat",
          "ambassador",
          "activist",
          "nun");

  private final DependencyParser parser;

  public EventRuleFillers(DependencyParser parser) {
    this.parser = requireNonNull(parser, "parser");
  }

  /** The fillers the event rules read in {@code text}. */
  public List<AttackRoles.Filler> find(String text) {
    List<AttackRoles.Filler> out = new ArrayList<>();
    List<ParsedSentence> parses = new ArrayList<>();
    int from = 0;
    Matcher end = SENTENCE_END.matcher(text);
    while (from < text.length()) {
      int to = end.find() ? end.start() : text.length();
      int next = to < text.length() ? end.end() : text.length();
      String sentence = text.substring(from, to);
      if (TRIGGER.matcher(sentence).find()
          && parser.parse(sentence, from) instanceof ParseOutcome.Parsed parsed) {
        parses.add(parsed.sentence());
      }
      from = next;
    }
    Set<String> bodies = bodies(text);
    parses.forEach(p -> bodies.addAll(bodiesOfFighters(p)));
    parses.forEach(p -> bodies.addAll(NamedBodies.apposedToABody(p)));
    for (ParsedSentence p : parses) {
      read(p, out, bodies);
    }
    return finish(text, out, bodies);
  }

  /** Names a document gives a body beside its words for one: "liberation front (fmln)". */
  private static final Pattern SHORT_AFTER =
      Pattern.compile("(?<![a-z0-9-])((?:[a-z-]+ ){0,7}([a-z-]+)) ?\\(([a-z][a-z0-9-]{1,9})\\)");

  private static final Pattern SHORT_BEFORE =
      Pattern.compile("(?<![a-z0-9-])([a-z][a-z0-9-]{1,9}) ?\\(((?:[a-z-]+ ){0,7}([a-z-]+))\\)");

  /** Heads of people who fight for a body named before them: "fmln guerrillas". */
  private static final Set<String> FIGHTERS =
      Set.of(
          "guerrilla",
          "rebel",
          "commando",
          "terrorist",
          "member",
          "militant",
          "fighter",
          "insurgent",
          "detachment");

  /**
   * The words that name a body in {@code text}: the words for one ("front", "army") and the short
   * names the document defines beside them ("farabundo marti national liberation front (fmln)").
   */
  static Set<String> bodies(String text) {
    Set<String> out = new java.util.HashSet<>(BODY_WORDS);
    out.addAll(NamedBodies.acronyms(text));
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher after = SHORT_AFTER.matcher(lower);
    while (after.find()) {
      if (BODY_WORDS.contains(after.group(2))) {
        out.add(after.group(3));
      }
    }
    Matcher before = SHORT_BEFORE.matcher(lower);
    while (before.find()) {
      if (BODY_WORDS.contains(before.group(3))) {
        out.add(before.group(1));
      }
    }
    return out;
  }

  /**
   * The nouns set before a word for fighters as a compound, which name the body they fight for:
   * "fmln" of "six fmln guerrillas" (an adjective, as in "urban guerrillas", is no body).
   */
  private static Set<String> bodiesOfFighters(ParsedSentence parse) {
    Set<String> out = new java.util.HashSet<>();
    for (Token t : parse.tokens()) {
      if (!FIGHTERS.contains(t.lemma())) {
        continue;
      }
      for (Dependency d : parse.dependents(t.index())) {
        Token c = parse.token(d.dependent());
        if (d.is("compound") && c.index() < t.index() && c.tag().equals("NN")) {
          out.add(c.word().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** The document's fillers as scored: bodies of described people added, one for each chain. */
  static List<AttackRoles.Filler> finish(String text, List<AttackRoles.Filler> read) {
    return finish(text, read, bodies(text));
  }

  private static List<AttackRoles.Filler> finish(
      String text, List<AttackRoles.Filler> read, Set<String> bodies) {
    List<AttackRoles.Filler> out = new ArrayList<>(read);
    Optional<String> theOne = theOneFoughtFor(text, bodies);
    for (AttackRoles.Filler f : read) {
      if (f.role() == AttackRoles.Role.PERPETRATOR_INDIVIDUAL) {
        Optional<AttackRoles.Filler> body = bodyNamedElsewhere(text, f, bodies);
        if (body.isEmpty() && theOne.isPresent() && fighters(f.text())) {
          // "the rebels" of a document whose only fighters' body is the fmln are the fmln's.
          body = Optional.of(filler(theOne.get(), f.start()));
        }
        body.ifPresent(out::add);
      }
    }
    return oneForEachChain(insurgentsAsOneChain(out));
  }

  /**
   * The described insurgents of a document as one chain: "the guerrillas", "the rebels" and "urban
   * commandos" of one report of an attack are the same people, told of by one word and then by
   * another; the first written is kept.
   */
  static List<AttackRoles.Filler> insurgentsAsOneChain(List<AttackRoles.Filler> fillers) {
    List<AttackRoles.Filler> kept = new ArrayList<>();
    boolean seen = false;
    for (AttackRoles.Filler f : fillers) {
      boolean insurgents =
          f.role() == AttackRoles.Role.PERPETRATOR_INDIVIDUAL && fighters(f.text());
      if (!insurgents || !seen) {
        kept.add(f);
      }
      seen |= insurgents;
    }
    return kept;
  }

  private static final Pattern FIGHTER_WORDS =
      Pattern.compile(
          "(?:guerrilla|rebel|commando|terrorist|militant|fighter|insurgent|detachment|unit"
              + "|force|squad)s?");

  /** Words for irregular fighters, which a document's later "the rebels" refers back with. */
  private static final Pattern INSURGENTS =
      Pattern.compile("(?:guerrilla|rebel|commando|terrorist|militant|fighter|insurgent)s?");

  /** Whether a phrase describes insurgents by a word: "the guerrillas", "urban commandos". */
  private static boolean fighters(String phrase) {
    String[] words = phrase.toLowerCase(Locale.ROOT).split("\\s+");
    return INSURGENTS.matcher(words[words.length - 1]).matches();
  }

  /**
   * The one body the document's fighters are of ({@link NamedBodies#theOne}): its own names for
   * bodies (not the words for one) that stand beside a word for fighters ("fmln guerrillas",
   * "members of the fmln"), or else all its own names.
   */
  static Optional<String> theOneFoughtFor(String text, Set<String> bodies) {
    String lower = text.toLowerCase(Locale.ROOT);
    Set<String> named = new java.util.TreeSet<>();
    Set<String> foughtFor = new java.util.TreeSet<>();
    for (String b : bodies) {
      if (BODY_WORDS.contains(b)) {
        continue;
      }
      named.add(b);
      String name = Pattern.quote(b);
      Pattern beside =
          Pattern.compile(
              "(?<![a-z0-9-])"
                  + name
                  + "\\)? (?:[a-z-]+ )?"
                  + FIGHTER_WORDS.pattern()
                  + "\\b|\\b"
                  + FIGHTER_WORDS.pattern()
                  + " of (?:the )?(?:[a-z-]+ ){0,7}?"
                  + name
                  + "(?![a-z0-9-])");
      if (beside.matcher(lower).find()) {
        foughtFor.add(b);
      }
    }
    return NamedBodies.theOne(foughtFor, named);
  }

  /**
   * The body of people described by a word alone ("the guerrillas", "urban commandos") when the
   * document names them with it elsewhere: "fmln guerrillas", "urban commandos of the farabundo
   * marti national liberation front". The same words in one document are one chain (issue 12's "a
   * short form of a name is the same mention chain").
   */
  static Optional<AttackRoles.Filler> bodyNamedElsewhere(String text, AttackRoles.Filler people) {
    return bodyNamedElsewhere(text, people, bodies(text));
  }

  private static Optional<AttackRoles.Filler> bodyNamedElsewhere(
      String text, AttackRoles.Filler people, Set<String> bodies) {
    String[] words = people.text().toLowerCase(Locale.ROOT).split("\\s+");
    for (String w : words) {
      if (bodies.contains(w)) {
        return Optional.empty();
      }
    }
    String head = Pattern.quote(words[words.length - 1]);
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher before = Pattern.compile("\\b([a-z0-9-]+) (?:[a-z-]+ )?" + head + "\\b").matcher(lower);
    for (int at = 0; before.find(at); at = before.start() + 1) {
      if (bodies.contains(before.group(1))) {
        return Optional.of(filler(before.group(1), before.start(1)));
      }
    }
    Matcher of = Pattern.compile("\\b" + head + " of the ((?:[a-z-]+ ?){1,7})").matcher(lower);
    while (of.find()) {
      String[] after = of.group(1).split(" ");
      for (int n = after.length; n > 0; n--) {
        if (bodies.contains(after[n - 1])) {
          String body = String.join(" ", java.util.Arrays.copyOf(after, n));
          return Optional.of(filler(body, of.start(1)));
        }
      }
    }
    return Optional.empty();
  }

  private static AttackRoles.Filler filler(String body, int start) {
    return new AttackRoles.Filler(
        AttackRoles.Role.PERPETRATOR_ORGANIZATION, body, start, start + body.length());
  }

  /**
   * One filler per role for each chain of mentions: a phrase whose words lie whole inside another
   * of the same role in the document ("oqueli colindres" after "hector oqueli colindres") names the
   * same one and is not counted again; the first written is kept.
   */
  static List<AttackRoles.Filler> oneForEachChain(List<AttackRoles.Filler> fillers) {
    List<AttackRoles.Filler> kept = new ArrayList<>();
    for (AttackRoles.Filler f : fillers) {
      String words = " " + RelationEvaluation.normalise(f.text()) + " ";
      boolean seen =
          kept.stream()
              .filter(k -> k.role() == f.role())
              .map(k -> " " + RelationEvaluation.normalise(k.text()) + " ")
              .anyMatch(k -> k.contains(words));
      if (!seen) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static void read(ParsedSentence parse, List<AttackRoles.Filler> out, Set<String> bodies) {
    MentionedSentence s = new MentionedSentence(parse, phrases(parse, bodies));
    for (ExtractedEvent e : EventReading.events(s)) {
      for (EventRole r : e.roles()) {
        Mention m = r.mention();
        role(r)
            .ifPresent(role -> out.add(new AttackRoles.Filler(role, m.text(), m.start(), m.end())));
        if (r.role().equals("perpetrator") && m.type() == MentionType.PERSON) {
          body(m, bodies)
              .ifPresent(
                  b ->
                      out.add(
                          new AttackRoles.Filler(
                              AttackRoles.Role.PERPETRATOR_ORGANIZATION,
                              b,
                              m.start(),
                              m.start() + b.length())));
        }
      }
    }
  }

  /**
   * The body people are of, named before their head word: "fmln" of "fmln urban commandos",
   * "shining path" of "shining path members" (up to the last word that names a body).
   */
  private static Optional<String> body(Mention people, Set<String> bodies) {
    String[] words = people.text().split("\\s+");
    int last = -1;
    for (int i = 0; i < words.length - 1; i++) {
      if (bodies.contains(words[i].toLowerCase(Locale.ROOT))) {
        last = i;
      }
    }
    return last < 0
        ? Optional.empty()
        : Optional.of(String.join(" ", java.util.Arrays.copyOf(words, last + 1)));
  }

  private static Optional<AttackRoles.Role> role(EventRole r) {
    return switch (r.role()) {
      case "perpetrator" ->
          Optional.of(
              r.mention().type() == MentionType.ORGANIZATION
                  ? AttackRoles.Role.PERPETRATOR_ORGANIZATION
                  : AttackRoles.Role.PERPETRATOR_INDIVIDUAL);
      case "victim" -> victim(r.mention());
      // A place attacked is the incident's location in MUC-4, a slot not scored here; a military
      // position attacked is combat, an abstract one no thing, and people attacked are victims.
      case "target" ->
          r.mention().type() == MentionType.LOCATION
                  || combatant(r.mention())
                  || headIn(r.mention(), ABSTRACT)
              ? Optional.empty()
              : people(r.mention()) ? victim(r.mention()) : Optional.of(AttackRoles.Role.TARGET);
      case "weapon" -> Optional.of(AttackRoles.Role.WEAPON);
      default -> Optional.empty();
    };
  }

  /**
   * Whether a phrase describes rather than names: it has an article, a number or a possessive, or
   * its head is plural ("the senator", "two people", "his mother", "civilians").
   */
  private static boolean described(ParsedSentence parse, Token head) {
    if (head.tag().endsWith("S") && !titledName(parse, head)) {
      return true;
    }
    return parse.dependents(head.index()).stream()
        .anyMatch(d -> DESCRIBING.contains(d.relation()) || d.is("nmod:poss"));
  }

  /**
   * Whether a phrase is a name after a word for who the person is: in "politician hector oqueli
   * colindres" the tagger of lower-case copy takes the last name for a plural, but the words after
   * "politician" name one person.
   */
  private static boolean titledName(ParsedSentence parse, Token head) {
    if (PEOPLE.contains(head.lemma())) {
      return false;
    }
    return parse.dependents(head.index()).stream()
        .anyMatch(
            d ->
                d.is("compound")
                    && d.dependent() < head.index()
                    && PEOPLE.contains(parse.token(d.dependent()).lemma()));
  }

  /**
   * A victim as MUC-4 keeps them: named, and no fighter. A phrase headed by a word for people ("uca
   * deputy director", "priest") describes one, as an article would.
   */
  private static Optional<AttackRoles.Role> victim(Mention m) {
    return combatant(m) || people(m) || m.extractor().equals(DESCRIPTION)
        ? Optional.empty()
        : Optional.of(AttackRoles.Role.VICTIM);
  }

  private static boolean combatant(Mention m) {
    return headIn(m, COMBATANTS);
  }

  private static boolean people(Mention m) {
    return headIn(m, PEOPLE);
  }

  private static boolean headIn(Mention m, Set<String> words) {
    String[] all = m.text().toLowerCase(Locale.ROOT).split("\\s+");
    String head = all[all.length - 1];
    return words.contains(head) || words.contains(singular(head));
  }

  private static String singular(String word) {
    if (word.endsWith("men")) {
      return word.substring(0, word.length() - 3) + "man";
    }
    return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
  }

  /** Each noun that heads a phrase, with the modifiers before it, as a mention. */
  private static List<Mention> phrases(ParsedSentence parse, Set<String> bodies) {
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
      // "a rebel attack": the parser makes the fighters an adjective of the deed.
      boolean fightersOfDeed = ofTrigger && FIGHTERS.contains(t.word().toLowerCase(Locale.ROOT));
      if (!(t.isNoun() || fightersOfDeed)
          || trigger
          || TIME_WORDS.contains(t.lemma())
          || CalendarWords.isCalendarWord(t.word())
          || (isModifier(parse, t.index()) && !ofTrigger)) {
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
      // Typed by its head: "fmln urban commandos" are people (of a body), "the honduran army" a
      // body.
      boolean body = bodies.contains(t.word().toLowerCase(Locale.ROOT));
      MentionType type =
          AREA_WORDS.contains(t.lemma())
              ? MentionType.LOCATION
              : body ? MentionType.ORGANIZATION : MentionType.PERSON;
      out.add(
          new Mention(
              words,
              type,
              start.start(),
              t.end(),
              "muc-" + start.start(),
              // A description has no schema, as the extractor's own descriptions have none.
              described(parse, t) ? Optional.empty() : schema(type),
              Optional.empty(),
              described(parse, t) ? DESCRIPTION : NAME,
              0.5));
    }
    return out;
  }

  private static Optional<Schema> schema(MentionType type) {
    return switch (type) {
      case ORGANIZATION -> Optional.of(Schema.ORGANIZATION);
      case PERSON -> Optional.of(Schema.PERSON);
      case LOCATION, MISC -> Optional.empty();
    };
  }

  private static boolean isModifier(ParsedSentence parse, int token) {
    return parse.governors(token).stream()
        .anyMatch(d -> MODIFIERS.contains(d.base()) && d.governor() > token);
  }
}
