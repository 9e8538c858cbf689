/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditSeal;
import org.vigil.network.Network;
import org.vigil.search.SearchIndex;

/**
 * Vigil's persistence behind one front door: statements, documents, judgements, accounts and the
 * audit log on H2 or PostgreSQL, and the search index derived from the statements (Lucene in the
 * index folder, or an OpenSearch cluster).
 *
 * <p>{@link #open} brings the database schema up to date (Flyway migrations) and loads the
 * resolution clusters into memory. Several processes may open stores on one PostgreSQL: each writes
 * its statements and judgements with a row in the change sequence ({@code store_changes}), and
 * polls it four times a second, so that it updates its graph link index for the entities another
 * wrote and reloads its clusters within a moment of another's write. A Lucene index folder belongs
 * to one process; nodes that share a database share an OpenSearch index (docs/scaling.md).
 *
 * <p>Thread-safe. The caller closes the store.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  private static final int TEXTS_PER_BATCH = 200;
  private static final int CATCH_UP_CHUNK = 1_000;

  private final Database db;
  private final SearchIndex search;
  private final JdbcStatementRepository statements;
  private final JdbcDocumentRepository documents;
  private final JdbcOriginalRepository originals;
  private final JdbcJudgementRepository judgements;
  private final JdbcAccountRepository accounts;
  private final JdbcAuditLog audit;
  private final JdbcResolutionRepository resolution;
  private final StoreNetwork network;
  private final JdbcGradeRepository grades;
  private final JdbcTaxiiRepository taxii;
  private final JdbcCaseRepository cases;
  private final JdbcJobQueue jobs;
  private final JdbcTipRepository tips;
  private final StoreChanges changes;
  private final JdbcLoginFailureRepository loginFailures;

  private Store(
      Database db,
      SearchIndex search,
      JdbcStatementRepository statements,
      JdbcJudgementRepository judgements,
      JdbcAccountRepository accounts,
      JdbcAuditLog audit,
      StoreNetwork network,
      StoreChanges changes) {
    this.changes = changes;
    this.db = db;
    this.search = search;
    this.statements = statements;
    this.originals = new JdbcOriginalRepository(db);
    this.documents = new JdbcDocumentRepository(db, statements, originals, search::updateTexts);
    this.judgements = judgements;
    this.accounts = accounts;
    this.audit = audit;
    this.resolution = new JdbcResolutionRepository(db);
    this.network = network;
    this.grades = new JdbcGradeRepository(db);
    this.taxii = new JdbcTaxiiRepository(db);
    this.cases = new JdbcCaseRepository(db);
    this.jobs = new JdbcJobQueue(db);
    this.tips = new JdbcTipRepository(db);
    this.loginFailures = new JdbcLoginFailureRepository(db);
  }

  /**
   * Opens the store: creates the H2 database's folder if needed, migrates the schema, loads the
   * judgements in force, and opens (or creates) the search index in {@link StoreConfig#indexDir()},
   * indexing what an earlier run committed but did not index before it stopped. An index that is
   * missing or was deleted starts empty; {@link #reindex()} fills it.
   *
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static Store open(StoreConfig config) {
    requireNonNull(config, "config");
    return open(config, resolver -> SearchIndex.lucene(config.indexDir(), resolver));
  }

  /**
   * Opens the store as {@link #open(StoreConfig)} does, with the search index that {@code search}
   * opens (such as {@link SearchIndex#openSearch}) in place of the Lucene index in the index
   * folder. The store closes that index.
   */
  public static Store open(StoreConfig config, Function<SearchIndex.Resolver, SearchIndex> search) {
    requireNonNull(config, "config");
    requireNonNull(search, "search");
    Database db;
    try {
      db = Database.open(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database " + config.jdbcUrl(), e);
    }
    try {
      KeyFile keyFile =
          new KeyFile(
              config.auditKeyFile(),
              "audit key",
              AuditSeal.KEY_BYTES,
              "# Vigil audit log key: seals every audit row (HMAC-SHA256). Keep it secret, back it"
                  + " up apart from the database;\n# without it `vigil audit verify` cannot tell a"
                  + " sealed row from a forged one. See docs/operations.md.\n");
      Optional<byte[]> key = keyFile.read();
      if (key.isEmpty() && JdbcAuditLog.anySealed(db)) {
        throw new StoreException(
            "the audit log is sealed with a key that is not at "
                + config.auditKeyFile()
                + "; restore that file from its backup (see docs/operations.md)",
            null);
      }
      Clusters clusters = new Clusters();
      JdbcAccountRepository accounts = new JdbcAccountRepository(db);
      JdbcJudgementRepository judgements = new JdbcJudgementRepository(db, clusters, accounts);
      judgements.load();
      SearchIndex index =
          search.apply(
              new SearchIndex.Resolver() {
                @Override
                public String canonicalId(String recordId, Viewer viewer) {
                  return clusters.view(viewer).canonicalId(recordId);
                }

                @Override
                public Set<String> members(String recordId, Viewer viewer) {
                  return clusters.view(viewer).members(recordId);
                }

                @Override
                public Set<String> clustered(Viewer viewer) {
                  return clusters.view(viewer).clustered();
                }
              });
      WrittenEntities written = new WrittenEntities();
      JdbcStatementRepository statements =
          new JdbcStatementRepository(db, clusters, index::update, written);
      JdbcAuditLog audit = new JdbcAuditLog(db, new AuditSeal(key.orElseGet(keyFile::create)));
      if (key.isEmpty()) {
        // Rows of a version before the seal: sealed once, now, so that from here every row is.
        audit.sealUnsealed();
      }
      StoreChanges changes = StoreChanges.start(db, judgements::reload, written);
      Store store =
          new Store(
              db,
              index,
              statements,
              judgements,
              accounts,
              audit,
              new StoreNetwork(db, clusters, written),
              changes);
      try {
        store.catchUpIndex();
      } catch (RuntimeException e) {
        changes.close();
        throw e;
      }
      return store;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Indexes what was committed but never reached the search index: the entities and texts of writes
   * that a crash (or kill) stopped between their commit and their index update, and of a deferred
   * batch that died before its end. Writes journal them in their own transaction, so no committed
   * document stays unsearchable until someone thinks of {@code vigil reindex}.
   */
  private void catchUpIndex() {
    List<String> pending = documents.unindexedEntities();
    if (!pending.isEmpty()) {
      LOG.info("indexing {} entities and texts that a previous run left out", pending.size());
      index(pending);
      documents.markIndexed(pending);
    }
  }

  /**
   * Indexes the entities and texts journalled as left out of the search index at least {@code
   * olderThan} ago by the database's clock: those of writes whose index update failed (the search
   * cluster unreachable) and of deferred batches that died. What a running node calls now and then,
   * so that indexing resumes when the cluster returns without a restart; younger rows are left to
   * the write or batch that will index them itself. Rows journalled after the look-up stay.
   *
   * @return how many entities (and texts) were indexed
   * @throws org.vigil.search.SearchUnavailableException if the search cluster is still unreachable
   *     (the journal is left as it was)
   */
  public int indexLeftOut(java.time.Duration olderThan) {
    requireNonNull(olderThan, "olderThan");
    UnindexedJournal journal = new UnindexedJournal(db);
    UnindexedJournal.Older older = journal.olderThan(olderThan);
    if (older.entityIds().isEmpty()) {
      return 0;
    }
    List<String> ids = older.entityIds();
    for (int from = 0; from < ids.size(); from += CATCH_UP_CHUNK) {
      // a chunk at a time: a long outage's journal is not read into memory at once, and what
      // was indexed before the cluster failed again is forgotten
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CATCH_UP_CHUNK));
      index(chunk);
      journal.forget(chunk, older.cutoff());
    }
    return ids.size();
  }

  public StatementRepository statements() {
    return statements;
  }

  /** Ingested documents, written with their source and statements. */
  public DocumentRepository documents() {
    return documents;
  }

  /** The original files of rejected and truncated documents, kept for a retry. */
  public OriginalRepository originals() {
    return originals;
  }

  public JudgementRepository judgements() {
    return judgements;
  }

  /** The review queue of uncertain pairs and the possible matches of entities to list entries. */
  public ResolutionRepository resolution() {
    return resolution;
  }

  /**
   * Graph queries over the statements, markings applied. Its network index is built on the first
   * query, patched at the first query after statements are written (here or on another node), and
   * built again after judgements change.
   */
  public Network network() {
    return network;
  }

  /** Analysts' grades of sources and claims, links of derivation and assessments. */
  public GradeRepository grades() {
    return grades;
  }

  /**
   * A mark that changes whenever statements are written or retired, or a judgement is made or
   * undone, through this store object, or when this process learns that another node sharing the
   * database did so ({@link #catchUp}): what caches of derived answers compare before they answer
   * again.
   */
  public String changeMark() {
    return statements.generation()
        + ":"
        + judgements.clustersVersion()
        + ":"
        + changes.othersActedOn();
  }

  /**
   * Acts on what other nodes sharing this database committed before this call (their statements for
   * the graph's link index, their judgements for the resolution clusters), so that a request
   * answered after it sees them. The nodes also learn of each other's writes every 250 ms without
   * it; this is what lets a client write on one node and read on another at once.
   */
  public void catchUp() {
    changes.catchUp();
  }

  /**
   * Registers {@code fingerprint} as that of the key {@code name} which every node on this database
   * must share (the first process to open the store with the key registers it), or compares it with
   * the one registered.
   *
   * @return the fingerprint registered before, when it is another one (the caller's key is not the
   *     one the other nodes use); empty when they agree or this one was just registered
   */
  public Optional<String> sharedKey(String name, String fingerprint) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(fingerprint, "fingerprint");
    Optional<String> registered = registeredKey(name);
    if (registered.isEmpty()) {
      try {
        db.inTransaction(
            c -> {
              try (java.sql.PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO shared_keys (name, fingerprint, registered_at)"
                          + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                ps.setString(1, name);
                ps.setString(2, fingerprint);
                ps.executeUpdate();
              }
              return null;
            });
        return Optional.empty();
      } catch (StoreException e) {
        if (!(e.getCause() instanceof java.sql.SQLException sql
            && Database.isUniqueViolation(sql))) {
          throw e;
        }
        // another node registered its key at the same moment: compare with that one
        registered = registeredKey(name);
      }
    }
    return registered.filter(r -> !r.equals(fingerprint));
  }

  private Optional<String> registeredKey(String name) {
    return db.read(
        c -> {
          try (java.sql.PreparedStatement ps =
              c.prepareStatement("SELECT fingerprint FROM shared_keys WHERE name = ?")) {
            ps.setString(1, name);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** The STIX objects of TAXII collections and the status of adds to them. */
  public TaxiiRepository taxii() {
    return taxii;
  }

  /** Cases: analysts' working sets of references to evidence, with members and notes. */
  public CaseRepository cases() {
    return cases;
  }

  /** The persistent job queue that every node on this database shares. */
  public org.vigil.jobs.JobQueue jobs() {
    return jobs;
  }

  /** Failed sign-in attempts, counted by the login throttles of every node. */
  public LoginFailureRepository loginFailures() {
    return loginFailures;
  }

  /** The public tip line's tips, held sealed. */
  public TipRepository tips() {
    return tips;
  }

  public AccountRepository accounts() {
    return accounts;
  }

  public AuditLog audit() {
    return audit;
  }

  /**
   * Runs {@code work} and appends the audit record {@code audit} makes of its result, in one
   * database transaction: every write of the store's repositories that {@code work} makes on this
   * thread joins it, and the audit row is committed with them or, if anything throws, nothing is.
   * The search index and other derived state learn of the writes only after the commit. This is how
   * every write is audited; see docs/security.md.
   *
   * <p>{@code work} must make its store calls on the calling thread (others would not join the
   * transaction) and should not do slow work after its first write, since the transaction holds its
   * row locks until it ends. A call inside {@code work} joins the outer one.
   */
  public <T> T audited(Supplier<T> work, Function<? super T, AuditEvent> audit) {
    requireNonNull(work, "work");
    requireNonNull(audit, "audit");
    return db.unitOfWork(
        work,
        this.audit,
        (connection, result) -> this.audit.append(connection, audit.apply(result)));
  }

  /** Like {@link #audited(Supplier, Function)} for work without a result. */
  public void audited(Runnable work, AuditEvent audit) {
    requireNonNull(work, "work");
    requireNonNull(audit, "audit");
    audited(
        () -> {
          work.run();
          return null;
        },
        ignored -> audit);
  }

  /** The search index; judgements shape its hits as soon as they are made, with no reindex. */
  public SearchIndex search() {
    return search;
  }

  /**
   * Brings the search index up to date for these entities (records), after writes with {@link
   * StatementRepository.IndexUpdate#DEFERRED}: cheaper than {@link #reindex()} when a batch touched
   * a small part of the store. Ids of stored documents index their text; ids with no statements are
   * left out.
   */
  public void index(Collection<String> entityIds) {
    if (!entityIds.isEmpty()) {
      search.update(statements.records(entityIds));
      documents.indexTexts(entityIds);
    }
    documents.indexPending();
  }

  /**
   * Rebuilds the search index from every stored statement (after a bulk load written with {@link
   * StatementRepository.IndexUpdate#DEFERRED}, or when the index was lost). Searches see the old
   * index until the new one is committed.
   *
   * @return how many records were indexed
   */
  public long reindex() {
    return reindexInto(search);
  }

  /**
   * Rebuilds {@code target} from every stored statement and text, as {@link #reindex()} does for
   * the store's own index: how an existing store's index moves to another engine (such as an
   * OpenSearch cluster) while this one keeps serving. The caller closes {@code target}.
   *
   * @return how many records were indexed
   */
  public long reindexInto(SearchIndex target) {
    requireNonNull(target, "target");
    long records = target.rebuild(statements::scanEntities);
    if (target == search) {
      documents.forgetPending(); // every text is indexed again below
    }
    List<SearchIndex.IndexedText> batch = new ArrayList<>();
    documents.scanIndexed(
        text -> {
          batch.add(text);
          if (batch.size() == TEXTS_PER_BATCH) {
            target.updateTexts(batch);
            batch.clear();
          }
        });
    target.updateTexts(batch);
    return records;
  }

  /**
   * The database's clock: the time every process on this store's database agrees on (read from the
   * database, carried forward by this process's monotonic clock; {@code DatabaseClock}). Deadlines
   * that other processes compare (a session's end, a token's expiry, the login throttle's window)
   * are dated by it, not by the node's own clock, so that nodes whose clocks disagree agree on
   * them. On the embedded H2 database it is this machine's clock.
   */
  public java.time.Clock clock() {
    return db.clock();
  }

  /** Closes the search index and the connection pool. */
  @Override
  public void close() {
    try {
      changes.close();
      search.close();
    } finally {
      db.close();
    }
  }
}
