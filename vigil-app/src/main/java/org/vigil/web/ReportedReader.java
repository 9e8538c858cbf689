/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.vigil.documents.EvidenceText;
import org.vigil.dossier.EntityDossier;
import org.vigil.model.AnalystNote;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.store.Document;

/**
 * Builds the {@link Reported} view of an entity's dossier or of a document from what the page's one
 * read found: no store access here, only the entities, sources and documents that read let the
 * reader see.
 */
final class ReportedReader {
  /** The properties of people and organisations shown with their evidence. */
  static final List<String> PROPERTIES = List.of("position", "address", "birthDate", "alias");

  /** The properties whose value names a place, linked to a search for it. */
  private static final Set<String> PLACES = Set.of("address", "location");

  private final Function<String, Optional<Entity>> entities;
  private final Function<String, Optional<Document>> documents;
  private final Function<String, Optional<Source>> sources;

  private ReportedReader(
      Function<String, Optional<Entity>> entities,
      Function<String, Optional<Document>> documents,
      Function<String, Optional<Source>> sources) {
    this.entities = entities;
    this.documents = documents;
    this.sources = sources;
  }

  /** What reporting says about the dossier's entity: its links, events and own properties. */
  static Reported of(EntityDossier d) {
    Entity self = d.entity();
    Function<String, Optional<Entity>> entities =
        id ->
            self.id().equals(id) || self.memberIds().contains(id) ? Optional.of(self) : d.other(id);
    return new ReportedReader(entities, d::document, d::source)
        .read(d.links(), List.of(self), s -> true);
  }

  /**
   * What one document says: the edges, events and properties read from it, among {@code cited} (the
   * entities whose statements cite it, by the id they were named by).
   */
  static Reported of(Document document, Source source, Map<String, Entity> cited) {
    ReportedReader reader =
        new ReportedReader(
            id -> Optional.ofNullable(cited.get(id)),
            id -> id.equals(source.id()) ? Optional.of(document) : Optional.empty(),
            id -> id.equals(source.id()) ? Optional.of(source) : Optional.empty());
    List<Entity> readings = new ArrayList<>();
    List<Entity> things = new ArrayList<>();
    for (Entity e : cited.values()) {
      (isReading(e.schema()) ? readings : things).add(e);
    }
    return reader.read(readings, things, s -> s.sourceId().equals(source.id()));
  }

  private static boolean isReading(Schema schema) {
    return schema.isEdge() || schema == Schema.EVENT || schema == Schema.SANCTION;
  }

  private Reported read(
      Collection<Entity> readings, Collection<Entity> things, Predicate<Statement> shown) {
    List<Reported.Relation> relations = new ArrayList<>();
    List<Reported.Event> events = new ArrayList<>();
    List<Reported.Claim> claims = new ArrayList<>();
    for (Entity e : readings) {
      List<Statement> statements = e.statements().stream().filter(shown).toList();
      if (statements.isEmpty()) {
        continue;
      }
      if (e.schema() == Schema.EVENT || e.schema() == Schema.SANCTION) {
        Reported.Event event = event(e, statements);
        events.add(event);
        if (event.attribution().isClaim()) {
          claims.add(new Reported.Claim(event.attribution(), describe(event), event.evidence()));
        }
      } else if (e.schema().isEdge()) {
        Reported.Relation relation = relation(e, statements);
        relations.add(relation);
        if (relation.attribution().isClaim()) {
          claims.add(
              new Reported.Claim(relation.attribution(), describe(relation), relation.evidence()));
        }
      }
    }
    List<Reported.Property> properties = new ArrayList<>();
    for (Entity thing : things) {
      for (Statement s : thing.statements()) {
        if (shown.test(s) && PROPERTIES.contains(s.property())) {
          properties.add(
              new Reported.Property(
                  party(thing.id()),
                  s.property(),
                  s.value(),
                  PLACES.contains(s.property()),
                  evidence(List.of(s))));
        }
      }
    }
    return new Reported(relations, events, properties, claims);
  }

  private Reported.Relation relation(Entity edge, List<Statement> statements) {
    Schema schema = edge.schema();
    return new Reported.Relation(
        schema.ftmName(),
        end(statements, schema.sourceProperty()),
        end(statements, schema.targetProperty()),
        first(statements, "role"),
        first(statements, "startDate"),
        first(statements, "status").filter("disputed"::equals).isPresent(),
        attribution(statements),
        evidence(statements));
  }

  private Reported.Event event(Entity event, List<Statement> statements) {
    List<Reported.Participant> participants = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (String value : values(statements, "participant")) {
      int colon = value.lastIndexOf(": ");
      if (colon > 0) {
        String id = value.substring(colon + 2);
        placed.add(id);
        participants.add(new Reported.Participant(value.substring(0, colon), party(id)));
      }
    }
    for (String id : values(statements, "involved")) {
      if (placed.add(id)) {
        participants.add(new Reported.Participant("involved", party(id)));
      }
    }
    for (String id : values(statements, "entity")) {
      if (placed.add(id)) {
        participants.add(new Reported.Participant("target", party(id)));
      }
    }
    List<String> details = new ArrayList<>();
    values(statements, "authority").forEach(a -> details.add("authority: " + a));
    values(statements, "program").forEach(p -> details.add("programme: " + p));
    boolean sanction = event.schema() == Schema.SANCTION;
    return new Reported.Event(
        sanction ? "sanction" : first(statements, "name").orElse(event.schema().ftmName()),
        participants,
        first(statements, "location"),
        first(statements, sanction ? "listingDate" : "date"),
        details,
        first(statements, "status").filter("disputed"::equals).isPresent(),
        attribution(statements),
        evidence(statements));
  }

  private static Reported.Attribution attribution(List<Statement> statements) {
    Optional<String> claimant = first(statements, "claimant");
    Optional<String> stance = first(statements, "stance");
    if (claimant.isEmpty() && stance.isEmpty()) {
      return Reported.Attribution.SOURCE;
    }
    return new Reported.Attribution(claimant, stance.orElse("asserts"));
  }

  /**
   * The sentence a finding was read from (an edge or event keeps it as its description; otherwise
   * the sentence around the first span in its document), the document, and who gave it.
   */
  private Reported.Evidence evidence(List<Statement> statements) {
    Statement first =
        statements.stream().filter(s -> s.span().isPresent()).findFirst().orElse(statements.get(0));
    Optional<Document> document = documents.apply(first.sourceId());
    Optional<String> sentence =
        first(statements, "description")
            .or(
                () ->
                    document.flatMap(
                        d ->
                            first
                                .span()
                                .map(span -> EvidenceText.around(d.text(), span))
                                .map(t -> t.before() + t.span() + t.after())));
    Optional<Source> source = sources.apply(first.sourceId());
    Optional<Reported.DocumentLink> link =
        document.map(
            d ->
                new Reported.DocumentLink(
                    "/documents/" + URLEncoder.encode(d.sourceId(), StandardCharsets.UTF_8),
                    source.map(Source::title).orElse(d.fileName())));
    return new Reported.Evidence(
        sentence.map(String::strip),
        link,
        link.isPresent() ? Optional.empty() : source.map(Source::title),
        AnalystNote.provenance(first.extractor()),
        first.marking());
  }

  private Reported.Party end(List<Statement> statements, Optional<String> property) {
    return property
        .flatMap(p -> first(statements, p))
        .map(this::party)
        .orElse(new Reported.Party(Optional.empty(), "(unknown)"));
  }

  private Reported.Party party(String id) {
    return entities
        .apply(id)
        .map(
            e ->
                new Reported.Party(
                    Optional.of(Html.hrefOf(e.id(), e.schema())), EntityPage.caption(e)))
        .orElse(new Reported.Party(Optional.empty(), "an entity you may not see"));
  }

  private static String describe(Reported.Relation r) {
    return r.schema()
        + r.role().map(role -> " (" + role + ")").orElse("")
        + ": "
        + r.from().label()
        + " – "
        + r.to().label();
  }

  private static String describe(Reported.Event e) {
    List<String> who = e.participants().stream().map(p -> p.party().label()).toList();
    return e.kind() + (who.isEmpty() ? "" : ": " + String.join(", ", who));
  }

  private static Optional<String> first(List<Statement> statements, String property) {
    return statements.stream()
        .filter(s -> s.property().equals(property))
        .map(Statement::value)
        .findFirst();
  }

  private static List<String> values(List<Statement> statements, String property) {
    return statements.stream()
        .filter(s -> s.property().equals(property))
        .map(Statement::value)
        .distinct()
        .toList();
  }
}
