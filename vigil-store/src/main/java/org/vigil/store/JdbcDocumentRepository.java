/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.search.SearchIndex;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.StatementRepository.WriteSummary;

/** Documents in the {@code documents} table, written in the transaction of their statements. */
final class JdbcDocumentRepository implements DocumentRepository {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDocumentRepository.class);

  private static final String COLUMNS =
      "d.source_id, d.file_name, d.media_type, d.language_code, d.content_hash, d.plain_text,"
          + " d.status, d.reason, d.near_duplicate_of, d.similarity, d.created_at";

  private static final String SUMMARY_COLUMNS =
      "d.source_id, s.title, d.file_name, d.created_at, s.tlp, s.owner_org, s.named_users,"
          + " s.restricted_orgs, s.reliability, d.near_duplicate_of, d.similarity";

  // However few documents a viewer may see, a listing reads at most this many rows to find them.
  private static final int MAX_ROWS_SCANNED = 20_000;

  private final Database db;
  private final JdbcStatementRepository statements;
  private final JdbcOriginalRepository originals;
  private final Consumer<Collection<SearchIndex.IndexedText>> indexer;

  /** Texts written with {@link IndexUpdate#DEFERRED}, for the next {@link #indexPending}. */
  private final List<SearchIndex.IndexedText> pending = new ArrayList<>();

  /**
   * @param indexer hands written documents' texts to the search index, after their commit
   */
  JdbcDocumentRepository(
      Database db,
      JdbcStatementRepository statements,
      JdbcOriginalRepository originals,
      Consumer<Collection<SearchIndex.IndexedText>> indexer) {
    this.db = db;
    this.statements = statements;
    this.originals = originals;
    this.indexer = indexer;
  }

  @Override
  public WriteSummary write(
      Document document,
      Source source,
      List<Statement> batch,
      IndexUpdate indexUpdate,
      Optional<OriginalAttempt> original) {
    requireNonNull(document, "document");
    requireNonNull(original, "original");
    requireNonNull(source, "source");
    requireNonNull(batch, "statements");
    if (!document.sourceId().equals(source.id())) {
      throw new InvalidValueException(
          "document " + document.sourceId() + " is not of source " + source.id());
    }
    try {
      WriteSummary written =
          statements.write(
              source,
              batch,
              indexUpdate,
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO documents (source_id, file_name, media_type, language_code,"
                            + " content_hash, plain_text, status, reason, near_duplicate_of,"
                            + " similarity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                  bind(ps, document);
                  ps.executeUpdate();
                }
                if (original.isPresent()) {
                  originals.record(c, original.get());
                }
                if (indexUpdate == IndexUpdate.DEFERRED) {
                  recordUnindexed(c, document.sourceId(), batch);
                } else {
                  // The statements' entities are journalled by the statement write; the text is
                  // journalled here, and forgotten once the index has it.
                  JdbcStatementRepository.recordUnindexed(c, List.of(document.sourceId()));
                }
              });
      SearchIndex.IndexedText text =
          new SearchIndex.IndexedText(
              document.sourceId(),
              source.title(),
              document.text(),
              source.marking(),
              document.createdAt());
      // Inside Store.audited the write is not committed yet: the index follows the commit.
      db.afterCommit(
          () -> {
            if (indexUpdate == IndexUpdate.IMMEDIATE) {
              try {
                indexer.accept(List.of(text));
                statements.forgetUnindexed(List.of(document.sourceId()));
              } catch (RuntimeException e) {
                // Stored and committed; the index is derived and a reindex restores it. The
                // caller must not take the write for failed and write again.
                LOG.error(
                    "document {} was stored but the search index could not be updated; run"
                        + " reindex",
                    document.sourceId(),
                    e);
              }
            } else {
              synchronized (pending) {
                pending.add(text);
              }
            }
          });
      return written;
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
        throw new StoreException("document " + document.sourceId() + " is already stored", e);
      }
      throw e;
    }
  }

  /**
   * Records, in the document's transaction, the records its statements touched and the document's
   * own id: a batch killed before its end leaves them for the next {@link Store#index} (which also
   * indexes the text of any document among them).
   */
  private static void recordUnindexed(Connection c, String documentId, List<Statement> batch)
      throws SQLException {
    Set<String> entities = new TreeSet<>();
    batch.forEach(s -> entities.add(s.entityId()));
    entities.add(documentId);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO unindexed_entities (entity_id) VALUES (?)")) {
      for (String id : entities) {
        ps.setString(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public List<String> unindexedEntities() {
    return db.read(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT DISTINCT entity_id FROM unindexed_entities ORDER BY entity_id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
          return ids;
        });
  }

  @Override
  public void markIndexed(Collection<String> entityIds) {
    requireNonNull(entityIds, "entityIds");
    if (entityIds.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM unindexed_entities WHERE entity_id = ?")) {
            for (String id : new TreeSet<>(entityIds)) {
              ps.setString(1, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<Document> document(String id, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (!PropertyType.isEntityId(id)) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + ", s.tlp, s.owner_org, s.named_users, s.restricted_orgs"
                      + " FROM documents d JOIN sources s ON s.id = d.source_id"
                      + " WHERE d.source_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || !MarkingPolicy.canSee(viewer, Rows.marking(rs, 12))) {
                return Optional.<Document>empty();
              }
              Document found = document(rs);
              return Optional.of(
                  visibleLink(c, found.nearDuplicateOf(), viewer).isPresent()
                      ? found
                      : withoutLink(found));
            }
          }
        });
  }

  @Override
  public List<DocumentSummary> byContentHash(String contentHash, Viewer viewer) {
    requireNonNull(contentHash, "contentHash");
    requireNonNull(viewer, "viewer");
    return summaries(
        "SELECT "
            + SUMMARY_COLUMNS
            + " FROM documents d JOIN sources s ON s.id = d.source_id"
            + " WHERE d.content_hash = ? ORDER BY d.created_at, d.source_id",
        Optional.of(contentHash),
        viewer,
        100);
  }

  /**
   * {@code original} when the viewer may see the document it names: a link from a document to its
   * original is derived from both, so it is shown only to those who may see both.
   */
  private static Optional<String> visibleLink(
      Connection c, Optional<String> original, Viewer viewer) throws SQLException {
    if (original.isEmpty()) {
      return original;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tlp, owner_org, named_users, restricted_orgs FROM sources WHERE id = ?")) {
      ps.setString(1, original.get());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && MarkingPolicy.canSee(viewer, Rows.marking(rs, 1))
            ? original
            : Optional.empty();
      }
    }
  }

  private static Document withoutLink(Document d) {
    return new Document(
        d.sourceId(),
        d.fileName(),
        d.mediaType(),
        d.language(),
        d.contentHash(),
        d.text(),
        d.status(),
        d.reason(),
        Optional.empty(),
        0.0,
        d.createdAt());
  }

  @Override
  public void scanTexts(BiConsumer<String, String> sink) {
    requireNonNull(sink, "sink");
    db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT source_id, plain_text FROM documents ORDER BY source_id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sink.accept(rs.getString(1), rs.getString(2));
            }
          }
          return null;
        });
  }

  @Override
  public List<DocumentSummary> recent(Viewer viewer, int limit) {
    requireNonNull(viewer, "viewer");
    return summaries(
        "SELECT "
            + SUMMARY_COLUMNS
            + " FROM documents d JOIN sources s ON s.id = d.source_id"
            + " ORDER BY d.created_at DESC, d.source_id",
        Optional.empty(),
        viewer,
        limit);
  }

  @Override
  public List<DocumentSummary> nearCopies(String id, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (!PropertyType.isEntityId(id) || document(id, viewer).isEmpty()) {
      return List.of();
    }
    return summaries(
        "SELECT "
            + SUMMARY_COLUMNS
            + " FROM documents d JOIN sources s ON s.id = d.source_id"
            + " WHERE d.near_duplicate_of = ? ORDER BY d.similarity DESC, d.source_id",
        Optional.of(id),
        viewer,
        100);
  }

  private List<DocumentSummary> summaries(
      String sql, Optional<String> parameter, Viewer viewer, int limit) {
    if (limit < 1) {
      return List.of();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter.isPresent()) {
              ps.setString(1, parameter.get());
            }
            ps.setMaxRows(MAX_ROWS_SCANNED);
            ps.setFetchSize(Math.min(500, limit * 4));
            List<DocumentSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (out.size() < limit && rs.next()) {
                Marking marking = Rows.marking(rs, 5);
                if (!MarkingPolicy.canSee(viewer, marking)) {
                  continue;
                }
                double similarity = rs.getDouble(11);
                boolean noSimilarity = rs.wasNull();
                Optional<String> original =
                    visibleLink(c, Optional.ofNullable(rs.getString(10)), viewer);
                out.add(
                    new DocumentSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Database.getInstant(rs, 4),
                        marking,
                        Reliability.valueOf(rs.getString(9)),
                        original,
                        noSimilarity || original.isEmpty() ? 0.0 : similarity));
              }
            }
            return out;
          }
        });
  }

  /** Indexes the texts of documents written with {@link IndexUpdate#DEFERRED} since last time. */
  void indexPending() {
    List<SearchIndex.IndexedText> texts;
    synchronized (pending) {
      texts = List.copyOf(pending);
      pending.clear();
    }
    if (!texts.isEmpty()) {
      indexer.accept(texts);
    }
  }

  /** Forgets the deferred texts, when the whole index is about to be rebuilt. */
  void forgetPending() {
    synchronized (pending) {
      pending.clear();
    }
  }

  private static final String INDEXED_TEXT_QUERY =
      "SELECT d.source_id, s.title, d.plain_text, s.tlp, s.owner_org,"
          + " s.named_users, s.restricted_orgs, d.created_at"
          + " FROM documents d JOIN sources s ON s.id = d.source_id";

  /** Hands every stored document's text, as the search index holds it, to {@code sink}. */
  void scanIndexed(Consumer<SearchIndex.IndexedText> sink) {
    db.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(INDEXED_TEXT_QUERY + " ORDER BY d.source_id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sink.accept(indexedText(rs));
            }
          }
          return null;
        });
  }

  /** Indexes the texts of those of {@code ids} that are stored documents; other ids are skipped. */
  void indexTexts(Collection<String> ids) {
    List<SearchIndex.IndexedText> texts =
        db.read(
            c -> {
              List<SearchIndex.IndexedText> found = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(INDEXED_TEXT_QUERY + " WHERE d.source_id = ?")) {
                for (String id : new TreeSet<>(ids)) {
                  ps.setString(1, id);
                  try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                      found.add(indexedText(rs));
                    }
                  }
                }
              }
              return found;
            });
    if (!texts.isEmpty()) {
      indexer.accept(texts);
    }
  }

  private static SearchIndex.IndexedText indexedText(ResultSet rs) throws SQLException {
    return new SearchIndex.IndexedText(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Rows.marking(rs, 4),
        Database.getInstant(rs, 8));
  }

  @Override
  public long count() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM documents");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static void bind(PreparedStatement ps, Document d) throws SQLException {
    ps.setString(1, d.sourceId());
    ps.setString(2, d.fileName());
    ps.setString(3, d.mediaType());
    ps.setString(4, d.language().orElse(null));
    ps.setString(5, d.contentHash());
    ps.setString(6, d.text());
    ps.setString(7, d.status());
    ps.setString(8, d.reason());
    ps.setString(9, d.nearDuplicateOf().orElse(null));
    if (d.nearDuplicateOf().isPresent()) {
      ps.setDouble(10, d.similarity());
    } else {
      ps.setNull(10, Types.DOUBLE);
    }
    Database.setInstant(ps, 11, d.createdAt());
  }

  private static Document document(ResultSet rs) throws SQLException {
    double similarity = rs.getDouble(10);
    if (rs.wasNull()) {
      similarity = 0.0;
    }
    return new Document(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Optional.ofNullable(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        Optional.ofNullable(rs.getString(9)),
        similarity,
        Database.getInstant(rs, 11));
  }
}
