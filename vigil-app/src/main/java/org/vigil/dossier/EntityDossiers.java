/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.dossier;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.access.Viewer;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.PossibleMatch;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.watchlists.ListScreening;

/**
 * Reads entity dossiers: one query per dossier, every source, document and named entity looked up
 * once and only as the reader may see it. An entity with nothing recorded against the lists is
 * screened on its first names when the screener is ready; when it is not, its building is started
 * and the dossier says so rather than wait.
 *
 * <p>Thread-safe.
 */
public final class EntityDossiers {
  /** Links and designations read per dossier; an entity with more shows the first ones. */
  public static final int MAX_LINKS = 100;

  /** Names screened against the lists per dossier (the primary name and the first aliases). */
  static final int MAX_SCREENED_NAMES = 4;

  private static final EnumSet<Schema> SCREENED =
      EnumSet.of(
          Schema.PERSON,
          Schema.ORGANIZATION,
          Schema.PUBLIC_BODY,
          Schema.COMPANY,
          Schema.LEGAL_ENTITY,
          Schema.VESSEL,
          Schema.AIRPLANE);

  private final ListScreening screening;
  private final AtomicBoolean preparing = new AtomicBoolean();

  public EntityDossiers(ListScreening screening) {
    this.screening = requireNonNull(screening, "screening");
  }

  /** The dossier of {@code id} as {@code viewer} sees it; empty when the viewer may see no such. */
  public Optional<EntityDossier> read(Store store, String id, Viewer viewer) {
    Lookups reads = new Lookups(store, viewer);
    Optional<Entity> found = reads.entity(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Entity entity = found.get();
    List<Entity> links = store.statements().referencing(entity.id(), viewer, MAX_LINKS);
    List<Statement> shown = new ArrayList<>(entity.statements());
    links.forEach(l -> shown.addAll(l.statements()));
    for (Statement s : shown) {
      reads.source(s.sourceId());
      reads.document(s.sourceId());
      if (s.isReference()) {
        reads.entity(s.value());
      }
    }
    List<Judgement> judgements = judgements(store, entity, reads);
    EntityDossier.Sanctions sanctions = sanctions(store, entity, reads);
    return Optional.of(
        new EntityDossier(
            entity,
            links,
            judgements,
            sanctions,
            reads.sources(),
            reads.documents(),
            reads.entities()));
  }

  /** Judgements on records the viewer may not see stay out of sight, like the records. */
  private static List<Judgement> judgements(Store store, Entity entity, Lookups reads) {
    Map<Long, Judgement> byId = new java.util.TreeMap<>(Comparator.reverseOrder());
    for (String member : entity.memberIds()) {
      for (Judgement j : store.judgements().history(member, reads.viewer)) {
        String other = j.left().equals(member) ? j.right() : j.left();
        if (entity.memberIds().contains(other) || reads.entity(other).isPresent()) {
          byId.put(j.id(), j);
        }
      }
    }
    return List.copyOf(byId.values());
  }

  private EntityDossier.Sanctions sanctions(Store store, Entity entity, Lookups reads) {
    if (!SCREENED.contains(entity.schema())) {
      return new EntityDossier.NotScreened();
    }
    List<PossibleMatch> recorded = new ArrayList<>();
    for (String member : entity.memberIds()) {
      recorded.addAll(store.resolution().matchesOf(member, reads.viewer));
    }
    if (!recorded.isEmpty()) {
      recorded.sort(Comparator.comparingDouble(PossibleMatch::score).reversed());
      Map<String, PossibleMatch> best = new LinkedHashMap<>();
      recorded.forEach(m -> best.putIfAbsent(m.listEntityId(), m));
      best.keySet().forEach(reads::entity);
      return new EntityDossier.Recorded(List.copyOf(best.values()));
    }
    Optional<ListScreening.Built> built = screening.ifBuilt();
    if (built.isEmpty()) {
      if (preparing.compareAndSet(false, true)) {
        screening.prepareInBackground();
      }
      return new EntityDossier.Preparing();
    }
    List<ScreeningMatch> matches = screen(entity, built.get().screener());
    matches.forEach(m -> reads.entity(SanctionsLists.storeId(m.dataset(), m.entityId())));
    return new EntityDossier.Screened(matches);
  }

  /** The best match per list entry over the entity's first names, best first. */
  private static List<ScreeningMatch> screen(Entity entity, Screener screener) {
    LinkedHashSet<String> names = new LinkedHashSet<>(entity.values("name"));
    names.addAll(entity.values("alias"));
    Map<String, ScreeningMatch> best = new LinkedHashMap<>();
    int screened = 0;
    for (String name : names) {
      if (screened++ >= MAX_SCREENED_NAMES || name.length() > ScreeningQuery.MAX_NAME_LENGTH) {
        break;
      }
      for (ScreeningMatch m : screener.screen(query(entity, name)).matches()) {
        String listId = SanctionsLists.storeId(m.dataset(), m.entityId());
        if (entity.memberIds().contains(listId)) {
          continue; // the entity is this list entry
        }
        best.merge(listId, m, (a, c) -> a.score() >= c.score() ? a : c);
      }
    }
    List<ScreeningMatch> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparingDouble(ScreeningMatch::score).reversed());
    return out.size() > 10 ? out.subList(0, 10) : out;
  }

  /**
   * A query for one of the entity's names with its schema, so that a list entry of another kind (a
   * vessel for a person) is ranked down with the reason, and its birth date when it has a readable
   * one.
   */
  private static ScreeningQuery query(Entity entity, String name) {
    ScreeningQuery query = ScreeningQuery.of(name).withLimit(5).withSchema(entity.schema());
    for (String date : entity.values("birthDate")) {
      try {
        return query.withBirthDate(PartialDate.parse(date));
      } catch (InvalidValueException unreadable) {
        // A reported date the screener cannot read is left out of the query, not guessed.
      }
    }
    return query;
  }

  /** The reads of one dossier, each source, document and entity looked up at most once. */
  private static final class Lookups {
    private final Store store;
    private final Viewer viewer;
    private final Map<String, Optional<Source>> sources = new HashMap<>();
    private final Map<String, Optional<Document>> documents = new HashMap<>();
    private final Map<String, Optional<Entity>> entities = new HashMap<>();

    Lookups(Store store, Viewer viewer) {
      this.store = store;
      this.viewer = viewer;
    }

    Optional<Source> source(String id) {
      return sources.computeIfAbsent(id, s -> store.statements().source(s, viewer));
    }

    Optional<Document> document(String id) {
      return documents.computeIfAbsent(id, d -> store.documents().document(d, viewer));
    }

    Optional<Entity> entity(String id) {
      return entities.computeIfAbsent(
          id,
          e ->
              PropertyType.isEntityId(e) ? store.statements().entity(e, viewer) : Optional.empty());
    }

    Map<String, Source> sources() {
      return present(sources);
    }

    Map<String, Document> documents() {
      return present(documents);
    }

    Map<String, Entity> entities() {
      return present(entities);
    }

    private static <T> Map<String, T> present(Map<String, Optional<T>> found) {
      Map<String, T> out = new HashMap<>();
      found.forEach((id, value) -> value.ifPresent(v -> out.put(id, v)));
      return out;
    }
  }
}
