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
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.StatementRepository.WriteSummary;

/** Documents in the {@code documents} table, written in the transaction of their statements. */
final class JdbcDocumentRepository implements DocumentRepository {
  private static final String COLUMNS =
      "d.source_id, d.file_name, d.media_type, d.language_code, d.content_hash, d.plain_text,"
          + " d.status, d.reason, d.near_duplicate_of, d.similarity, d.created_at";

  private final Database db;
  private final JdbcStatementRepository statements;
  private final JdbcOriginalRepository originals;

  JdbcDocumentRepository(
      Database db, JdbcStatementRepository statements, JdbcOriginalRepository originals) {
    this.db = db;
    this.statements = statements;
    this.originals = originals;
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
      return statements.write(
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
              recordUnindexed(c, batch);
            }
          });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
        throw new StoreException(
            "document "
                + document.sourceId()
                + " or one with content hash "
                + document.contentHash()
                + " is already stored",
            e);
      }
      throw e;
    }
  }

  private static void recordUnindexed(Connection c, List<Statement> batch) throws SQLException {
    Set<String> entities = new TreeSet<>();
    batch.forEach(s -> entities.add(s.entityId()));
    if (entities.isEmpty()) {
      return;
    }
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
              return Optional.of(document(rs));
            }
          }
        });
  }

  @Override
  public Optional<String> byContentHash(String contentHash) {
    requireNonNull(contentHash, "contentHash");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT source_id FROM documents WHERE content_hash = ?")) {
            ps.setString(1, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
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
