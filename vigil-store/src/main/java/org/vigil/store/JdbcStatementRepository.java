/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.StatementBatch;

/**
 * Statements and sources in the {@code statements} and {@code sources} tables.
 *
 * <p>A write inserts its source, or locks its stored row until the commit (so writes of one source
 * are serialised; statement ids include the source id) and refuses to go on if the source belongs
 * to another organisation or is marked otherwise; then it writes its statements in JDBC batches: a
 * primary-key lookup of the ids already stored (skipped for a source seen for the first time, whose
 * statements are all new), then on PostgreSQL one {@code INSERT ... ON CONFLICT}, on H2 batched
 * inserts of the new and updates of the known statements.
 */
final class JdbcStatementRepository implements StatementRepository {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStatementRepository.class);

  /** Rows per executeBatch: large enough to amortise round trips, small enough for memory. */
  private static final int BATCH = 2_000;

  /** Ids per IN list; well below every driver's parameter limit. */
  static final int CHUNK = 500;

  static final int MAX_LIMIT = 10_000;

  private final Database db;
  private final Clusters clusters;
  private final Consumer<Collection<Entity>> indexer;
  private final String upsertStatement;

  /** Moves on after every committed write, so that derived data (the network index) knows. */
  private final AtomicLong generation = new AtomicLong();

  private final WrittenEntities written;

  /**
   * @param indexer receives, after each committed write, the touched records as {@link
   *     Viewer#system()} sees them; if it fails, the failure is logged rather than thrown, since
   *     the statements are committed by then and the index can be rebuilt from them
   */
  JdbcStatementRepository(
      Database db,
      Clusters clusters,
      Consumer<Collection<Entity>> indexer,
      WrittenEntities written) {
    this.db = db;
    this.clusters = clusters;
    this.indexer = indexer;
    this.written = written;
    this.upsertStatement = upsertStatementSql();
  }

  @Override
  public WriteSummary write(Source source, List<Statement> statements) {
    return write(source, statements, IndexUpdate.IMMEDIATE);
  }

  @Override
  public WriteSummary write(Source source, List<Statement> statements, IndexUpdate indexUpdate) {
    return write(source, statements, indexUpdate, c -> {});
  }

  @Override
  public WriteSummary write(Source source, List<Statement> statements, Viewer writer) {
    requireNonNull(writer, "writer");
    return write(source, statements, IndexUpdate.IMMEDIATE, c -> {}, writer);
  }

  /** More work for the write's transaction, run after the source and statements are written. */
  @FunctionalInterface
  interface AlsoInTransaction {
    void run(Connection connection) throws SQLException;
  }

  /**
   * Like {@link #write(Source, List, IndexUpdate)}, and runs {@code also} in the same transaction
   * after the statements: if it throws, nothing of the write is stored.
   */
  WriteSummary write(
      Source source, List<Statement> statements, IndexUpdate indexUpdate, AlsoInTransaction also) {
    return write(source, statements, indexUpdate, also, Viewer.system());
  }

  /**
   * The write itself; the summary counts as updated the stored statements {@code countFor} may see,
   * and every other statement as inserted.
   */
  private WriteSummary write(
      Source source,
      List<Statement> statements,
      IndexUpdate indexUpdate,
      AlsoInTransaction also,
      Viewer countFor) {
    requireNonNull(source, "source");
    requireNonNull(statements, "statements");
    requireNonNull(indexUpdate, "indexUpdate");
    List<String> problems = new ArrayList<>(StatementBatch.problems(statements));
    Rows.markingProblem(source.marking())
        .ifPresent(p -> problems.add("source " + source.id() + ": " + p));
    for (Statement s : statements) {
      if (!s.sourceId().equals(source.id())) {
        problems.add(
            "statement "
                + s.id()
                + " ("
                + s.entityId()
                + " "
                + s.property()
                + ") is from source "
                + s.sourceId()
                + ", not "
                + source.id());
      }
      Rows.markingProblem(s.marking())
          .ifPresent(p -> problems.add("statement " + s.id() + ": " + p));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(
          "nothing of source "
              + source.id()
              + " was stored; "
              + problems.size()
              + (problems.size() == 1 ? " problem: " : " problems: ")
              + String.join("; ", problems));
    }
    Collection<Statement> distinct = distinct(statements);
    Set<String> touched = new TreeSet<>();
    for (Statement s : distinct) {
      touched.add(s.entityId());
    }
    boolean journal = indexUpdate == IndexUpdate.IMMEDIATE && !touched.isEmpty();
    AlsoInTransaction work =
        c -> {
          if (journal) {
            // Committed with the statements, deleted once the index has them: a crash in between
            // leaves the entities for the next start to index (see Store#open).
            recordUnindexed(c, touched);
          }
          also.run(c);
        };
    int updated;
    try {
      updated = writeInTransaction(source, distinct, work, countFor);
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
        // Another write stored the same new source between our look-up and insert: once more,
        // now that it is there (and its owner and marking are checked).
        updated = writeInTransaction(source, distinct, work, countFor);
      } else {
        throw e;
      }
    }
    // Inside Store.audited the write is not committed yet: the index follows the commit.
    db.afterCommit(
        () -> {
          written.add(touched);
          generation.incrementAndGet();
          if (journal) {
            try {
              indexer.accept(records(touched));
              forgetUnindexed(touched);
            } catch (RuntimeException e) {
              // The statements are committed and the index is derived from them: a failed index
              // update must not make the caller believe the write failed (and write again).
              LOG.error(
                  "source {} was stored but the search index could not be updated; run reindex",
                  source.id(),
                  e);
            }
          }
        });
    return new WriteSummary(source.id(), distinct.size() - updated, updated);
  }

  /**
   * Writes source and statements in one transaction.
   *
   * @return how many of the statements were stored already and {@code countFor} may see: a
   *     statement that is stored but hidden from the writer (a colleague's TLP:RED one) is counted
   *     as new, so that no count tells whether it exists
   */
  private int writeInTransaction(
      Source source, Collection<Statement> distinct, AlsoInTransaction also, Viewer countFor) {
    return db.inTransaction(
        c -> {
          // A statement's id hashes its source's id, so a source seen for the first time can
          // have no statement stored yet: its statements need no lookup before the insert.
          boolean sourceIsNew = !claimSource(c, source);
          Map<String, Marking> stored = sourceIsNew ? Map.of() : storedMarkings(c, distinct);
          switch (db.dialect()) {
            case POSTGRES -> upsertAll(c, distinct, stored.keySet());
            case H2 -> insertOrTouch(c, distinct, stored.keySet());
          }
          also.run(c);
          Set<String> entities = new TreeSet<>();
          for (Statement s : distinct) {
            entities.add(s.entityId());
          }
          db.recordChange(c, "statements", entities);
          int visible = 0;
          for (Marking m : stored.values()) {
            if (MarkingPolicy.canSee(countFor, m)) {
              visible++;
            }
          }
          return visible;
        });
  }

  /**
   * Inserts the source, or, when it is stored already, checks that the write may touch it and
   * updates what may change (title, reliability, where it was read from, when). Owner and marking
   * never change here: the stored row is locked and compared, so that another organisation cannot
   * take a source over nor anyone re-mark it as a side effect of a write.
   *
   * @return whether the source was stored before
   * @throws SourceConflictException if it is another organisation's, or marked otherwise
   */
  private static boolean claimSource(Connection c, Source source) throws SQLException {
    Optional<Marking> stored = Optional.empty();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT tlp, owner_org, named_users, restricted_orgs FROM sources WHERE id = ?"
                + " FOR UPDATE")) {
      ps.setString(1, source.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          stored = Optional.of(Rows.marking(rs, 1));
        }
      }
    }
    if (stored.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO sources ("
                  + Rows.SOURCE_COLUMNS
                  + ") VALUES ("
                  + placeholders(Rows.SOURCE_COLUMN_COUNT)
                  + ")")) {
        Rows.bindSource(ps, source);
        ps.executeUpdate();
      }
      return false;
    }
    if (!stored.get().ownerOrg().equals(source.marking().ownerOrg())) {
      throw new SourceConflictException(
          SourceConflictException.Kind.OWNED_ELSEWHERE,
          "source "
              + source.id()
              + " belongs to another organisation than "
              + source.marking().ownerOrg()
              + "; nothing was stored");
    }
    if (!stored.get().equals(source.marking())) {
      throw new SourceConflictException(
          SourceConflictException.Kind.MARKING_FIXED,
          "source "
              + source.id()
              + " is marked "
              + stored.get().describe()
              + ", not "
              + source.marking().describe()
              + "; a write does not change a source's marking");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE sources SET title = ?, reliability = ?, uri = COALESCE(?, uri),"
                + " content_hash = COALESCE(?, content_hash), retrieved_at = ? WHERE id = ?")) {
      ps.setString(1, source.title());
      ps.setString(2, source.reliability().name());
      ps.setString(3, source.uri().orElse(null));
      ps.setString(4, source.contentHash().orElse(null));
      Database.setInstant(ps, 5, source.retrievedAt());
      ps.setString(6, source.id());
      ps.executeUpdate();
    }
    return true;
  }

  @Override
  public int retireSources(Collection<String> sourceIds) {
    requireNonNull(sourceIds, "sourceIds");
    if (sourceIds.isEmpty()) {
      return 0;
    }
    int deleted =
        db.inTransaction(
            c -> {
              int n = 0;
              for (String id : new TreeSet<>(sourceIds)) {
                try (PreparedStatement refs =
                    c.prepareStatement(
                        "DELETE FROM statement_refs WHERE statement_id IN"
                            + " (SELECT id FROM statements WHERE source_id = ?)")) {
                  refs.setString(1, id);
                  refs.executeUpdate();
                }
                try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM statements WHERE source_id = ?")) {
                  ps.setString(1, id);
                  n += ps.executeUpdate();
                }
              }
              db.recordChange(c, "statements");
              return n;
            });
    db.afterCommit(
        () -> {
          written.addUnknown();
          generation.incrementAndGet();
        });
    return deleted;
  }

  /** Records entities whose index entry is about to change, in the caller's transaction. */
  static void recordUnindexed(Connection c, Collection<String> entityIds) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO unindexed_entities (entity_id) VALUES (?)")) {
      for (String id : entityIds) {
        ps.setString(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Forgets entities as waiting for the index, once the index has them. */
  void forgetUnindexed(Collection<String> entityIds) {
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
  public Optional<Entity> entity(String id, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (!PropertyType.isEntityId(id)) {
      return Optional.empty();
    }
    SortedSet<String> members = clusters.view(viewer).members(id);
    List<Statement> visible = new ArrayList<>();
    for (Statement s : loadStatements(members)) {
      if (MarkingPolicy.canSee(viewer, s.marking())) {
        visible.add(s);
      }
    }
    if (visible.isEmpty()) {
      return Optional.empty();
    }
    SortedSet<String> seen = seenMembers(visible);
    if (!seen.contains(id)) {
      // Asked by the id of a record the reader may not see: as if it did not exist.
      return Optional.empty();
    }
    return Optional.of(Entity.assemble(seen.first(), seen, visible));
  }

  @Override
  public Map<String, Entity> entities(Collection<String> ids, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    Map<String, SortedSet<String>> membersOf = new LinkedHashMap<>();
    java.util.Set<String> records = new java.util.LinkedHashSet<>();
    for (String id : ids) {
      if (PropertyType.isEntityId(id) && !membersOf.containsKey(id)) {
        SortedSet<String> members = clusters.view(viewer).members(id);
        membersOf.put(id, members);
        records.addAll(members);
      }
    }
    Map<String, List<Statement>> visible = new HashMap<>();
    for (Statement s : loadStatements(records)) {
      if (MarkingPolicy.canSee(viewer, s.marking())) {
        visible.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
      }
    }
    Map<String, Entity> out = new LinkedHashMap<>();
    for (Map.Entry<String, SortedSet<String>> e : membersOf.entrySet()) {
      List<Statement> statements = new ArrayList<>();
      for (String member : e.getValue()) {
        statements.addAll(visible.getOrDefault(member, List.of()));
      }
      if (!statements.isEmpty()) {
        SortedSet<String> seen = seenMembers(statements);
        if (seen.contains(e.getKey())) {
          out.put(e.getKey(), Entity.assemble(seen.first(), seen, statements));
        }
      }
    }
    return out;
  }

  /**
   * The members of a cluster that the reader sees a statement of: the others are left out, and the
   * canonical id shown is the first of these, so an entity read never names a record the reader may
   * not see.
   */
  private static SortedSet<String> seenMembers(List<Statement> visible) {
    TreeSet<String> out = new TreeSet<>();
    for (Statement s : visible) {
      out.add(s.entityId());
    }
    return java.util.Collections.unmodifiableSortedSet(out);
  }

  @Override
  public Optional<Source> source(String id, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (!PropertyType.isEntityId(id)) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + Rows.SOURCE_COLUMNS + " FROM sources WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Source>empty();
              }
              Source source = Rows.source(rs);
              return MarkingPolicy.canSee(viewer, source.marking())
                  ? Optional.of(source)
                  : Optional.<Source>empty();
            }
          }
        });
  }

  /**
   * The entities (canonical, ordered by id) that have a statement the viewer may see whose value
   * names {@code entityId} or a record merged with it; the entity itself is left out.
   */
  @Override
  public List<Entity> referencing(String entityId, Viewer viewer, int limit) {
    requireNonNull(viewer, "viewer");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }
    if (!PropertyType.isEntityId(entityId)) {
      return List.of();
    }
    Clusters.View view = clusters.view(viewer);
    SortedSet<String> targets = view.members(entityId);
    String self = targets.first();
    TreeSet<String> referrers = new TreeSet<>();
    db.read(
        c -> {
          for (List<String> chunk : chunks(targets)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT s.entity_id, s.tlp, s.owner_org, s.named_users, s.restricted_orgs"
                        + " FROM statement_refs r JOIN statements s"
                        + " ON s.entity_id = r.entity_id AND s.id = r.statement_id"
                        + " WHERE r.ref_id IN ("
                        + placeholders(chunk.size())
                        + ")")) {
              bindAll(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  if (MarkingPolicy.canSee(viewer, Rows.marking(rs, 2))) {
                    String canonical = view.canonicalId(rs.getString(1));
                    if (!canonical.equals(self)) {
                      referrers.add(canonical);
                    }
                  }
                }
              }
            }
          }
          return null;
        });
    List<Entity> out = new ArrayList<>();
    List<String> pending = new ArrayList<>(referrers);
    // Load a page of candidates at a time: a few may turn out to show nothing to this viewer.
    for (int from = 0; from < pending.size() && out.size() < limit; from += CHUNK) {
      List<String> page = pending.subList(from, Math.min(pending.size(), from + CHUNK));
      Map<String, SortedSet<String>> membersOf = new LinkedHashMap<>();
      Set<String> all = new LinkedHashSet<>();
      for (String canonical : page) {
        SortedSet<String> members = view.members(canonical);
        membersOf.put(canonical, members);
        all.addAll(members);
      }
      Map<String, List<Statement>> byRecord = groupByRecord(loadStatements(all));
      for (Map.Entry<String, SortedSet<String>> e : membersOf.entrySet()) {
        List<Statement> visible = new ArrayList<>();
        for (String member : e.getValue()) {
          for (Statement s : byRecord.getOrDefault(member, List.of())) {
            if (MarkingPolicy.canSee(viewer, s.marking())) {
              visible.add(s);
            }
          }
        }
        if (!visible.isEmpty()) {
          SortedSet<String> seen = seenMembers(visible);
          out.add(Entity.assemble(seen.first(), seen, visible));
          if (out.size() == limit) {
            break;
          }
        }
      }
    }
    return out;
  }

  @Override
  public long count() {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM statements");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void scanEntities(Consumer<Entity> sink) {
    requireNonNull(sink, "sink");
    db.read(
        c -> {
          // PostgreSQL streams a result only inside a transaction with a fetch size; without them
          // the driver would read every statement into memory at once.
          c.setAutoCommit(false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + Rows.STATEMENT_COLUMNS + " FROM statements ORDER BY entity_id, id")) {
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
              String current = null;
              List<Statement> group = new ArrayList<>();
              while (rs.next()) {
                Statement s = Rows.statement(rs);
                if (current != null && !current.equals(s.entityId())) {
                  sink.accept(Entity.assemble(current, List.of(current), group));
                  group = new ArrayList<>();
                }
                current = s.entityId();
                group.add(s);
              }
              if (current != null) {
                sink.accept(Entity.assemble(current, List.of(current), group));
              }
            }
            c.commit();
          } finally {
            c.setAutoCommit(true);
          }
          return null;
        });
  }

  /** A number that changes after every committed write. */
  long generation() {
    return generation.get();
  }

  /**
   * The records with these ids, unmerged and with all their statements; absent ids are left out.
   */
  List<Entity> records(Collection<String> recordIds) {
    Map<String, List<Statement>> byRecord = groupByRecord(loadStatements(recordIds));
    List<Entity> out = new ArrayList<>(byRecord.size());
    for (Map.Entry<String, List<Statement>> e : byRecord.entrySet()) {
      out.add(Entity.assemble(e.getKey(), List.of(e.getKey()), e.getValue()));
    }
    return out;
  }

  private List<Statement> loadStatements(Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return List.of();
    }
    return db.read(
        c -> {
          List<Statement> out = new ArrayList<>();
          if (recordIds.size() == 1) {
            // The common case (an unmerged entity) gets one fixed SQL text the database caches.
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT " + Rows.STATEMENT_COLUMNS + " FROM statements WHERE entity_id = ?")) {
              ps.setString(1, recordIds.iterator().next());
              readInto(ps, out);
            }
            return out;
          }
          for (List<String> chunk : chunks(recordIds)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT "
                        + Rows.STATEMENT_COLUMNS
                        + " FROM statements WHERE entity_id IN ("
                        + placeholders(chunk.size())
                        + ")")) {
              bindAll(ps, chunk);
              readInto(ps, out);
            }
          }
          return out;
        });
  }

  private static void readInto(PreparedStatement ps, List<Statement> out) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Rows.statement(rs));
      }
    }
  }

  private static Map<String, List<Statement>> groupByRecord(List<Statement> statements) {
    Map<String, List<Statement>> byRecord = new TreeMap<>();
    for (Statement s : statements) {
      byRecord.computeIfAbsent(s.entityId(), k -> new ArrayList<>()).add(s);
    }
    return byRecord;
  }

  /**
   * The batch without repeats: a statement given twice is stored once, first seen at the earliest
   * and last seen at the latest of its copies. (PostgreSQL refuses to upsert one row twice in a
   * statement.)
   */
  private static Collection<Statement> distinct(List<Statement> statements) {
    Map<String, Statement> byId = new LinkedHashMap<>();
    for (Statement s : statements) {
      byId.merge(s.id(), s, JdbcStatementRepository::combine);
    }
    return byId.values();
  }

  private static Statement combine(Statement a, Statement b) {
    return new Statement(
        a.id(),
        a.entityId(),
        a.schema(),
        a.property(),
        a.value(),
        a.sourceId(),
        a.span(),
        a.extractor(),
        a.confidence(),
        a.credibility(),
        a.marking(),
        a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
        a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen());
  }

  /**
   * PostgreSQL: one {@code INSERT ... ON CONFLICT} for all rows, which the driver sends as
   * multi-row inserts; {@code stored} (the ids found before) says how many were new. The conflict
   * clause keeps a concurrent first write of the same source correct, if not exactly counted.
   */
  private int upsertAll(Connection c, Collection<Statement> statements, Set<String> stored)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsertStatement);
        References refs =
            new References(
                c,
                "INSERT INTO statement_refs (ref_id, entity_id, statement_id) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
      int pending = 0;
      for (Statement s : statements) {
        Rows.bindStatement(ps, s);
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
        if (!stored.contains(s.id())) {
          refs.add(s);
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return statements.size() - stored.size();
  }

  /**
   * Batches the {@code statement_refs} rows of newly stored statements whose value names another
   * entity; closing it sends what is pending.
   */
  private static final class References implements AutoCloseable {
    private final PreparedStatement insert;
    private int pending;

    References(Connection c, String sql) throws SQLException {
      this.insert = c.prepareStatement(sql);
    }

    void add(Statement s) throws SQLException {
      if (!s.isReference()) {
        return;
      }
      insert.setString(1, s.value());
      insert.setString(2, s.entityId());
      insert.setString(3, s.id());
      insert.addBatch();
      if (++pending == BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        if (pending > 0) {
          insert.executeBatch();
        }
      } finally {
        insert.close();
      }
    }
  }

  /**
   * The ids among {@code statements} already stored, with their markings: one primary-key query per
   * {@value #CHUNK}.
   */
  private static Map<String, Marking> storedMarkings(Connection c, Collection<Statement> statements)
      throws SQLException {
    List<Statement> all = new ArrayList<>(statements);
    Map<String, Marking> stored = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Statement> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      Set<String> entityIds = new LinkedHashSet<>();
      List<String> ids = new ArrayList<>(chunk.size());
      for (Statement s : chunk) {
        entityIds.add(s.entityId());
        ids.add(s.id());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, tlp, owner_org, named_users, restricted_orgs FROM statements"
                  + " WHERE entity_id IN ("
                  + placeholders(entityIds.size())
                  + ") AND id IN ("
                  + placeholders(ids.size())
                  + ")")) {
        List<String> params = new ArrayList<>(entityIds);
        params.addAll(ids);
        bindAll(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stored.put(rs.getString(1), Rows.marking(rs, 2));
          }
        }
      }
    }
    return stored;
  }

  /**
   * H2: batch-inserts the statements not {@code stored} yet and moves the seen times of the others.
   * Several times faster on H2 than a {@code MERGE ... USING} per row.
   */
  private static int insertOrTouch(
      Connection c, Collection<Statement> statements, Set<String> stored) throws SQLException {
    // In key order, successive inserts land on neighbouring primary-key pages.
    List<Statement> ordered = new ArrayList<>(statements);
    ordered.sort(Comparator.comparing(Statement::entityId).thenComparing(Statement::id));
    int inserted = 0;
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO statements ("
                    + Rows.STATEMENT_COLUMNS
                    + ") VALUES ("
                    + placeholders(Rows.STATEMENT_COLUMN_COUNT)
                    + ")");
        PreparedStatement touch =
            c.prepareStatement(
                "UPDATE statements SET first_seen = LEAST(first_seen, ?),"
                    + " last_seen = GREATEST(last_seen, ?) WHERE entity_id = ? AND id = ?");
        References refs =
            new References(
                c,
                "INSERT INTO statement_refs (ref_id, entity_id, statement_id) VALUES (?, ?, ?)")) {
      int pendingInserts = 0;
      int pendingTouches = 0;
      for (Statement s : ordered) {
        if (stored.contains(s.id())) {
          Database.setMicros(touch, 1, s.firstSeen());
          Database.setMicros(touch, 2, s.lastSeen());
          touch.setString(3, s.entityId());
          touch.setString(4, s.id());
          touch.addBatch();
          if (++pendingTouches == BATCH) {
            touch.executeBatch();
            pendingTouches = 0;
          }
        } else {
          Rows.bindStatement(insert, s);
          insert.addBatch();
          refs.add(s);
          inserted++;
          if (++pendingInserts == BATCH) {
            insert.executeBatch();
            pendingInserts = 0;
          }
        }
      }
      if (pendingInserts > 0) {
        insert.executeBatch();
      }
      if (pendingTouches > 0) {
        touch.executeBatch();
      }
    }
    return inserted;
  }

  static List<List<String>> chunks(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(Collections.unmodifiableList(all.subList(i, Math.min(all.size(), i + CHUNK))));
    }
    return out;
  }

  static String placeholders(int n) {
    StringBuilder out = new StringBuilder(n * 3);
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "?" : ", ?");
    }
    return out.toString();
  }

  static void bindAll(PreparedStatement ps, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(i + 1, values.get(i));
    }
  }

  private static String upsertStatementSql() {
    return "INSERT INTO statements ("
        + Rows.STATEMENT_COLUMNS
        + ") VALUES ("
        + placeholders(Rows.STATEMENT_COLUMN_COUNT)
        + ") ON CONFLICT (entity_id, id) DO UPDATE SET"
        + " first_seen = LEAST(statements.first_seen, EXCLUDED.first_seen),"
        + " last_seen = GREATEST(statements.last_seen, EXCLUDED.last_seen)";
  }
}
