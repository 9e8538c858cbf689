/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Schema;

/**
 * The front door of extraction: text in; mentions, relations and events out, each with its span.
 *
 * <p>It combines a gazetteer of known agencies and groups (with the text's own acronym
 * definitions), a statistical recogniser when one is given (else names found by their capitals),
 * and the domain's relation and event patterns. Immutable and safe for concurrent use if its
 * recogniser is.
 */
public final class Extractor {
  private final Gazetteer gazetteer;
  private final Optional<NamedEntityRecogniser> recogniser;

  private Extractor(Gazetteer gazetteer, Optional<NamedEntityRecogniser> recogniser) {
    this.gazetteer = requireNonNull(gazetteer, "gazetteer");
    this.recogniser = requireNonNull(recogniser, "recogniser");
  }

  /**
   * The standard extractor: the shipped domain dictionary, and CoreNLP's recogniser when its model
   * is on the class path (loaded on first use), else names found by their capitals.
   */
  public static Extractor standard() {
    Extractor extractor = create();
    return CoreNlpRecogniser.isAvailable()
        ? extractor.withRecogniser(CoreNlpRecogniser.shared())
        : extractor;
  }

  /** An extractor on the shipped domain dictionary, without a statistical recogniser. */
  public static Extractor create() {
    return new Extractor(Gazetteer.domain(), Optional.empty());
  }

  public static Extractor create(Gazetteer gazetteer) {
    return new Extractor(gazetteer, Optional.empty());
  }

  /** The same extractor, with {@code recogniser} finding the names the gazetteer does not know. */
  public Extractor withRecogniser(NamedEntityRecogniser recogniser) {
    return new Extractor(gazetteer, Optional.of(recogniser));
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /** Everything {@code text} says that the extractor can read. */
  public Extraction extract(String text) {
    requireNonNull(text, "text");
    List<TextAttribute> attributes = GroupWords.find(text);
    List<Mention> mentions = new ArrayList<>(gazetteer.find(text));
    List<AcronymDefinition> acronyms = new ArrayList<>();
    for (Acronyms.Found found : Acronyms.find(text)) {
      acronyms.add(define(text, found, mentions));
    }
    List<Mention> statistical =
        recogniser
            .map(r -> r.recognise(text))
            .orElseGet(() -> NameFinder.find(text, mentions, attributes));
    for (Mention m : statistical) {
      if (!NameFinder.overlapsAny(mentions, m.start(), m.end()) && !isGroupWord(attributes, m)) {
        mentions.add(m);
      }
    }
    mentions.sort(Comparator.comparingInt(Mention::start));
    linkSurnames(mentions);
    RelationPatterns.Result found = RelationPatterns.run(text, gazetteer, mentions, attributes);
    List<Mention> all = new ArrayList<>(mentions);
    all.addAll(found.nominals());
    all.sort(Comparator.comparingInt(Mention::start));
    return new Extraction(all, found.relations(), found.events(), acronyms, attributes);
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
            .or(() -> gazetteer.lookup(found.shortForm()));
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
