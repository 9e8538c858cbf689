/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Source;
import org.vigil.model.Statement;

/**
 * Statements and their sources. Every read takes the {@link Viewer} it answers and returns only
 * what {@link org.vigil.access.MarkingPolicy} lets that viewer see: an entity none of whose
 * statements are visible does not exist for that viewer.
 */
public interface StatementRepository {

  /**
   * Stores a source and its statements in one transaction: all of it or none. A statement already
   * stored (same id) has its last-seen time moved on. A source already stored keeps its owner and
   * marking: only its title, reliability, address and retrieval time follow the write.
   *
   * @throws org.vigil.model.InvalidValueException naming every problem when the batch does not
   *     describe whole entities (see {@link org.vigil.model.StatementBatch}) or a statement names
   *     another source; nothing is written then
   * @throws SourceConflictException when the source is stored already and belongs to another
   *     organisation than the source's marking names, or carries another marking; nothing is
   *     written then
   */
  WriteSummary write(Source source, List<Statement> statements);

  /**
   * Like {@link #write(Source, List)}, and says when the search index learns of the batch: {@link
   * IndexUpdate#IMMEDIATE} (what {@link #write(Source, List)} does) re-indexes the touched records
   * right after the commit; {@link IndexUpdate#DEFERRED} leaves the index alone, for bulk loads
   * that end with one {@code Store.reindex()}. Until then, searches do not find the new statements.
   * Implementations without a search index may ignore {@code indexUpdate}.
   */
  default WriteSummary write(Source source, List<Statement> statements, IndexUpdate indexUpdate) {
    return write(source, statements);
  }

  /**
   * Like {@link #write(Source, List)} for a write made for a user: the summary counts as updated
   * only the stored statements {@code writer} may see and every other statement as inserted, so
   * that no count tells whether a statement the writer may not read exists.
   */
  WriteSummary write(Source source, List<Statement> statements, Viewer writer);

  /**
   * Deletes every statement of the sources {@code sourceIds} (the statements of list releases that
   * another release of the same list superseded), in the caller's transaction when there is one.
   * The sources themselves stay, so that what cited them still names them. The search index is not
   * updated here: the caller rebuilds it ({@code Store.reindex}) once the release switch is
   * committed.
   *
   * @return how many statements were deleted
   */
  int retireSources(java.util.Collection<String> sourceIds);

  /**
   * The entity with this id (or the canonical entity it was merged into), assembled from the
   * statements of all its members that the viewer may see.
   */
  Optional<Entity> entity(String id, Viewer viewer);

  /**
   * Like {@link #entity} for each of {@code ids}, read together: each id maps to the (canonical)
   * entity it belongs to, assembled from what the viewer may see; ids the viewer cannot see are
   * left out. The map iterates in the order of {@code ids}.
   */
  default Map<String, Entity> entities(Collection<String> ids, Viewer viewer) {
    Map<String, Entity> out = new LinkedHashMap<>();
    for (String id : ids) {
      entity(id, viewer).ifPresent(e -> out.put(id, e));
    }
    return out;
  }

  /** The source with this id, if the viewer may see its marking. */
  Optional<Source> source(String id, Viewer viewer);

  /** Entities whose statements name {@code entityId} as a value (edges that touch it). */
  List<Entity> referencing(String entityId, Viewer viewer, int limit);

  /** How many statements are stored, whoever may see them. */
  long count();

  /**
   * Hands every stored entity, as {@link Viewer#system()} sees it (all statements of each record,
   * unmerged), to {@code sink}, ordered by id. For rebuilding derived data.
   */
  void scanEntities(Consumer<Entity> sink);

  /** When a write reaches the search index. */
  enum IndexUpdate {
    IMMEDIATE,
    DEFERRED
  }

  /** The outcome of a write. */
  record WriteSummary(String sourceId, int inserted, int updated) {}
}
