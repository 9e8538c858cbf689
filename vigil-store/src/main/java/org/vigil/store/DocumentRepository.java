/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.vigil.access.Viewer;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.StatementRepository.WriteSummary;

/**
 * Ingested documents, each with the source its statements cite. A document is visible to a viewer
 * exactly when its source's marking is.
 */
public interface DocumentRepository {

  /**
   * Stores a document, its source and the statements read from it in one transaction: all of it or
   * none. The search index learns of the statements after the commit.
   *
   * @throws org.vigil.model.InvalidValueException when the document's id is not its source's, or
   *     the statements are not a valid batch of that source; nothing is written then
   * @throws StoreException when a document with the same id is already stored; nothing is written
   *     then
   * @throws SourceConflictException when its source is stored already under another owner or
   *     marking; nothing is written then
   */
  default WriteSummary write(Document document, Source source, List<Statement> statements) {
    return write(document, source, statements, IndexUpdate.IMMEDIATE);
  }

  /**
   * Like {@link #write(Document, Source, List)}, and says when the search index learns of the
   * statements: right after the commit, or ({@link IndexUpdate#DEFERRED}) when the caller hands the
   * touched entities to {@code Store.index} or rebuilds the index.
   */
  default WriteSummary write(
      Document document, Source source, List<Statement> statements, IndexUpdate indexUpdate) {
    return write(document, source, statements, indexUpdate, Optional.empty());
  }

  /**
   * Like {@link #write(Document, Source, List, IndexUpdate)}, and records the offer of the
   * document's original file among the {@link OriginalRepository kept originals} in the same
   * transaction: a truncated document and its kept original are stored together or not at all, and
   * so are a retried document and its original's settled status.
   */
  WriteSummary write(
      Document document,
      Source source,
      List<Statement> statements,
      IndexUpdate indexUpdate,
      Optional<OriginalAttempt> original);

  /**
   * The entities that writes with {@link IndexUpdate#DEFERRED} left out of the search index and
   * that were not {@link #markIndexed marked indexed} since, in id order: also those of a batch
   * that died before its end.
   */
  List<String> unindexedEntities();

  /** Forgets these entities as left out of the search index, once the caller has indexed them. */
  void markIndexed(Collection<String> entityIds);

  /**
   * The document with this id, if the viewer may see its source; it names the original it nearly
   * copies only when the viewer may see that original too.
   */
  Optional<Document> document(String id, Viewer viewer);

  /**
   * The documents stored with this content hash that the viewer may see, oldest first: for telling
   * an exact copy before it is stored. Organisations store the same text each as its own document,
   * and an uploader learns only of the copies it may read.
   */
  List<DocumentSummary> byContentHash(String contentHash, Viewer viewer);

  /** Hands the id and text of every stored document, ordered by id, to {@code sink}. */
  void scanTexts(BiConsumer<String, String> sink);

  /** The newest documents the viewer may see, newest first, at most {@code limit}. */
  List<DocumentSummary> recent(Viewer viewer, int limit);

  /**
   * The documents the viewer may see that nearly copy document {@code id} (syndicated versions of
   * it), most similar first.
   */
  List<DocumentSummary> nearCopies(String id, Viewer viewer);

  /** How many documents are stored, whoever may see them. */
  long count();
}
