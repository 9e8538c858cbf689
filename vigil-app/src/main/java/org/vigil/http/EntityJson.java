/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.dossier.EntityDossier;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.search.SearchResults;

/**
 * The JSON shapes of entities, statements and search results. Domain records stay free of JSON
 * concerns; this is where they are mapped.
 */
final class EntityJson {
  private EntityJson() {}

  /**
   * An entity as its dossier reads it (the entity page's reading): its values with their sources,
   * the entities that refer to it, and how it stands against the sanctions lists.
   */
  record EntityView(
      String id,
      String schema,
      String caption,
      List<String> members,
      Map<String, List<ValueView>> properties,
      List<LinkView> links,
      SanctionsView sanctions) {}

  /** An entity that refers to this one: a link, an event or a designation. */
  record LinkView(String id, String schema, String caption) {}

  /**
   * How the entity stands against the lists: {@code not_screened} (its schema is not screened),
   * {@code recorded} (matches cross-referencing recorded), {@code preparing} (the lists are still
   * being read; ask again) or {@code screened} (screened on its names just now).
   */
  record SanctionsView(String status, List<ListMatchView> matches) {}

  /** A possible match: the list entry's entity id, its dataset and the score. */
  record ListMatchView(String listEntityId, String dataset, double score) {}

  /** One value of a property with everything that says where it came from and who may see it. */
  record ValueView(
      String value,
      String statementId,
      SourceView source,
      SpanView span,
      String extractor,
      double confidence,
      Integer credibility,
      MarkingView marking,
      Instant firstSeen,
      Instant lastSeen) {}

  /**
   * A statement's source. Its title, kind and grade appear only when the reader may see the source
   * itself; a visible statement from a source the reader may not see shows just the source's id.
   */
  record SourceView(String id, String title, String kind, String reliability) {}

  record SpanView(int start, int end) {}

  record MarkingView(String tlp, String owner, List<String> namedUsers, List<String> restrictedTo) {
    static MarkingView of(Marking m) {
      return new MarkingView(
          m.tlp().code(),
          m.ownerOrg(),
          m.namedUsers().isEmpty() ? null : List.copyOf(m.namedUsers()),
          m.restrictedToOrgs().isEmpty() ? null : List.copyOf(m.restrictedToOrgs()));
    }
  }

  record SearchView(long total, List<HitView> hits) {}

  record HitView(String id, String schema, String caption, float score, List<String> snippets) {}

  /**
   * Maps a dossier; every source it names was read as the reader may see it; {@code caption} names
   * the entity and its links (a relation record by its ends, not its id).
   */
  static EntityView entity(
      EntityDossier dossier, java.util.function.Function<Entity, String> caption) {
    Entity entity = dossier.entity();
    Map<String, List<ValueView>> properties = new LinkedHashMap<>();
    for (Map.Entry<String, List<Statement>> e : entity.byProperty().entrySet()) {
      List<ValueView> values = new ArrayList<>();
      for (Statement s : e.getValue()) {
        values.add(value(s, dossier.source(s.sourceId())));
      }
      properties.put(e.getKey(), values);
    }
    List<LinkView> links = new ArrayList<>();
    for (Entity link : dossier.links()) {
      links.add(new LinkView(link.id(), link.schema().ftmName(), caption.apply(link)));
    }
    return new EntityView(
        entity.id(),
        entity.schema().ftmName(),
        caption.apply(entity),
        entity.memberIds(),
        properties,
        links,
        sanctions(dossier.sanctions()));
  }

  private static SanctionsView sanctions(EntityDossier.Sanctions sanctions) {
    if (sanctions instanceof EntityDossier.Recorded recorded) {
      return new SanctionsView(
          "recorded",
          recorded.matches().stream()
              .map(m -> new ListMatchView(m.listEntityId(), m.dataset(), m.score()))
              .toList());
    }
    if (sanctions instanceof EntityDossier.Screened screened) {
      return new SanctionsView(
          "screened",
          screened.matches().stream()
              .map(
                  m ->
                      new ListMatchView(
                          SanctionsLists.storeId(m.dataset(), m.entityId()),
                          m.dataset(),
                          m.score()))
              .toList());
    }
    return new SanctionsView(
        sanctions instanceof EntityDossier.Preparing ? "preparing" : "not_screened", List.of());
  }

  static SearchView search(SearchResults results) {
    List<HitView> hits = new ArrayList<>();
    for (SearchResults.Hit h : results.hits()) {
      hits.add(
          new HitView(h.entityId(), h.schema().ftmName(), h.caption(), h.score(), h.snippets()));
    }
    return new SearchView(results.total(), hits);
  }

  private static ValueView value(Statement s, Optional<Source> source) {
    SourceView sourceView =
        source
            .map(
                src ->
                    new SourceView(
                        src.id(),
                        src.title(),
                        src.kind().name().toLowerCase(Locale.ROOT),
                        src.reliability().name()))
            .orElseGet(() -> new SourceView(s.sourceId(), null, null, null));
    return new ValueView(
        s.value(),
        s.id(),
        sourceView,
        s.span().map(sp -> new SpanView(sp.start(), sp.end())).orElse(null),
        s.extractor(),
        s.confidence(),
        s.credibility().map(c -> c.grade()).orElse(null),
        MarkingView.of(s.marking()),
        s.firstSeen(),
        s.lastSeen());
  }
}
