/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/**
 * The connection pool, the SQL dialect and the transaction helpers the repositories share. All SQL
 * is portable between H2 and PostgreSQL except where {@link Dialect} says otherwise.
 */
final class Database implements AutoCloseable {

  /** Where the two databases need different SQL (upserts). */
  enum Dialect {
    H2,
    POSTGRES
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * A unit of work bound to the thread that runs it: one connection and one transaction that every
   * {@link #inTransaction} of that thread joins (each as a savepoint), opened at the first of them.
   */
  private static final class Unit {
    Connection connection;
    final List<Runnable> afterCommit = new ArrayList<>();
    final List<FinishWork<Void>> finishers = new ArrayList<>();
  }

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final ThreadLocal<Unit> unit = new ThreadLocal<>();
  private final DatabaseClock clock;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    this.clock = new DatabaseClock(this::readTime, System::nanoTime);
  }

  /** The database's time now, as a statement's {@code CURRENT_TIMESTAMP} reads it. */
  private Instant readTime() {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return getInstant(rs, 1);
    } catch (SQLException e) {
      throw failed("reading the database's time failed: ", e);
    }
  }

  /**
   * The database's clock ({@link DatabaseClock}): the time every process on this database agrees
   * on, whatever its own clock says.
   */
  java.time.Clock clock() {
    return clock;
  }

  /** The database's time now, to the microsecond (what is stored). */
  Instant now() {
    return stored(clock.instant());
  }

  /** Opens the pool and brings the schema up to date with the migrations on the class path. */
  static Database open(StoreConfig config) {
    Dialect dialect = config.isPostgres() ? Dialect.POSTGRES : Dialect.H2;
    if (dialect == Dialect.H2) {
      createH2Directory(config.jdbcUrl());
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("vigil-store");
    hikari.setJdbcUrl(config.jdbcUrl());
    config.user().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(dialect == Dialect.H2 ? 8 : 16);
    if (dialect == Dialect.POSTGRES) {
      // Lets the driver send a batch of single-row INSERTs as multi-row INSERTs: several times
      // faster for statement writes.
      hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    HikariDataSource pool = new HikariDataSource(hikari);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          // Version numbers are reserved per branch and merged in any order (V22 and V24 came
          // after V31): a database at a higher version still takes a lower one it lacks. Each
          // migration stands alone (its own tables), so the order they run in does not matter.
          .outOfOrder(true)
          // The one type the two databases spell differently: a binary large object.
          .placeholders(Map.of("binary", dialect == Dialect.H2 ? "BLOB" : "BYTEA"))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    try {
      return new Database(pool, dialect);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The store's exception for a failed JDBC call: {@link StoreUnavailableException} when the
   * database could not be reached or cut the connection (SQL state class 08, or 57P, PostgreSQL's
   * shutdown and start-up), so that callers tell an outage from a bug.
   */
  static StoreException failed(String what, SQLException e) {
    return isUnreachable(e)
        ? new StoreUnavailableException(
            what.replace("failed: ", "failed, the database is unreachable: ") + e.getMessage(), e)
        : new StoreException(what + e.getMessage(), e);
  }

  static boolean isUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} on a connection in auto-commit mode; inside a unit of work that has written,
   * on the unit's connection, so that it sees the unit's writes.
   */
  <T> T read(Work<T> work) {
    Unit current = unit.get();
    if (current != null && current.connection != null) {
      try {
        return work.run(current.connection);
      } catch (SQLException e) {
        throw failed("database read failed: ", e);
      }
    }
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failed("database read failed: ", e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Inside
   * a {@link #unitOfWork}, it joins the unit's transaction as a savepoint: rolled back alone if it
   * throws, committed only with the unit.
   */
  <T> T inTransaction(Work<T> work) {
    Unit current = unit.get();
    if (current != null) {
      return inUnit(current, work);
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failed("database transaction failed: ", e);
    }
  }

  /**
   * Runs {@code work} on this thread as one transaction: every {@link #inTransaction} it makes
   * joins it. Then, holding {@code finishLock}, {@code finish} runs on the unit's connection (or on
   * a fresh one when nothing was written) and the whole is committed; {@link #afterCommit} actions
   * run once it is. If {@code work} or {@code finish} throws, everything is rolled back and nothing
   * of it stays. A unit inside a unit joins the outer one: its {@code finish} runs just before the
   * outer one's, in the same transaction.
   */
  <T> T unitOfWork(Supplier<T> work, Object finishLock, FinishWork<? super T> finish) {
    Unit outer = unit.get();
    if (outer != null) {
      T result = work.get();
      outer.finishers.add((c, ignored) -> finish.run(c, result));
      return result;
    }
    Unit current = new Unit();
    unit.set(current);
    try {
      T result;
      try {
        result = work.get();
        if (current.connection == null) {
          current.connection = begin();
        }
        synchronized (finishLock) {
          for (FinishWork<Void> nested : current.finishers) {
            nested.run(current.connection, null);
          }
          finish.run(current.connection, result);
          current.connection.commit();
        }
      } catch (SQLException e) {
        rollbackQuietly(current.connection, e);
        throw failed("database transaction failed: ", e);
      } catch (RuntimeException | Error e) {
        if (current.connection != null) {
          rollbackQuietly(current.connection, e);
        }
        throw e;
      }
      unit.remove();
      for (Runnable action : current.afterCommit) {
        action.run();
      }
      return result;
    } finally {
      unit.remove();
      if (current.connection != null) {
        try {
          current.connection.setAutoCommit(true);
          current.connection.close();
        } catch (SQLException e) {
          // The pool discards a connection that fails here; the unit's outcome stands.
        }
      }
    }
  }

  /** The last step of a unit of work, given its connection and its result. */
  @FunctionalInterface
  interface FinishWork<T> {
    void run(Connection connection, T result) throws SQLException;
  }

  /**
   * Runs {@code action} once the current unit of work commits, or at once outside one: for what
   * must follow the database and never run ahead of it (the search index, the in-memory clusters).
   */
  void afterCommit(Runnable action) {
    Unit current = unit.get();
    if (current == null) {
      action.run();
    } else {
      current.afterCommit.add(action);
    }
  }

  private Connection begin() throws SQLException {
    Connection c = pool.getConnection();
    try {
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private <T> T inUnit(Unit current, Work<T> work) {
    try {
      if (current.connection == null) {
        current.connection = begin();
      }
      Connection c = current.connection;
      Savepoint savepoint = c.setSavepoint();
      try {
        T result = work.run(c);
        c.releaseSavepoint(savepoint);
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback(savepoint);
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failed("database transaction failed: ", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    if (c == null) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  /**
   * Instants are stored to the microsecond, the precision PostgreSQL keeps; values are cut to it
   * before they are written or returned, so that what a caller gets back equals what is stored.
   */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setObject(index, OffsetDateTime.ofInstant(stored(instant), ZoneOffset.UTC));
  }

  /** Binds an instant as microseconds since the epoch (the statements' seen times). */
  static void setMicros(PreparedStatement ps, int index, Instant instant) throws SQLException {
    ps.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
  }

  static Instant getMicros(ResultSet rs, int index) throws SQLException {
    return Instant.EPOCH.plus(rs.getLong(index), ChronoUnit.MICROS);
  }

  static Instant getInstant(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** This process's name in the change sequence: one per opened store. */
  final String instance = java.util.UUID.randomUUID().toString();

  /**
   * Records in the change sequence ({@code store_changes}, V24), in the caller's transaction, that
   * it wrote {@code what} ("statements" or "judgements"): the other nodes poll for it.
   */
  void recordChange(Connection c, String what) throws SQLException {
    recordChange(c, what, null);
  }

  /**
   * Records a change as {@link #recordChange(Connection, String)} does, with the entities whose
   * statements it wrote (V25), so that the other nodes update their link index for just those;
   * {@code null} or more than {@link WrittenEntities#MAX} of them: not named, the others rebuild.
   */
  void recordChange(Connection c, String what, Collection<String> entityIds) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO store_changes (what, node, changed_at, entities)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, ?)")) {
      ps.setString(1, what);
      ps.setString(2, instance);
      ps.setString(
          3,
          entityIds == null || entityIds.size() > WrittenEntities.MAX
              ? null
              : String.join("\n", entityIds));
      ps.executeUpdate();
    }
  }

  /** Whether a failure is a unique-key violation (SQLSTATE 23505 in both databases). */
  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void createH2Directory(String url) {
    String rest = url.substring("jdbc:h2:".length());
    int options = rest.indexOf(';');
    String location = options < 0 ? rest : rest.substring(0, options);
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    } else if (location.startsWith("mem:")
        || location.startsWith("tcp:")
        || location.startsWith("ssl:")
        || location.startsWith("zip:")) {
      return;
    }
    if (location.startsWith("~")) {
      return; // H2 resolves the home directory itself
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the database folder " + parent, e);
      }
    }
  }
}
