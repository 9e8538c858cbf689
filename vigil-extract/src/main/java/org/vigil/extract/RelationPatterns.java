/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * The domain's relation and event patterns, run sentence by sentence over mentions already found:
 * leadership, affiliation, sanctions, arrests, attacks, defections, recruitment, and denials that
 * mark earlier claims as disputed.
 */
final class RelationPatterns {
  private static final Pattern LED_BY =
      Pattern.compile(
          "\\b(led|headed|spearheaded|run|commanded|directed|controlled|founded)\\s+by\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE_OF =
      Pattern.compile(
          "\\b(head|chief|leader|commander|director|minister|deputy minister|secretary-general"
              + "|founder|operations chief|spokesman)\\s+(?:of|for)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMBER_OF =
      Pattern.compile(
          "\\b(members?|operatives?|agents?|prox(?:y|ies)|affiliates?|officers?|fighters?"
              + "|arm)\\s+of\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ON_BEHALF =
      Pattern.compile(
          "\\b(on behalf of|working for|worked for|works for|acting for|acted for|loyal to"
              + "|at the direction of|at the behest of|on the orders of)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BACKED_BY =
      Pattern.compile(
          "\\b(backed|funded|financed|trained|armed|equipped|sponsored|supported|recruited"
              + "|organized|organised)\\s+by\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BACKS =
      Pattern.compile(
          "\\b(trained|financed|funded|armed|equipped|backs|funds|trains|finances|arms|sponsors"
              + "|supports)(?:\\s+and\\s+(?:trained|financed|funded|armed|equipped))*\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SINCE = Pattern.compile("\\bsince\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SANCTION =
      Pattern.compile(
          "\\b(sanction(?:s|ed|ing)?|designat(?:ed|es|ing|ion))\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNTRY_AUTHORITY =
      Pattern.compile(
          "\\b(United Kingdom|UK|U\\.K\\.|Britain|European Union|EU|United Nations|UN)\\b");
  private static final Pattern PROGRAM =
      Pattern.compile("\\bunder (?:the )?([A-Z][A-Z0-9-]{2,})\\s+(?:program|programme|authorit)");
  private static final Pattern ARREST =
      Pattern.compile(
          "\\b(arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehended)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAMED_ATTACK =
      Pattern.compile(
          "\\b((?:19|20)\\d{2})\\s+((?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4})(bombings?|attacks?"
              + "|assassinations?|massacre|shooting|hijackings?|kidnappings?|raid)\\b");
  private static final Pattern ATTACK =
      Pattern.compile(
          "\\b(bomb(?:ed|ing|ings)|attack(?:ed|s)?|assassinat(?:ed|ion)|kill(?:ed|ing)|raid(?:ed)?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DEFECTION =
      Pattern.compile("\\bdefect(?:ed|ion|ions|or|ors|s|ing)?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern RECRUITMENT =
      Pattern.compile("\\brecruit(?:ed|s|ing|ment)?\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern DENIAL =
      Pattern.compile(
          "(?:totally|completely|entirely|utterly) false|\\bfalse\\b(?! flag)|\\bbaseless\\b"
              + "|\\bfabricat\\w+|\\buntrue\\b|\\bdenie[sd]\\b|\\bdeny(?:ing)?\\b|\\bdenial\\b"
              + "|\\brejected the (?:claim|report|allegation|accusation)s?\\b"
              + "|\\bdismissed the (?:claim|report|allegation|accusation)s?\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLAIM =
      Pattern.compile(
          "\\b(claim(?:s|ed)?|alleg(?:ed|edly|ation|ations)|announced|said|reported|accus\\w+)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern REFERS_BACK =
      Pattern.compile(
          "\\b(claims?|report|reports|allegations?|accusations?|announcement)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern REFERS_BACK_VAGUELY =
      Pattern.compile("\\b(it|this|that|these)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SAYING =
      Pattern.compile(
          "\\b(said|says|described|reported|claimed|told|announced|stated)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SLASH_NETWORK =
      Pattern.compile(
          "\\b((?:\\p{Lu}[\\p{L}'’-]*(?: \\p{Lu}[\\p{L}'’-]*)*/){1,4}"
              + "(?:\\p{Lu}[\\p{L}'’-]*(?: \\p{Lu}[\\p{L}'’-]*)*)?)/?\\s+(network|alliance|axis"
              + "|coalition)\\b");
  private static final Pattern BASE_OF =
      Pattern.compile(
          "\\b(headquarters|staging area|base|hub|stronghold)\\s+(?:for|of)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NOMINAL =
      Pattern.compile(
          "\\b(?:(?:an?|the|this|that|its|their)\\s+)(?:(?!(?:an?|the|this|that|its|their)\\s)"
              + "[\\p{L}-]+\\s+){0,4}?(network|cell|cells"
              + "|ring|gang|militias?|group|organi[sz]ation|syndicate)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DESIGNATED_REFERENCE =
      Pattern.compile(
          "\\b(?:designations?|sanctions|sanctioning|designating)\\s+(?:of|on|against)\\s+(?:the\\s+)?"
              + "(?:individuals|entities|persons|people|those|individuals and entities"
              + "|entities and individuals|people and entities)\\s+(involved in|linked to|tied to"
              + "|connected to|working for|acting for|acting on behalf of|on behalf of)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CITATION =
      Pattern.compile("^\\s*(?:Sources?|Photo|Image|Picture|Credit|Via|Read more|See also):");
  private static final Pattern ADJACENT_GAP =
      Pattern.compile(
          "[\\s,]*(?:(?:was|were|is|are|has been|have been|had been|being|been)[\\s,]*)*");
  private static final Pattern ROLE_OBJECT =
      Pattern.compile(
          "\\s*((?:(?!\\s(?:since|from|until|and|who|which)\\b)[^(),;.])+(?:\\.\\p{L}[^(),;.\\s]*)*)");
  private static final Set<String> AUTHORITY_IDS =
      Set.of(
          "vigil-us-ofac",
          "vigil-us-treasury",
          "vigil-us-state",
          "vigil-uk-ofsi",
          "vigil-un-sc",
          "vigil-eu-council",
          "vigil-us-doj");
  private static final Set<String> STOP_WORDS =
      Set.of("and", "or", "who", "which", "that", "by", "but", "while", "whose", "to", "in", "on");
  private static final int MAX_SKIPPED_WORDS = 4;
  private static final int CLAIM_LOOKBACK = 20;
  private static final int VAGUE_LOOKBACK = 3;
  private static final int MAX_LEFT_GAP = 80;

  private final String text;
  private final String sourceKey;
  private final Gazetteer gazetteer;
  private final List<Mention> mentions;
  private final List<TextAttribute> attributes;
  private final List<Mention> nominals = new ArrayList<>();
  private final List<Relation> relations = new ArrayList<>();
  private final List<ExtractedEvent> events = new ArrayList<>();

  private RelationPatterns(
      String text, Gazetteer gazetteer, List<Mention> mentions, List<TextAttribute> attributes) {
    this.text = text;
    this.sourceKey = EntityIds.hash(text);
    this.gazetteer = gazetteer;
    this.mentions = mentions;
    this.attributes = attributes;
  }

  /** Relations and events over {@code text}; nominals made for them are added to the result. */
  static Result run(
      String text, Gazetteer gazetteer, List<Mention> mentions, List<TextAttribute> attributes) {
    RelationPatterns patterns = new RelationPatterns(text, gazetteer, mentions, attributes);
    List<Sentences.Sentence> sentences = Sentences.split(text);
    List<Integer> claimSentences = new ArrayList<>();
    int lastWithReadings = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Sentences.Sentence s = sentences.get(i);
      int relationsBefore = patterns.relations.size();
      int eventsBefore = patterns.events.size();
      patterns.sentence(s);
      boolean read =
          patterns.relations.size() > relationsBefore || patterns.events.size() > eventsBefore;
      boolean denial = DENIAL.matcher(s.text()).find();
      if (denial) {
        patterns.markDisputed(relationsBefore, eventsBefore);
        boolean explicit = REFERS_BACK.matcher(s.text()).find();
        if (explicit || REFERS_BACK_VAGUELY.matcher(s.text()).find()) {
          // What a denial refers back to: the recent claims, else the last thing read.
          int lookback = explicit ? CLAIM_LOOKBACK : VAGUE_LOOKBACK;
          boolean marked = false;
          for (int back = claimSentences.size() - 1; back >= 0; back--) {
            int j = claimSentences.get(back);
            if (i - j > lookback) {
              break;
            }
            patterns.markDisputedIn(sentences.get(j));
            marked = true;
          }
          if (!marked && lastWithReadings >= 0 && i - lastWithReadings <= lookback) {
            patterns.markDisputedIn(sentences.get(lastWithReadings));
          }
        }
        patterns.events.add(
            new ExtractedEvent(
                Schema.EVENT,
                "denial",
                patterns.firstDate(s),
                Optional.empty(),
                patterns.entitiesIn(s.start(), s.end()),
                Optional.empty(),
                Optional.empty(),
                s.text(),
                s.start(),
                s.end(),
                0.7,
                "pattern:denial",
                false));
      } else if (CLAIM.matcher(s.text()).find()) {
        claimSentences.add(i);
      }
      if (read && !denial) {
        lastWithReadings = i;
      }
    }
    return new Result(patterns.relations, patterns.events, patterns.nominals);
  }

  record Result(List<Relation> relations, List<ExtractedEvent> events, List<Mention> nominals) {}

  private void sentence(Sentences.Sentence s) {
    if (CITATION.matcher(s.text()).find()) {
      // "Source: Iran Claims to Have Arrested ... – The New York Times": a headline cited, not
      // something the text reports.
      return;
    }
    leadership(s);
    titles(s);
    affiliation(s, MEMBER_OF, false);
    affiliation(s, ON_BEHALF, false);
    affiliation(s, BACKED_BY, false);
    affiliation(s, BACKS, true);
    sanctions(s);
    designatedLinks(s);
    arrests(s);
    attacks(s);
    simpleEvent(s, DEFECTION, "defection", "pattern:defection");
    simpleEvent(s, RECRUITMENT, "recruitment", "pattern:recruitment");
    namedNetworks(s);
  }

  /**
   * "The Maliki/Quds Force/ISIS network": a network named by its parts. Each part that is a person
   * or an organisation becomes a member; a place it is based in ("Mosul is ... the headquarters for
   * the ... network") becomes an event of the network with that place.
   */
  private void namedNetworks(Sentences.Sentence s) {
    Matcher m = SLASH_NETWORK.matcher(s.text());
    while (m.find()) {
      int start = s.start() + m.start();
      int end = s.start() + m.end();
      String name = m.group();
      Mention network =
          new Mention(
              name,
              MentionType.ORGANIZATION,
              start,
              end,
              EntityIds.forName(MentionType.ORGANIZATION, name.replace("/", " ")),
              Optional.of(Schema.ORGANIZATION),
              Optional.empty(),
              "pattern:network",
              0.7);
      nominals.add(network);
      for (Mention part : mentionsIn(start, end)) {
        if (part.type() == MentionType.PERSON || part.type() == MentionType.ORGANIZATION) {
          relations.add(
              relation(
                  Schema.MEMBERSHIP,
                  part,
                  network,
                  "part of",
                  Optional.empty(),
                  s,
                  0.75,
                  "pattern:network"));
        }
      }
      Matcher base = BASE_OF.matcher(s.text());
      if (base.find() && base.end() <= m.start() + 20) {
        Optional<String> place =
            mentionsIn(s.start(), s.start() + base.start()).stream()
                .filter(x -> x.type() == MentionType.LOCATION)
                .map(Mention::text)
                .reduce((a, b) -> b);
        place.ifPresent(
            p ->
                events.add(
                    new ExtractedEvent(
                        Schema.EVENT,
                        "base",
                        firstDate(s),
                        Optional.of(p),
                        List.of(network),
                        Optional.empty(),
                        Optional.empty(),
                        s.text(),
                        s.start(),
                        s.end(),
                        0.6,
                        "pattern:network",
                        false)));
      }
    }
  }

  private void leadership(Sentences.Sentence s) {
    Matcher m = LED_BY.matcher(s.text());
    while (m.find()) {
      int at = s.start() + m.start();
      Optional<Mention> leader = rightOf(s.start() + m.end(), s.end(), true);
      Optional<Mention> led = leftOf(at, s.start());
      if (leader.isEmpty() || led.isEmpty() || leader.get().type() != MentionType.PERSON) {
        continue;
      }
      relations.add(
          relation(
              Schema.EMPLOYMENT,
              leader.get(),
              led.get(),
              "leader",
              Optional.empty(),
              s,
              0.8,
              "pattern:leadership"));
    }
  }

  private void titles(Sentences.Sentence s) {
    Matcher m = TITLE_OF.matcher(s.text());
    while (m.find()) {
      int at = s.start() + m.start();
      int after = s.start() + m.end();
      Optional<Mention> person = leftPerson(at, s.start());
      Optional<Mention> organisation = rightOf(after, s.end(), false);
      String title = m.group(1).toLowerCase(Locale.ROOT);
      if (organisation.isEmpty() && title.contains("minister")) {
        organisation = ministry(after, s.end());
      }
      if (person.isEmpty() || organisation.isEmpty()) {
        continue;
      }
      Optional<PartialDate> since = dateAfter(SINCE, s, after);
      String role = title + " of " + asWritten(after, s.end());
      relations.add(
          relation(
              Schema.EMPLOYMENT,
              person.get(),
              organisation.get(),
              role,
              since,
              s,
              0.75,
              "pattern:leadership"));
    }
  }

  /**
   * The words after a title, as written: "Intelligence Service" in "minister of Intelligence
   * Service (MOIS) since 2021".
   */
  private String asWritten(int from, int limit) {
    Matcher m = ROLE_OBJECT.matcher(text);
    m.region(from, limit);
    return m.lookingAt() ? m.group(1).strip() : "";
  }

  /** "Minister of Intelligence": the ministry is the dictionary's "Ministry of Intelligence". */
  private Optional<Mention> ministry(int from, int limit) {
    Matcher word = Pattern.compile("\\p{Lu}[\\p{L}-]+").matcher(text);
    word.region(from, limit);
    if (!word.lookingAt()) {
      return Optional.empty();
    }
    return gazetteer
        .lookup("Ministry of " + word.group())
        .map(
            entry ->
                new Mention(
                    word.group(),
                    MentionType.ORGANIZATION,
                    word.start(),
                    word.end(),
                    entry.id(),
                    Optional.of(entry.schema()),
                    Optional.of(entry.name()),
                    "gazetteer",
                    0.8));
  }

  private void affiliation(Sentences.Sentence s, Pattern pattern, boolean active) {
    Matcher m = pattern.matcher(s.text());
    while (m.find()) {
      int at = s.start() + m.start();
      Optional<Mention> left = leftOf(at, s.start());
      Optional<Mention> right = rightOf(s.start() + m.end(), s.end(), true);
      if (left.isEmpty()
          || right.isEmpty()
          || left.get().entityId().equals(right.get().entityId())) {
        continue;
      }
      Mention member = active ? right.get() : left.get();
      Mention organisation = active ? left.get() : right.get();
      if (organisation.type() == MentionType.PERSON
          || organisation.type() == MentionType.LOCATION
          || member.type() == MentionType.LOCATION) {
        continue;
      }
      String role = m.group().strip().toLowerCase(Locale.ROOT);
      relations.add(
          relation(
              Schema.MEMBERSHIP,
              member,
              organisation,
              role,
              Optional.empty(),
              s,
              0.7,
              "pattern:affiliation"));
    }
  }

  private void sanctions(Sentences.Sentence s) {
    Matcher m = SANCTION.matcher(s.text());
    if (!m.find()) {
      return;
    }
    Set<String> authorities = new LinkedHashSet<>();
    List<Mention> targets = new ArrayList<>();
    for (Mention mention : mentionsIn(s.start(), s.end())) {
      if (AUTHORITY_IDS.contains(mention.entityId())) {
        authorities.add(shortAuthority(mention));
      }
    }
    Matcher country = COUNTRY_AUTHORITY.matcher(s.text());
    while (country.find()) {
      authorities.add(
          switch (country.group(1)) {
            case "United Kingdom", "UK", "U.K.", "Britain" -> "UK";
            case "European Union", "EU" -> "EU";
            default -> "UN";
          });
    }
    if (authorities.isEmpty()) {
      return;
    }
    int triggerEnd = s.start() + m.end();
    // "sanctioned a criminal network led by X": the network is the target, its leader is not.
    Optional<Mention> object = nominalAt(triggerEnd, s.end());
    object.ifPresent(targets::add);
    for (Mention mention :
        object.isPresent() ? List.<Mention>of() : mentionsIn(triggerEnd, s.end())) {
      if (!AUTHORITY_IDS.contains(mention.entityId())
          && (mention.type() == MentionType.PERSON || mention.type() == MentionType.ORGANIZATION)) {
        targets.add(mention);
      }
    }
    if (targets.isEmpty()) {
      nominalAt(triggerEnd, s.end()).ifPresent(targets::add);
    }
    if (targets.isEmpty()) {
      leftOf(s.start() + m.start(), s.start())
          .filter(x -> !AUTHORITY_IDS.contains(x.entityId()) && x.type() != MentionType.LOCATION)
          .ifPresent(targets::add);
    }
    Matcher program = PROGRAM.matcher(s.text());
    Optional<String> programme = program.find() ? Optional.of(program.group(1)) : Optional.empty();
    for (Mention target : targets) {
      events.add(
          new ExtractedEvent(
              Schema.SANCTION,
              "sanction",
              firstDate(s),
              Optional.empty(),
              List.of(target),
              Optional.of(String.join("; ", authorities)),
              programme,
              s.text(),
              s.start(),
              s.end(),
              target.confidence() * 0.9,
              "pattern:sanction",
              false));
    }
  }

  /**
   * "The designation of individuals and entities involved in MOIS operations": the designation
   * spoken of is the one the text reported before, so the entities it named are linked to MOIS.
   */
  private void designatedLinks(Sentences.Sentence s) {
    Matcher m = DESIGNATED_REFERENCE.matcher(s.text());
    while (m.find()) {
      Optional<Mention> organisation = rightOf(s.start() + m.end(), s.end(), false);
      if (organisation.isEmpty() || organisation.get().type() == MentionType.PERSON) {
        continue;
      }
      String role = m.group(1).toLowerCase(Locale.ROOT);
      Set<String> linked = new LinkedHashSet<>();
      for (ExtractedEvent e : List.copyOf(events)) {
        if (e.schema() != Schema.SANCTION || e.start() >= s.start()) {
          continue;
        }
        Mention designated = e.participants().get(0);
        if (!designated.entityId().equals(organisation.get().entityId())
            && linked.add(designated.entityId())) {
          relations.add(
              relation(
                  Schema.MEMBERSHIP,
                  designated,
                  organisation.get(),
                  role,
                  Optional.empty(),
                  s,
                  0.6,
                  "pattern:designation"));
        }
      }
    }
  }

  private static String shortAuthority(Mention mention) {
    return switch (mention.entityId()) {
      case "vigil-us-ofac" -> "OFAC";
      case "vigil-us-treasury" -> "US Treasury";
      case "vigil-us-state" -> "US State Department";
      case "vigil-uk-ofsi" -> "OFSI";
      case "vigil-un-sc" -> "UN Security Council";
      case "vigil-us-doj" -> "US Department of Justice";
      default -> mention.name();
    };
  }

  private void arrests(Sentences.Sentence s) {
    if (ARREST.matcher(s.text()).find()) {
      List<Mention> involved = entitiesIn(s.start(), s.end());
      if (!involved.isEmpty()) {
        events.add(
            new ExtractedEvent(
                Schema.EVENT,
                "arrest",
                firstDate(s),
                place(s),
                involved,
                Optional.empty(),
                Optional.empty(),
                s.text(),
                s.start(),
                s.end(),
                0.6,
                "pattern:arrest",
                false));
      }
    }
  }

  private void attacks(Sentences.Sentence s) {
    Matcher named = NAMED_ATTACK.matcher(s.text());
    boolean any = false;
    while (named.find()) {
      any = true;
      Optional<PartialDate> year = Optional.of(PartialDate.parse(named.group(1)));
      String place = named.group(2).strip();
      int start = s.start() + named.start();
      int end = s.start() + named.end();
      events.add(
          new ExtractedEvent(
              Schema.EVENT,
              "attack",
              year,
              Optional.of(place),
              entitiesIn(start, end),
              Optional.empty(),
              Optional.empty(),
              s.text(),
              s.start(),
              s.end(),
              0.7,
              "pattern:attack",
              false));
    }
    if (!any && ATTACK.matcher(s.text()).find()) {
      Optional<PartialDate> date = firstDate(s);
      Optional<String> place = place(s);
      if (date.isPresent() && place.isPresent()) {
        events.add(
            new ExtractedEvent(
                Schema.EVENT,
                "attack",
                date,
                place,
                entitiesIn(s.start(), s.end()),
                Optional.empty(),
                Optional.empty(),
                s.text(),
                s.start(),
                s.end(),
                0.55,
                "pattern:attack",
                false));
      }
    }
  }

  private void simpleEvent(Sentences.Sentence s, Pattern trigger, String kind, String extractor) {
    if (trigger.matcher(s.text()).find()) {
      List<Mention> involved = entitiesIn(s.start(), s.end());
      if (!involved.isEmpty()) {
        events.add(
            new ExtractedEvent(
                Schema.EVENT,
                kind,
                firstDate(s),
                place(s),
                involved,
                Optional.empty(),
                Optional.empty(),
                s.text(),
                s.start(),
                s.end(),
                0.6,
                extractor,
                false));
      }
    }
  }

  private void markDisputed(int relationsFrom, int eventsFrom) {
    for (int i = relationsFrom; i < relations.size(); i++) {
      relations.set(i, relations.get(i).asDisputed());
    }
    for (int i = eventsFrom; i < events.size(); i++) {
      events.set(i, events.get(i).asDisputed());
    }
  }

  private void markDisputedIn(Sentences.Sentence s) {
    for (int i = 0; i < relations.size(); i++) {
      if (relations.get(i).start() == s.start()) {
        relations.set(i, relations.get(i).asDisputed());
      }
    }
    for (int i = 0; i < events.size(); i++) {
      ExtractedEvent e = events.get(i);
      if (e.start() >= s.start() && e.end() <= s.end()) {
        events.set(i, e.asDisputed());
      }
    }
  }

  private Relation relation(
      Schema schema,
      Mention source,
      Mention target,
      String role,
      Optional<PartialDate> since,
      Sentences.Sentence s,
      double base,
      String extractor) {
    double confidence = base * Math.min(1.0, (source.confidence() + target.confidence()) / 1.6);
    return new Relation(
        schema,
        source,
        target,
        Optional.of(role),
        since,
        s.text(),
        s.start(),
        s.end(),
        Math.min(1.0, confidence),
        extractor,
        false);
  }

  /**
   * The first mention after {@code from}, past at most a few lower-case words ("notorious narcotics
   * trafficker"), possessives ("Iran’s") and group words; none past a clause break. "Intelligence
   * and Security (MOIS)": the acronym in brackets is preferred.
   */
  private Optional<Mention> rightOf(int from, int limit, boolean allowNominal) {
    int pos = from;
    int skipped = 0;
    Matcher word = Pattern.compile("\\s*([\\p{L}\\p{N}'’.-]+|[^\\s])").matcher(text);
    while (pos < limit && skipped <= MAX_SKIPPED_WORDS) {
      Optional<Mention> here = mentionStartingNear(pos, limit);
      if (here.isPresent()) {
        return Optional.of(preferAcronym(here.get(), limit));
      }
      word.region(pos, limit);
      if (!word.lookingAt()) {
        break;
      }
      String w = word.group(1);
      boolean possessive = w.endsWith("’s") || w.endsWith("'s");
      boolean lower = Character.isLowerCase(w.charAt(0));
      if (STOP_WORDS.contains(w)
          || (!lower && !possessive && !isGroupWord(w) && !w.equals("The"))) {
        break;
      }
      if (!Character.isLetter(w.charAt(0))) {
        break;
      }
      skipped++;
      pos = word.end();
    }
    return allowNominal ? nominalAt(from, limit) : Optional.empty();
  }

  private Optional<Mention> mentionStartingNear(int pos, int limit) {
    int p = pos;
    while (p < limit && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    for (Mention m : mentions) {
      if (m.start() == p && m.type() != MentionType.LOCATION) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private Mention preferAcronym(Mention mention, int limit) {
    int p = mention.end();
    if (p + 2 < limit && text.startsWith(" (", p)) {
      for (Mention m : mentions) {
        if (m.start() == p + 2 && m.extractor().equals("gazetteer")) {
          return m;
        }
      }
    }
    return mention;
  }

  /** The nearest mention (or nominal) ending before {@code at} in the sentence. */
  private Optional<Mention> leftOf(int at, int sentenceStart) {
    Optional<Mention> nominal = nominalEndingBefore(at, sentenceStart, true);
    Mention best = null;
    for (Mention m : mentions) {
      if (m.start() >= sentenceStart && m.end() <= at && m.type() != MentionType.LOCATION) {
        if (best == null || m.end() > best.end()) {
          best = m;
        }
      }
    }
    // "the Ministry described the arrests of people he said had been trained by the CIA": a
    // mention far back, or across a verb of saying, is not the one the pattern speaks of.
    if (best != null
        && (at - best.end() > MAX_LEFT_GAP
            || SAYING.matcher(text.substring(best.end(), at)).find())) {
      best = null;
    }
    if (nominal.isPresent() && (best == null || nominal.get().end() > best.end())) {
      return nominal;
    }
    if (best == null) {
      // "This network, led by the regime and spearheaded by X": the subject stands further back.
      return nominalEndingBefore(at, sentenceStart, false);
    }
    return Optional.of(best);
  }

  private Optional<Mention> leftPerson(int at, int sentenceStart) {
    Mention best = null;
    for (Mention m : mentions) {
      if (m.type() == MentionType.PERSON && m.start() >= sentenceStart && m.end() <= at) {
        if (best == null || m.end() > best.end()) {
          best = m;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private Optional<Mention> nominalAt(int from, int limit) {
    Matcher m = NOMINAL.matcher(text);
    m.region(from, limit);
    int p = from;
    while (p < limit && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    if (m.find() && m.start() == p) {
      return Optional.of(nominal(m));
    }
    // "sanctions against an Iranian network": one preposition may stand before the phrase.
    Matcher prep = Pattern.compile("\\s*(?:against|on|of|for)\\s+").matcher(text);
    prep.region(from, limit);
    if (prep.lookingAt()) {
      m.region(prep.end(), limit);
      if (m.lookingAt()) {
        return Optional.of(nominal(m));
      }
    }
    return Optional.empty();
  }

  /**
   * The last descriptive phrase before {@code at}; when {@code adjacent}, only one that stands
   * right before it, auxiliaries aside ("The network was led by").
   */
  private Optional<Mention> nominalEndingBefore(int at, int sentenceStart, boolean adjacent) {
    Matcher m = NOMINAL.matcher(text);
    m.region(sentenceStart, at);
    Mention last = null;
    while (m.find()) {
      String between = text.substring(m.end(), at);
      if (!adjacent || ADJACENT_GAP.matcher(between).matches()) {
        last = nominal(m);
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * A mention for a descriptive phrase. "This network" or "the network" is the network last
   * described in the text; "a network" or "an Iranian network" is a new one.
   */
  private Mention nominal(Matcher m) {
    String phrase = m.group();
    String head = m.group(1).toLowerCase(Locale.ROOT);
    boolean definite = phrase.matches("(?i)(?:this|that|the|its|their)\\s.*");
    String id = null;
    if (definite) {
      for (int i = nominals.size() - 1; i >= 0; i--) {
        if (nominals.get(i).text().toLowerCase(Locale.ROOT).endsWith(head)
            && nominals.get(i).start() < m.start()) {
          id = nominals.get(i).entityId();
          break;
        }
      }
    }
    if (id == null) {
      id = EntityIds.forReading("org", sourceKey, m.start(), m.end(), head);
    }
    for (Mention existing : nominals) {
      if (existing.start() == m.start() && existing.end() == m.end()) {
        return existing;
      }
    }
    Mention nominal =
        new Mention(
            phrase,
            MentionType.ORGANIZATION,
            m.start(),
            m.end(),
            id,
            Optional.of(Schema.ORGANIZATION),
            Optional.empty(),
            "pattern:nominal",
            0.6);
    nominals.add(nominal);
    return nominal;
  }

  private List<Mention> mentionsIn(int start, int end) {
    List<Mention> in = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.start() >= start && m.end() <= end) {
        in.add(m);
      }
    }
    return in;
  }

  /** People and organisations in [start, end), each entity once. */
  private List<Mention> entitiesIn(int start, int end) {
    List<Mention> in = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Mention m : mentionsIn(start, end)) {
      if (m.type() != MentionType.LOCATION
          && m.type() != MentionType.MISC
          && seen.add(m.entityId())) {
        in.add(m);
      }
    }
    return in;
  }

  private Optional<String> place(Sentences.Sentence s) {
    for (Mention m : mentionsIn(s.start(), s.end())) {
      if (m.type() == MentionType.LOCATION) {
        return Optional.of(m.text());
      }
    }
    return Optional.empty();
  }

  private Optional<PartialDate> firstDate(Sentences.Sentence s) {
    List<DateFinder.FoundDate> dates = DateFinder.find(s.text());
    return dates.isEmpty() ? Optional.empty() : Optional.of(dates.get(0).date());
  }

  private Optional<PartialDate> dateAfter(Pattern cue, Sentences.Sentence s, int after) {
    Matcher m = cue.matcher(s.text());
    while (m.find()) {
      if (s.start() + m.start() < after) {
        continue;
      }
      for (DateFinder.FoundDate d : DateFinder.find(s.text())) {
        if (d.start() == m.end()) {
          return Optional.of(d.date());
        }
      }
    }
    return Optional.empty();
  }

  private boolean isGroupWord(String w) {
    return GroupWords.isGroupWord(w) || attributes.stream().anyMatch(a -> a.text().equals(w));
  }
}
