/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.vigil.extract.syntax.ParseOutcome;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;

/**
 * What one text says: its mentions, relations, events and properties, the acronyms it defines, the
 * group words (nationalities, religions, ethnic groups) that describe it and nothing else, and the
 * sentences the parser did not read, each with why.
 */
public record Extraction(
    List<Mention> mentions,
    List<Relation> relations,
    List<ExtractedEvent> events,
    List<AcronymDefinition> acronyms,
    List<TextAttribute> attributes,
    List<ExtractedProperty> properties,
    List<ParseOutcome.Skipped> skipped) {

  public Extraction {
    mentions = List.copyOf(mentions);
    relations = List.copyOf(relations);
    events = List.copyOf(events);
    acronyms = List.copyOf(acronyms);
    attributes = List.copyOf(attributes);
    properties = List.copyOf(properties);
    skipped = List.copyOf(skipped);
  }

  /** An extraction without properties, every sentence read. */
  public Extraction(
      List<Mention> mentions,
      List<Relation> relations,
      List<ExtractedEvent> events,
      List<AcronymDefinition> acronyms,
      List<TextAttribute> attributes) {
    this(mentions, relations, events, acronyms, attributes, List.of(), List.of());
  }

  /**
   * The claims of named parties: every relation and event whose attribution names a claimant, in
   * the order relations, then events.
   */
  public List<Claim> claims() {
    List<Claim> out = new ArrayList<>();
    for (Relation r : relations) {
      r.attribution().claimant().ifPresent(c -> out.add(new Claim(c, r.attribution().stance(), r)));
    }
    for (ExtractedEvent e : events) {
      e.attribution().claimant().ifPresent(c -> out.add(new Claim(c, e.attribution().stance(), e)));
    }
    return out;
  }

  /**
   * The extraction as statements read from {@code source}: a name for every person and organisation
   * mentioned (and an alias where the text writes it otherwise), one edge entity per relation, one
   * Sanction or Event entity per event, an address for each person or organisation whose place the
   * text gives, each statement with its span, its extractor and its confidence. A disputed relation
   * or event carries status "disputed"; one with participants' roles, a quoted claimant or a stance
   * other than the source's assertion carries them in its summary, and as statements of their own
   * (participant "role: id", claimant, stance). Every property read of a person or organisation
   * that its schema has (address, position, birth date, alias, country) is a statement. Group words
   * give no statements, nor do a relation with an end that is no entity (a bare title such as "an
   * officer", a place) and an event's participants that are none (its place is its location). The
   * order is stable: mentions, then relations, then events.
   */
  public List<Statement> toStatements(Source source) {
    requireNonNull(source, "source");
    Map<String, Statement> out = new LinkedHashMap<>();
    List<Mention> nodes = new ArrayList<>(mentions);
    relations.forEach(r -> nodes.addAll(List.of(r.source(), r.target())));
    events.forEach(e -> nodes.addAll(e.participants()));
    java.util.Set<String> seenNodes = new java.util.HashSet<>();
    for (Mention m : nodes) {
      if (m.schema().isEmpty() || !seenNodes.add(m.entityId() + "@" + m.start() + ":" + m.end())) {
        continue;
      }
      Schema schema = m.schema().get();
      boolean nominal = m.extractor().equals("pattern:nominal");
      add(
          out,
          source,
          m.entityId(),
          schema,
          nominal ? "description" : "name",
          nominal ? m.text() : m.name(),
          m.start(),
          m.end(),
          m.extractor(),
          m.confidence());
      if (!nominal && !m.text().equals(m.name())) {
        add(
            out,
            source,
            m.entityId(),
            schema,
            "alias",
            m.text(),
            m.start(),
            m.end(),
            m.extractor(),
            m.confidence());
      }
    }
    for (Relation r : relations) {
      if (r.source().schema().isEmpty() || r.target().schema().isEmpty()) {
        // An end that is no entity (a bare title, "an officer"; a place) has no statements: the
        // relation would point at nothing, which pages can only call "an entity you may not see".
        continue;
      }
      String id =
          EntityIds.forReading(
              r.schema().ftmName().toLowerCase(java.util.Locale.ROOT),
              source.id(),
              r.start(),
              r.end(),
              r.source().entityId(),
              r.target().entityId(),
              r.role().orElse(""));
      Edge edge =
          new Edge(out, source, id, r.schema(), r.start(), r.end(), r.extractor(), r.confidence());
      edge.set(r.schema().sourceProperty().orElseThrow(), r.source().entityId());
      edge.set(r.schema().targetProperty().orElseThrow(), r.target().entityId());
      r.role().ifPresent(role -> edge.set("role", role));
      r.startDate().ifPresent(d -> edge.set("startDate", d.toString()));
      edge.set("description", r.evidence());
      if (r.disputed()) {
        edge.set("status", "disputed");
      }
      summary(List.of(), r.attribution()).ifPresent(text -> edge.set("summary", text));
      attribution(r.attribution(), edge);
    }
    for (ExtractedEvent e : events) {
      String first = e.participants().isEmpty() ? "" : e.participants().get(0).entityId();
      String id = EntityIds.forReading(e.kind(), source.id(), e.start(), e.end(), e.kind(), first);
      Edge entity =
          new Edge(out, source, id, e.schema(), e.start(), e.end(), e.extractor(), e.confidence());
      if (e.schema() == Schema.SANCTION) {
        e.participants().stream()
            .filter(p -> p.schema().isPresent())
            .findFirst()
            .ifPresent(p -> entity.set("entity", p.entityId()));
        e.authority().ifPresent(a -> entity.set("authority", a));
        e.program().ifPresent(p -> entity.set("program", p));
        e.date().ifPresent(d -> entity.set("listingDate", d.toString()));
      } else {
        entity.set("name", e.kind());
        e.date().ifPresent(d -> entity.set("date", d.toString()));
        e.place().ifPresent(p -> entity.set("location", p));
        // Only participants that are entities: a place is the event's location, a bare title no
        // one.
        for (Mention p : e.participants()) {
          if (p.schema().isPresent()) {
            entity.set("involved", p.entityId());
          }
        }
      }
      for (EventRole r : e.roles()) {
        if (r.mention().schema().isPresent()) {
          entity.set("participant", r.role() + ": " + r.mention().entityId());
        }
      }
      entity.set("description", e.evidence());
      if (e.disputed()) {
        entity.set("status", "disputed");
      }
      summary(e.roles(), e.attribution()).ifPresent(text -> entity.set("summary", text));
      attribution(e.attribution(), entity);
    }
    for (ExtractedProperty p : properties) {
      Mention m = p.entity();
      if (m.schema().isPresent() && m.schema().get().property(p.property()).isPresent()) {
        add(
            out,
            source,
            m.entityId(),
            m.schema().get(),
            p.property(),
            p.value(),
            p.start(),
            p.end(),
            p.extractor(),
            p.confidence());
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The participants' roles and who asserts it, for the summary of an edge or event, when there is
   * more to say than the source's own assertion: "perpetrator: X; victim: Y; claimant: Trump;
   * stance: denies".
   */
  private static Optional<String> summary(List<EventRole> roles, Attribution attribution) {
    List<String> parts = new ArrayList<>();
    for (EventRole r : roles) {
      parts.add(r.role() + ": " + r.mention().name());
    }
    if (!attribution.equals(Attribution.SOURCE)) {
      parts.add("claimant: " + attribution.claimant().map(Mention::name).orElse("source"));
      parts.add("stance: " + attribution.stance().name().toLowerCase(java.util.Locale.ROOT));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /** Who asserts it and how, when the source quotes a party or hedges it. */
  private static void attribution(Attribution a, Edge edge) {
    if (a.equals(Attribution.SOURCE)) {
      return;
    }
    a.claimant().ifPresent(c -> edge.set("claimant", c.name()));
    edge.set("stance", a.stance().name().toLowerCase(java.util.Locale.ROOT));
  }

  private record Edge(
      Map<String, Statement> out,
      Source source,
      String id,
      Schema schema,
      int start,
      int end,
      String extractor,
      double confidence) {
    void set(String property, String value) {
      add(out, source, id, schema, property, value, start, end, extractor, confidence);
    }
  }

  private static void add(
      Map<String, Statement> out,
      Source source,
      String id,
      Schema schema,
      String property,
      String value,
      int start,
      int end,
      String extractor,
      double confidence) {
    Statement s =
        Statement.about(id, schema)
            .set(property, value)
            .from(source)
            .span(start, end)
            .extractor(extractor, confidence)
            .build();
    out.putIfAbsent(s.id(), s);
  }

  /**
   * This extraction with every entity id its mentions, relations, events, properties and acronyms
   * name passed through {@code ids}; spans, texts and everything else as they are.
   */
  Extraction withIds(UnaryOperator<String> ids) {
    return new Extraction(
        mentions.stream().map(m -> m.withIds(ids)).toList(),
        relations.stream()
            .map(
                r ->
                    new Relation(
                        r.schema(),
                        r.source().withIds(ids),
                        r.target().withIds(ids),
                        r.role(),
                        r.startDate(),
                        r.evidence(),
                        r.start(),
                        r.end(),
                        r.confidence(),
                        r.extractor(),
                        r.disputed(),
                        withIds(r.attribution(), ids)))
            .toList(),
        events.stream()
            .map(
                e ->
                    new ExtractedEvent(
                        e.schema(),
                        e.kind(),
                        e.date(),
                        e.place(),
                        e.participants().stream().map(m -> m.withIds(ids)).toList(),
                        e.authority(),
                        e.program(),
                        e.evidence(),
                        e.start(),
                        e.end(),
                        e.confidence(),
                        e.extractor(),
                        e.disputed(),
                        e.roles().stream()
                            .map(r -> new EventRole(r.role(), r.mention().withIds(ids)))
                            .toList(),
                        withIds(e.attribution(), ids)))
            .toList(),
        acronyms.stream()
            .map(
                a ->
                    new AcronymDefinition(
                        a.shortForm(), a.longForm(), a.start(), a.end(), ids.apply(a.entityId())))
            .toList(),
        attributes,
        properties.stream()
            .map(
                p ->
                    new ExtractedProperty(
                        p.entity().withIds(ids),
                        p.property(),
                        p.value(),
                        p.evidence(),
                        p.start(),
                        p.end(),
                        p.extractor(),
                        p.confidence()))
            .toList(),
        skipped);
  }

  private static Attribution withIds(Attribution a, UnaryOperator<String> ids) {
    return new Attribution(a.claimant().map(c -> c.withIds(ids)), a.stance(), a.cue());
  }

  /** The mentions of one entity. */
  public List<Mention> mentionsOf(String entityId) {
    return mentions.stream().filter(m -> m.entityId().equals(entityId)).toList();
  }

  /** The first event of {@code kind}, if any. */
  public Optional<ExtractedEvent> firstEvent(String kind) {
    return events.stream().filter(e -> e.kind().equals(kind)).findFirst();
  }
}
