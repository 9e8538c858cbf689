/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.dossier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Entity;
import org.vigil.model.Source;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.PossibleMatch;
import org.vigil.screening.ScreeningMatch;
import org.vigil.store.Document;

/**
 * Everything one reader may see of one entity, as read at one moment: the entity, the entities that
 * refer to it (links and designations), the judgements that name it, its sanctions screening, and
 * the sources, documents and other entities those mention. Whatever is not in it, the reader may
 * not see (or it does not exist: the two look the same).
 *
 * @param entity the entity, with the statements the reader may see
 * @param links the entities that refer to it (edges, events, designations), at most {@link
 *     EntityDossiers#MAX_LINKS}
 * @param judgements the judgements on its records whose other record the reader may see, newest
 *     first
 * @param sanctions its screening against the sanctions lists
 * @param sources the sources of the statements shown, by id
 * @param documents the documents among those sources, by source id
 * @param others the entities the statements and judgements name, by the id they were named by
 */
public record EntityDossier(
    Entity entity,
    List<Entity> links,
    List<Judgement> judgements,
    Sanctions sanctions,
    Map<String, Source> sources,
    Map<String, Document> documents,
    Map<String, Entity> others) {

  public EntityDossier {
    requireNonNull(entity, "entity");
    requireNonNull(sanctions, "sanctions");
    links = List.copyOf(links);
    judgements = List.copyOf(judgements);
    sources = Map.copyOf(sources);
    documents = Map.copyOf(documents);
    others = Map.copyOf(others);
  }

  /** How the entity stands against the sanctions lists. */
  public sealed interface Sanctions permits NotScreened, Recorded, Preparing, Screened {}

  /** Its schema is not screened (an address, a document, an edge). */
  public record NotScreened() implements Sanctions {}

  /** Cross-referencing recorded these possible matches, best first, one per list entry. */
  public record Recorded(List<PossibleMatch> matches) implements Sanctions {
    public Recorded {
      matches = List.copyOf(matches);
    }
  }

  /** Nothing was recorded and the lists are still being prepared; a reload will screen. */
  public record Preparing() implements Sanctions {}

  /** Nothing was recorded; screened now on its names: the best match per list entry, best first. */
  public record Screened(List<ScreeningMatch> matches) implements Sanctions {
    public Screened {
      matches = List.copyOf(matches);
    }
  }

  public Optional<Source> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  public Optional<Document> document(String sourceId) {
    return Optional.ofNullable(documents.get(sourceId));
  }

  /** Another entity named in the dossier, if the reader may see it. */
  public Optional<Entity> other(String id) {
    return Optional.ofNullable(others.get(id));
  }
}
