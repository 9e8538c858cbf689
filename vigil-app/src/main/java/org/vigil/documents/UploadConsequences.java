/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.resolution.CrossReferencing;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;
import org.vigil.store.Store;

/**
 * What a stored document connected to, as its uploader may see it: the entities known before it
 * that it mentions, the links and events read from it, and the list entries its people and
 * organisations may match. Read at once after the upload, before the background resolution has
 * merged anything, so a "known entity" is one of another source whose name is the same as a name
 * the document gives.
 *
 * <p>Everything in it rests only on statements the viewer may read: the records citing the
 * document, their statements and captions, the search for same-name entities and the list entries
 * are all read as the viewer. Names read from the document have its owner organisation's ids
 * ({@link org.vigil.extract.NameIdScope}), so the records it lands on never hold another
 * organisation's readings of the same names, and whether another organisation holds statements
 * about a name changes nothing here: no count, id or score comes from a statement the viewer may
 * not read.
 *
 * @param knownEntities entities of other sources with the name of an entity the document mentions
 * @param newLinks the relations read from the document
 * @param newEvents the events read from the document
 * @param listMatches list entries a person or organisation of the document may match
 */
public record UploadConsequences(
    List<Linked> knownEntities,
    List<Linked> newLinks,
    List<Linked> newEvents,
    List<ListMatch> listMatches) {

  /** At most this many records of one document are read. */
  static final int MAX_RECORDS = 500;

  /** At most this many of each kind are answered. */
  static final int MAX_EACH = 50;

  private static final int HITS_PER_NAME = 5;

  public UploadConsequences {
    knownEntities = List.copyOf(knownEntities);
    newLinks = List.copyOf(newLinks);
    newEvents = List.copyOf(newEvents);
    listMatches = List.copyOf(listMatches);
  }

  /** Nothing connected (a rejected document, or one the uploader may not read). */
  public static UploadConsequences none() {
    return new UploadConsequences(List.of(), List.of(), List.of(), List.of());
  }

  /** An entity, with the path of its page. */
  public record Linked(String id, String caption, String schema) {
    public Linked {
      requireNonNull(id, "id");
      requireNonNull(caption, "caption");
      requireNonNull(schema, "schema");
    }

    public String href() {
      return "/entities/" + id;
    }
  }

  /**
   * A possible match of an entity of the document on a list entry.
   *
   * @param entity the entity of the document
   * @param entry the list entry
   * @param dataset the list it is on
   * @param score how well the names match, 0 to 1
   */
  public record ListMatch(Linked entity, Linked entry, String dataset, double score) {
    public ListMatch {
      requireNonNull(entity, "entity");
      requireNonNull(entry, "entry");
      requireNonNull(dataset, "dataset");
    }
  }

  /**
   * Reads what {@code documentId} connected to, as {@code viewer} sees it; list matches only when
   * {@code screener} is given (the lists are loaded).
   */
  public static UploadConsequences read(
      Store store, Viewer viewer, String documentId, Optional<Screener> screener) {
    requireNonNull(store, "store");
    requireNonNull(viewer, "viewer");
    requireNonNull(documentId, "documentId");
    requireNonNull(screener, "screener");
    List<String> records = store.search().recordsCiting(documentId, viewer, MAX_RECORDS);
    Map<String, Entity> read = store.statements().entities(records, viewer);
    Set<String> own = new LinkedHashSet<>(records);
    read.values().forEach(e -> own.addAll(e.memberIds()));
    Map<String, Linked> known = new LinkedHashMap<>();
    List<Linked> links = new ArrayList<>();
    List<Linked> events = new ArrayList<>();
    Map<String, ListMatch> matches = new LinkedHashMap<>();
    for (Entity e : read.values()) {
      Linked linked = linked(e.id(), e.caption(), e.schema());
      if (e.schema().isEdge()) {
        add(links, linked(e.id(), edgeCaption(store, viewer, e, read), e.schema()));
      } else if (e.schema() == Schema.EVENT) {
        add(events, linked);
      } else if (e.schema() != Schema.DOCUMENT) {
        // The extractor may tie a mention to an entity already known (one with statements from
        // other sources): that entity is known, not new.
        if (e.statements().stream().anyMatch(st -> !st.sourceId().equals(documentId))) {
          known.putIfAbsent(e.id(), linked);
        }
        knownNamed(store, viewer, e, own, known);
        screener.ifPresent(s -> listMatches(store, viewer, s, e, linked, matches));
      }
    }
    return new UploadConsequences(
        List.copyOf(known.values()).subList(0, Math.min(MAX_EACH, known.size())),
        links,
        events,
        List.copyOf(matches.values()).subList(0, Math.min(MAX_EACH, matches.size())));
  }

  /** A link as it reads: "Esmaeil Khatib employed by Ministry of Intelligence". */
  private static String edgeCaption(
      Store store, Viewer viewer, Entity edge, Map<String, Entity> read) {
    Optional<String> from = edge.schema().sourceProperty().flatMap(edge::first);
    Optional<String> to = edge.schema().targetProperty().flatMap(edge::first);
    if (from.isEmpty() || to.isEmpty()) {
      return edge.schema().ftmName();
    }
    return name(store, viewer, from.get(), read)
        + " "
        + edge.schema().linkLabel()
        + " "
        + name(store, viewer, to.get(), read);
  }

  private static String name(Store store, Viewer viewer, String id, Map<String, Entity> read) {
    Entity known = read.get(id);
    if (known == null) {
      known = store.statements().entities(List.of(id), viewer).get(id);
    }
    return known == null ? "an entity you may not see" : known.caption();
  }

  private static void add(List<Linked> to, Linked linked) {
    if (to.size() < MAX_EACH) {
      to.add(linked);
    }
  }

  /** Entities of other sources the viewer may see, captioned with {@code e}'s name. */
  private static void knownNamed(
      Store store, Viewer viewer, Entity e, Set<String> own, Map<String, Linked> known) {
    String name = e.caption().strip();
    if (name.isEmpty() || name.length() > SearchQuery.MAX_TEXT) {
      return;
    }
    SearchResults found =
        store.search().search(new SearchQuery(name, Optional.empty(), 20), viewer);
    String wanted = name.toLowerCase(Locale.ROOT);
    found.hits().stream()
        .filter(h -> h.schema() != Schema.DOCUMENT && !h.schema().isEdge())
        .filter(h -> !own.contains(h.entityId()))
        .filter(h -> h.caption().strip().toLowerCase(Locale.ROOT).equals(wanted))
        .limit(HITS_PER_NAME)
        .forEach(
            h -> known.putIfAbsent(h.entityId(), linked(h.entityId(), h.caption(), h.schema())));
  }

  /** The list entries the viewer may see that {@code e}'s names may match. */
  private static void listMatches(
      Store store,
      Viewer viewer,
      Screener screener,
      Entity e,
      Linked linked,
      Map<String, ListMatch> matches) {
    if (!e.schema().isA("LegalEntity")) {
      return;
    }
    ScreeningQuery query;
    try {
      query =
          ScreeningQuery.of(e.caption())
              .withLimit(HITS_PER_NAME)
              .withThreshold(CrossReferencing.DEFAULT_THRESHOLD)
              .withSchema(e.schema());
    } catch (InvalidValueException badName) {
      return;
    }
    for (ScreeningMatch hit : screener.screen(query).matches()) {
      String entryId = SanctionsLists.storeId(hit.dataset(), hit.entityId());
      if (matches.containsKey(linked.id() + " " + entryId)) {
        continue;
      }
      // Only entries of lists the viewer may read, captioned as the viewer reads them: the
      // screener itself knows every loaded list.
      Entity entry = store.statements().entities(List.of(entryId), viewer).get(entryId);
      if (entry == null || entry.id().equals(e.id()) || e.memberIds().contains(entryId)) {
        // The report named the listed entity itself (it is among the known entities above), or
        // an entity already merged with the entry: no possible match to decide.
        continue;
      }
      matches.put(
          linked.id() + " " + entryId,
          new ListMatch(
              linked,
              linked(entryId, entry.caption(), entry.schema()),
              hit.dataset(),
              hit.score()));
    }
  }

  private static Linked linked(String id, String caption, Schema schema) {
    return new Linked(id, caption, schema.ftmName());
  }
}
