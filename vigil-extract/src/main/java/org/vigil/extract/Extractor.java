/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.coref.Chains;
import org.vigil.extract.coref.Coreference;
import org.vigil.extract.relations.learned.MergeLearned;
import org.vigil.extract.relations.learned.ReadLearnedRelations;
import org.vigil.extract.relations.learned.RelationModel;
import org.vigil.extract.relations.learned.RelationModelFile;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.model.Schema;

/**
 * The front door of extraction: text in; mentions, relations and events out, each with its span.
 *
 * <p>It combines a gazetteer of known agencies and groups (with the text's own acronym
 * definitions), a statistical recogniser when one is given (else names found by their capitals),
 * and, when it has a dependency parser, the rule families that read relations, events, properties
 * and their attribution from sentence structure. Without a parser it reads mentions and acronyms
 * only. Immutable and safe for concurrent use if its recogniser is.
 */
public final class Extractor {
  private final Gazetteer gazetteer;
  private final Optional<Gazetteer> listNames;
  private final Optional<NamedEntityRecogniser> recogniser;
  private final Optional<DependencyParser> parser;
  private final Optional<ReadLearnedRelations> learned;

  private Extractor(
      Gazetteer gazetteer,
      Optional<Gazetteer> listNames,
      Optional<NamedEntityRecogniser> recogniser,
      Optional<DependencyParser> parser) {
    this(gazetteer, listNames, recogniser, parser, Optional.empty());
  }

  private Extractor(
      Gazetteer gazetteer,
      Optional<Gazetteer> listNames,
      Optional<NamedEntityRecogniser> recogniser,
      Optional<DependencyParser> parser,
      Optional<ReadLearnedRelations> learned) {
    this.gazetteer = requireNonNull(gazetteer, "gazetteer");
    this.listNames = requireNonNull(listNames, "listNames");
    this.recogniser = requireNonNull(recogniser, "recogniser");
    this.parser = requireNonNull(parser, "parser");
    this.learned = requireNonNull(learned, "learned");
  }

  /**
   * The standard extractor: the shipped domain dictionary, and CoreNLP's recogniser when its model
   * is on the class path (loaded on first use), else names found by their capitals; with the
   * parser, the relation model of {@link RelationModelFile#location()} when that file exists (no
   * model is shipped: without one, relations come from the rules only).
   *
   * @throws org.vigil.extract.relations.learned.UnreadableRelationModel when that file exists but
   *     is not a model this Vigil can read
   */
  public static Extractor standard() {
    Extractor extractor = standardRules();
    if (DependencyParser.isAvailable()) {
      Optional<RelationModel> model = RelationModelFile.standard();
      if (model.isPresent()) {
        extractor = extractor.withRelationModel(model.get());
      }
    }
    return extractor;
  }

  /**
   * {@link #standard()} without the relation model, whether or not a file is at {@link
   * RelationModelFile#location()} (which is not looked at): the rules alone, as the evaluations and
   * the training score them beside a model of their own choosing.
   */
  public static Extractor standardRules() {
    Extractor extractor = create();
    if (DependencyParser.isAvailable()) {
      extractor = extractor.withParser(DependencyParser.shared());
    }
    return CoreNlpRecogniser.isAvailable()
        ? extractor.withRecogniser(CoreNlpRecogniser.shared())
        : extractor;
  }

  /**
   * An extractor on the shipped domain dictionary, without a statistical recogniser and without a
   * parser: it finds mentions and acronyms, and reads no relation or event ({@link #withParser}
   * adds that reading).
   */
  public static Extractor create() {
    return new Extractor(Gazetteer.domain(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Extractor create(Gazetteer gazetteer) {
    return new Extractor(gazetteer, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same extractor, with {@code recogniser} finding the names the gazetteer does not know. */
  public Extractor withRecogniser(NamedEntityRecogniser recogniser) {
    return new Extractor(gazetteer, listNames, Optional.of(recogniser), parser, learned);
  }

  /**
   * The same extractor, also reading relations, events, properties and their attribution from the
   * dependency parse of the sentences that can hold them.
   */
  public Extractor withParser(DependencyParser parser) {
    return new Extractor(gazetteer, listNames, recogniser, Optional.of(parser), learned);
  }

  /**
   * The same extractor, also reading relations with {@code model} where it parses a sentence; what
   * model and rules both read is kept once ({@link MergeLearned}).
   */
  public Extractor withRelationModel(RelationModel model) {
    return new Extractor(
        gazetteer, listNames, recogniser, parser, Optional.of(new ReadLearnedRelations(model)));
  }

  /** The same extractor without a relation model: relations from the rules only. */
  public Extractor withoutRelationModel() {
    return new Extractor(gazetteer, listNames, recogniser, parser, Optional.empty());
  }

  /**
   * The same extractor reading names only: its dictionary and list names, without the statistical
   * recogniser, the parser or a relation model. For text in a language those models were not made
   * for (Persian, Arabic), where they read nothing but cost as much as on English.
   */
  public Extractor namesOnly() {
    return new Extractor(
        gazetteer, listNames, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The relation model it reads with, if any. */
  public Optional<RelationModel> relationModel() {
    return learned.map(ReadLearnedRelations::model);
  }

  /**
   * The same extractor, also finding the names of {@code names} (such as the entities of the loaded
   * sanctions lists), each as the entity it names. The extractor's own dictionary comes first: a
   * list name is read only where no dictionary name stands.
   */
  public Extractor withListNames(Gazetteer names) {
    return new Extractor(gazetteer, Optional.of(names), recogniser, parser, learned);
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * Everything {@code text} says that the extractor can read, with the ids of the operator's scope
   * ({@link NameIdScope#operator()}): for evaluations and previews. What an organisation stores is
   * read with {@link #extract(String, NameIdScope)} in its own scope.
   */
  public Extraction extract(String text) {
    return extract(text, NameIdScope.operator());
  }

  /**
   * Everything {@code text} says that the extractor can read, each entity read from a name with the
   * id {@code scope} gives that name: the same name read in the same scope is the same entity; in
   * another scope, another. Dictionary and list entities keep their published ids.
   */
  public Extraction extract(String text, NameIdScope scope) {
    requireNonNull(scope, "scope");
    java.util.Map<String, String> scoped = new java.util.HashMap<>();
    return read(text).withIds(id -> scoped.computeIfAbsent(id, scope::id));
  }

  /**
   * What {@code text} says among {@code given} mentions only, such as a corpus's gold entities:
   * relations, events and properties read from the sentence structure by the rules and, when there
   * is one, the relation model, with no recognition, dictionary or coreference of its own. Every
   * given mention is a candidate end of the model's pairs, a description ("coalition forces") as
   * much as a name; give them with extractor {@link Mention#GIVEN}. Without a parser, nothing is
   * read. The extraction's mentions are {@code given}.
   */
  public Extraction readAmong(String text, List<Mention> given) {
    requireNonNull(text, "text");
    List<Mention> mentions = new ArrayList<>(given);
    mentions.sort(Comparator.comparingInt(Mention::start));
    if (parser.isEmpty()) {
      return new Extraction(mentions, List.of(), List.of(), List.of(), List.of());
    }
    StructureReading.Result read = StructureReading.read(text, mentions, parser.get(), learned);
    return new Extraction(
        mentions,
        read.relations(),
        read.events(),
        List.of(),
        List.of(),
        read.properties(),
        read.skipped());
  }

  private Extraction read(String text) {
    requireNonNull(text, "text");
    List<TextAttribute> attributes = GroupWords.find(text);
    List<Mention> mentions = new ArrayList<>(gazetteer.find(text));
    if (listNames.isPresent()) {
      for (Mention m : listNames.get().find(text)) {
        if (!NameFinder.overlapsAny(mentions, m.start(), m.end())) {
          mentions.add(m);
        }
      }
    }
    List<AcronymDefinition> acronyms = new ArrayList<>();
    for (Acronyms.Found found : Acronyms.find(text)) {
      acronyms.add(define(text, found, mentions));
    }
    List<Sentences.Sentence> sentences = Sentences.split(text);
    List<Mention> statistical =
        DropOpeningAdverbs.apply(
            text,
            sentences,
            byContext(
                text,
                retypePlaces(
                    text,
                    DropHeadingNames.apply(
                        text,
                        CutAtSentenceEnds.apply(
                            text,
                            sentences,
                            recogniser
                                .map(r -> r.recognise(text))
                                .orElseGet(() -> NameFinder.find(text, mentions, attributes)))))));
    for (Mention found : statistical) {
      Mention m = withoutLeadingPreposition(text, found);
      if (!NameFinder.overlapsAny(mentions, m.start(), m.end()) && !isGroupWord(attributes, m)) {
        mentions.add(m);
      }
    }
    addPlaces(text, mentions);
    mentions.addAll(MinistryTitles.find(text, gazetteer, mentions));
    miscByHead(mentions);
    mentions.sort(Comparator.comparingInt(Mention::start));
    linkSurnames(mentions);
    List<Mention> all = new ArrayList<>(mentions);
    MilitaryUnits.add(text, all);
    Tribes.apply(text, all);
    addGroups(text, all);
    statesAsActors(text, all);
    addTitles(text, all);
    all.addAll(GroupNominals.places(text, all));
    all.sort(Comparator.comparingInt(Mention::start));
    Chains chains = Coreference.resolve(text, all);
    if (parser.isEmpty()) {
      // Relations and events are read from sentence structure only: without a parser there is
      // none, and a guess from the words' order is what this reading replaced.
      return new Extraction(chains.mentions(), List.of(), List.of(), acronyms, attributes);
    }
    StructureReading.Result read =
        StructureReading.read(text, chains.forReading(), parser.get(), learned);
    return new Extraction(
        chains.mentions(),
        chains.relations(read.relations()),
        chains.events(read.events()),
        acronyms,
        attributes,
        chains.properties(read.properties()),
        read.skipped());
  }

  private static List<Mention> retypePlaces(String text, List<Mention> found) {
    return ShortNamesDefinedAsBodies.apply(text, RetypeKnownPlaces.apply(Places.shared(), found));
  }

  /**
   * The recogniser's names read again with the words around them: credit lines, places by their
   * head words and their states, bodies by their head words, people by their titles (in that order:
   * a title outweighs the place words around a name).
   */
  private static List<Mention> byContext(String text, List<Mention> found) {
    Places places = Places.shared();
    return PeopleByTitle.apply(
        text,
        OrganisationsByHead.apply(
            places,
            PlacesByContext.apply(text, places, ReadCreditLines.apply(text, places, found))));
  }

  /**
   * "Near Ar Raqqah" at a sentence's start, read by the recogniser as one name: the capitalised
   * preposition is not part of it, and what follows it is a place.
   */
  private static Mention withoutLeadingPreposition(String text, Mention m) {
    Matcher p = LEADING_PREPOSITION.matcher(m.text());
    if (!p.lookingAt() || p.end() >= m.text().length()) {
      return m;
    }
    int start = m.start() + p.end();
    String name = text.substring(start, m.end());
    return new Mention(
        name,
        MentionType.LOCATION,
        start,
        m.end(),
        EntityIds.forName(MentionType.LOCATION, name),
        Optional.empty(),
        Optional.empty(),
        m.extractor(),
        m.confidence());
  }

  private static final Pattern LEADING_PREPOSITION =
      Pattern.compile(
          "(?:Near|In|At|From|Outside|Around|Inside|West of|East of|North of|South of)\\s+");

  /**
   * Known places: a place the recogniser missed is added; one it typed as an organisation or
   * something else ("Iraq" as ORGANIZATION in "Iraq and Syria") becomes a place, and so does a
   * "person" that follows a preposition of place ("in Raqqah").
   */
  private static void addPlaces(String text, List<Mention> mentions) {
    for (Mention place : Places.shared().find(text)) {
      int same = -1;
      boolean overlaps = false;
      for (int i = 0; i < mentions.size(); i++) {
        Mention m = mentions.get(i);
        if (m.overlaps(place.start(), place.end())) {
          overlaps = true;
          if (m.start() == place.start() && m.end() == place.end()) {
            same = i;
          }
        }
      }
      if (!overlaps) {
        mentions.add(place);
      } else if (same >= 0 && mentions.get(same).extractor().startsWith("corenlp")) {
        Mention m = mentions.get(same);
        boolean retype =
            m.type() == MentionType.ORGANIZATION
                || m.type() == MentionType.MISC
                || (m.type() == MentionType.PERSON
                    && PLACE_PREPOSITION
                        .matcher(text)
                        .region(Math.max(0, m.start() - 6), m.start())
                        .find());
        if (retype) {
          mentions.set(same, place);
        }
      }
    }
  }

  /**
   * A recogniser's MISC name whose last word says it is an organisation ("Syrian Computer Society")
   * is an organisation.
   */
  private static void miscByHead(List<Mention> mentions) {
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      if (m.type() == MentionType.MISC && NameFinder.endsWithOrganizationWord(m.text())) {
        mentions.set(
            i,
            new Mention(
                m.text(),
                MentionType.ORGANIZATION,
                m.start(),
                m.end(),
                EntityIds.forName(MentionType.ORGANIZATION, m.text()),
                Optional.of(Schema.ORGANIZATION),
                Optional.empty(),
                m.extractor(),
                m.confidence()));
      }
    }
  }

  /**
   * A country that acts ("the United States has", "Turkey welcomed") is a state, an organisation,
   * rather than a place; its mention says so (no entity is made of it).
   */
  private static void statesAsActors(String text, List<Mention> all) {
    for (int i = 0; i < all.size(); i++) {
      Mention m = all.get(i);
      if (m.type() != MentionType.LOCATION || !Places.shared().isCountry(m.text())) {
        continue;
      }
      Matcher verb = ACTING.matcher(text);
      verb.region(m.end(), text.length());
      Matcher agent = AGENT_BEFORE.matcher(text);
      agent.region(Math.max(0, m.start() - 24), m.start());
      Matcher locative = LOCATIVE_BEFORE.matcher(text);
      locative.region(Math.max(0, m.start() - 24), m.start());
      if ((verb.lookingAt() || agent.find()) && !locative.find()) {
        all.set(
            i,
            new Mention(
                m.text(),
                MentionType.ORGANIZATION,
                m.start(),
                m.end(),
                m.entityId(),
                Optional.empty(),
                m.canonicalName(),
                m.extractor(),
                m.confidence()));
      }
    }
  }

  private static final Pattern LOCATIVE_BEFORE =
      Pattern.compile(
          "\\b(?:in|into|inside|within|across|throughout|near|from|to|of|at|over|around|outside"
              + "|north of|south of|east of|west of)\\s+(?:the\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AGENT_BEFORE =
      Pattern.compile(
          "\\b(?:by|with|ally|allies|partners?|against|between)\\s+(?:the\\s+)?(?:our\\s+)?$");

  private static final Pattern ACTING =
      Pattern.compile(
          "(?:’s|'s)?\\s+(?:government\\b|has\\b|have\\b|had\\b|will\\b|would\\b"
              + "|can\\b|could\\b|must\\b|should\\b|did\\b|does\\b|said\\b|says\\b"
              + "|continues?\\b|supports?\\b|supported\\b|welcome[sd]?\\b|condemn(?:s|ed)?\\b"
              + "|call(?:s|ed)\\b|remains?\\b|stands?\\b|believes?\\b|urge[sd]?\\b"
              + "|announce[sd]?\\b|strongly\\b|also\\b|agreed\\b|wants?\\b|intends?\\b"
              + "|recogni[sz]es\\b|shares?\\b"
              // "Turkey is sending" acts, "Serbia is the largest of ..." is a place described.
              + "|(?:is|are|was|were)\\s+(?!located|situated|bordered)\\p{Ll}+(?:ing|ed)\\b)");

  private static final Pattern PLACE_PREPOSITION =
      Pattern.compile("\\b(?:in|at|from|near|to|into|around|outside|of)\\s+$");

  /**
   * Organisations named by description ("Iraqi security forces"); a place or a recogniser's name
   * inside one ("U.S." in "U.S. forces") gives way to it.
   */
  private static void addGroups(String text, List<Mention> all) {
    for (Mention group : GroupNominals.find(text, all)) {
      all.removeIf(
          m ->
              m.start() >= group.start()
                  && m.end() <= group.end()
                  && (m.type() == MentionType.LOCATION
                      || m.type() == MentionType.MISC
                      || (m.type() == MentionType.ORGANIZATION
                          && m.extractor().startsWith("corenlp"))));
      // A person inside ("Asad" in "the Asad regime") stays: the regime is not the man.
      boolean clash =
          all.stream()
              .anyMatch(
                  m ->
                      m.overlaps(group.start(), group.end())
                          && !(m.type() == MentionType.PERSON
                              && m.start() >= group.start()
                              && m.end() <= group.end()));
      if (!clash) {
        all.add(group);
      }
    }
  }

  /** People named by office ("the Foreign Secretary"); a place inside one gives way to it. */
  private static void addTitles(String text, List<Mention> all) {
    List<Mention> others =
        all.stream()
            .filter(m -> m.type() != MentionType.LOCATION && m.type() != MentionType.MISC)
            .toList();
    for (Mention title : Titles.find(text, others)) {
      all.removeIf(m -> m.start() >= title.start() && m.end() <= title.end());
      if (!NameFinder.overlapsAny(all, title.start(), title.end())) {
        all.add(title);
      }
    }
  }

  /**
   * A person named by one word ("Maliki") that is the last word of a person named in full in the
   * same text ("Noori Maliki") is read as that person.
   */
  private static void linkSurnames(List<Mention> mentions) {
    java.util.Map<String, Mention> bySurname = new java.util.HashMap<>();
    for (Mention m : mentions) {
      String[] words = m.text().split("\\s+");
      if (m.type() == MentionType.PERSON && words.length > 1) {
        bySurname.putIfAbsent(words[words.length - 1], m);
      }
    }
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      Mention full = bySurname.get(m.text());
      if (full != null
          && m.type() != MentionType.PERSON
          && m.extractor().startsWith("corenlp")
          && !m.text().contains(" ")
          && !Places.shared().isPlace(m.text())
          && !Places.shared().isCountry(m.text())) {
        // "Yisrael Tal ... Tal": the recogniser's place or body named by a person's family name in
        // the same text is that person, unless the word is a known place.
        m = Retyping.as(m, MentionType.PERSON);
      }
      if (m.type() == MentionType.PERSON && full != null && !m.text().contains(" ")) {
        mentions.set(i, m.withEntity(full.entityId(), full.schema(), Optional.of(full.name())));
      }
    }
  }

  private static boolean isGroupWord(List<TextAttribute> attributes, Mention m) {
    return attributes.stream().anyMatch(a -> a.start() == m.start() && a.end() == m.end());
  }

  /**
   * Links the two forms of a definition to one entity: the dictionary's when it knows either form,
   * else a new one named by the long form; every use of the short form in the text becomes a
   * mention of it.
   */
  private AcronymDefinition define(String text, Acronyms.Found found, List<Mention> mentions) {
    Optional<GazetteerEntry> entry =
        mentions.stream()
            .filter(m -> m.extractor().equals("gazetteer"))
            .filter(
                m ->
                    m.start() == found.shortStart()
                        || (m.start() == found.start() && m.end() == found.longEnd()))
            .findFirst()
            .flatMap(
                m ->
                    gazetteer.entries().stream()
                        .filter(e -> e.id().equals(m.entityId()))
                        .findFirst())
            .or(() -> gazetteer.lookup(found.longForm()))
            .or(() -> gazetteer.lookup(found.shortForm()))
            .or(() -> listNames.flatMap(names -> names.lookup(found.longForm())));
    String id =
        entry
            .map(GazetteerEntry::id)
            .orElse(EntityIds.forName(MentionType.ORGANIZATION, found.longForm()));
    Optional<Schema> schema =
        Optional.of(entry.map(GazetteerEntry::schema).orElse(Schema.ORGANIZATION));
    Optional<String> canonical =
        Optional.of(entry.map(GazetteerEntry::name).orElse(found.longForm()));
    mentions.removeIf(
        m ->
            m.overlaps(found.start(), found.longEnd())
                && !(m.start() == found.start()
                    && m.end() == found.longEnd()
                    && m.entityId().equals(id)));
    mentions.add(
        new Mention(
            found.longForm(),
            MentionType.ORGANIZATION,
            found.start(),
            found.longEnd(),
            id,
            schema,
            canonical,
            "acronym",
            0.85));
    Matcher uses =
        Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(found.shortForm()) + "(?![\\p{L}\\p{N}])")
            .matcher(text);
    while (uses.find()) {
      int s = uses.start();
      int e = uses.end();
      mentions.removeIf(m -> m.start() == s && m.end() == e && !m.entityId().equals(id));
      if (!NameFinder.overlapsAny(mentions, s, e)) {
        mentions.add(
            new Mention(
                found.shortForm(),
                MentionType.ORGANIZATION,
                s,
                e,
                id,
                schema,
                canonical,
                "acronym",
                0.85));
      }
    }
    return new AcronymDefinition(
        found.shortForm(), found.longForm(), found.start(), found.end() + 1, id);
  }
}
