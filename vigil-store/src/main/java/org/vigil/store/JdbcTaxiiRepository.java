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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Tlp;

/**
 * {@link TaxiiRepository} on {@code taxii_collections}, {@code taxii_objects}, {@code
 * taxii_status}.
 */
final class JdbcTaxiiRepository implements TaxiiRepository {
  private static final int MAX_LIMIT = 10_000;
  private static final int MAX_FILTER_VALUES = 100;
  private static final String COLUMNS =
      "o.object_id, o.version_us, o.version_text, o.date_added_us, o.object_type,"
          + " o.spec_version, o.body";

  private final Database db;

  JdbcTaxiiRepository(Database db) {
    this.db = db;
  }

  @Override
  public void ensureCollection(String collectionId, String ownerOrg, Tlp tlp) {
    requireNonNull(collectionId, "collectionId");
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(tlp, "tlp");
    db.inTransaction(
        c -> {
          try (PreparedStatement find =
              c.prepareStatement("SELECT owner_org, tlp FROM taxii_collections WHERE id = ?")) {
            find.setString(1, collectionId);
            try (ResultSet rs = find.executeQuery()) {
              if (rs.next()) {
                if (!rs.getString(1).equals(ownerOrg) || !rs.getString(2).equals(tlp.name())) {
                  throw new IllegalStateException(
                      "collection " + collectionId + " belongs to another owner or level");
                }
                return null;
              }
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO taxii_collections (id, owner_org, tlp) VALUES (?, ?, ?)")) {
            insert.setString(1, collectionId);
            insert.setString(2, ownerOrg);
            insert.setString(3, tlp.name());
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public long add(String collectionId, List<NewObject> objects, long nowMicros) {
    requireNonNull(objects, "objects");
    return db.inTransaction(
        c -> {
          long last;
          try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT last_added_us FROM taxii_collections WHERE id = ? FOR UPDATE")) {
            lock.setString(1, collectionId);
            try (ResultSet rs = lock.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalArgumentException("no TAXII collection " + collectionId);
              }
              last = rs.getLong(1);
            }
          }
          long added = Math.max(nowMicros, last + 1);
          Set<String> seen = stored(c, collectionId, objects);
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO taxii_objects (collection_id, object_id, version_us,"
                      + " version_text, date_added_us, object_type, spec_version, body)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewObject o : objects) {
              if (!seen.add(key(o.objectId(), o.versionMicros()))) {
                continue;
              }
              insert.setString(1, collectionId);
              insert.setString(2, o.objectId());
              insert.setLong(3, o.versionMicros());
              insert.setString(4, o.versionText());
              insert.setLong(5, added);
              insert.setString(6, o.type());
              insert.setString(7, o.specVersion());
              insert.setString(8, o.json());
              insert.addBatch();
            }
            insert.executeBatch();
          }
          try (PreparedStatement update =
              c.prepareStatement("UPDATE taxii_collections SET last_added_us = ? WHERE id = ?")) {
            update.setLong(1, added);
            update.setString(2, collectionId);
            update.executeUpdate();
          }
          return added;
        });
  }

  /** How many object ids one existence query names. */
  private static final int EXISTS_CHUNK = 500;

  /**
   * The (object id, version) keys of {@code objects} already in the collection, read in a few
   * queries of many ids rather than one query per object.
   */
  private Set<String> stored(Connection c, String collectionId, List<NewObject> objects)
      throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    objects.forEach(o -> ids.add(o.objectId()));
    Set<String> found = new HashSet<>();
    versionsOf(c, collectionId, ids, (id, version) -> found.add(key(id, version)));
    return found;
  }

  /**
   * Hands {@code sink} the id and version of every stored version of {@code ids} in the collection.
   * On PostgreSQL a few queries of many ids each; on H2 one primary-key look-up a distinct id,
   * because H2 reads an {@code IN} list through an index only on the index's first column, and
   * scanned the whole collection for each list (a 100 MB bundle, added in batches, took that scan
   * hundreds of times).
   */
  private void versionsOf(
      Connection c,
      String collectionId,
      Collection<String> ids,
      java.util.function.BiConsumer<String, Long> sink)
      throws SQLException {
    if (db.dialect() == Database.Dialect.H2) {
      try (PreparedStatement one =
          c.prepareStatement(
              "SELECT object_id, version_us FROM taxii_objects WHERE collection_id = ?"
                  + " AND object_id = ?")) {
        one.setString(1, collectionId);
        for (String id : ids) {
          one.setString(2, id);
          try (ResultSet rs = one.executeQuery()) {
            while (rs.next()) {
              sink.accept(rs.getString(1), rs.getLong(2));
            }
          }
        }
      }
      return;
    }
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += EXISTS_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + EXISTS_CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement exists =
          c.prepareStatement(
              "SELECT object_id, version_us FROM taxii_objects WHERE collection_id = ?"
                  + " AND object_id IN ("
                  + marks
                  + ")")) {
        exists.setString(1, collectionId);
        for (int i = 0; i < chunk.size(); i++) {
          exists.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = exists.executeQuery()) {
          while (rs.next()) {
            sink.accept(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
  }

  @Override
  public Set<String> held(String collectionId, Collection<String> ids) {
    requireNonNull(ids, "ids");
    return db.inTransaction(
        c -> {
          Set<String> found = new HashSet<>();
          versionsOf(c, collectionId, new LinkedHashSet<>(ids), (id, version) -> found.add(id));
          return found;
        });
  }

  private static String key(String objectId, long versionMicros) {
    return objectId + "|" + versionMicros;
  }

  @Override
  public Page objects(String collectionId, Filter filter, Optional<Cursor> cursor, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }
    List<Sql> ranges = new ArrayList<>();
    if (cursor.isEmpty()) {
      ranges.add(where(collectionId, filter));
    } else {
      // After the cursor as three plain index ranges, read in order until the page is full: the
      // cursor's object's later versions, the later objects of its date added, the later dates.
      // One keyset OR made both databases read from the start of the cursor's date (or of the
      // collection) and sort before the limit.
      Cursor k = cursor.get();
      ranges.add(
          where(collectionId, filter)
              .and("o.date_added_us = ?", k.dateAddedMicros())
              .and("o.object_id = ?", k.objectId())
              .and("o.version_us > ?", k.versionMicros()));
      ranges.add(
          where(collectionId, filter)
              .and("o.date_added_us = ?", k.dateAddedMicros())
              .and("o.object_id > ?", k.objectId()));
      ranges.add(where(collectionId, filter).and("o.date_added_us > ?", k.dateAddedMicros()));
    }
    return db.read(
        c -> {
          List<StoredObject> out = new ArrayList<>();
          for (Sql range : ranges) {
            int wanted = limit + 1 - out.size();
            if (wanted <= 0) {
              break;
            }
            // The collection id leads the order, as it leads the index: H2 then reads the index
            // in order and stops at the limit instead of sorting the whole range.
            range.text.append(
                " ORDER BY o.collection_id, o.date_added_us, o.object_id, o.version_us"
                    + " FETCH FIRST "
                    + wanted
                    + " ROWS ONLY");
            read(c, range, wanted, out);
          }
          boolean more = out.size() > limit;
          return new Page(more ? out.subList(0, limit) : out, more);
        });
  }

  private static void read(Connection c, Sql sql, int maxRows, List<StoredObject> out)
      throws SQLException {
    try (PreparedStatement ps = sql.prepare(c)) {
      ps.setMaxRows(maxRows);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredObject(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7)));
        }
      }
    }
  }

  @Override
  public int delete(String collectionId, String objectId, Filter filter) {
    Sql sql = where(collectionId, filter);
    sql.text.append(" AND o.object_id = ?");
    sql.args.add(objectId);
    return db.inTransaction(
        c -> {
          List<Long> versions = new ArrayList<>();
          try (PreparedStatement ps = sql.prepare(c);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              versions.add(rs.getLong(2));
            }
          }
          int deleted = 0;
          try (PreparedStatement del =
              c.prepareStatement(
                  "DELETE FROM taxii_objects WHERE collection_id = ? AND object_id = ?"
                      + " AND version_us = ?")) {
            for (long v : versions) {
              del.setString(1, collectionId);
              del.setString(2, objectId);
              del.setLong(3, v);
              deleted += del.executeUpdate();
            }
          }
          return deleted;
        });
  }

  private static Sql where(String collectionId, Filter filter) {
    requireNonNull(collectionId, "collectionId");
    requireNonNull(filter, "filter");
    Sql sql = new Sql("SELECT " + COLUMNS + " FROM taxii_objects o WHERE o.collection_id = ?");
    sql.args.add(collectionId);
    sql.in("o.object_id", filter.ids());
    sql.in("o.object_type", filter.types());
    sql.in("o.spec_version", filter.specVersions());
    filter
        .addedAfterMicros()
        .ifPresent(
            after -> {
              sql.text.append(" AND o.date_added_us > ?");
              sql.args.add(after);
            });
    if (!filter.all()) {
      List<String> any = new ArrayList<>();
      if (filter.last()) {
        any.add(
            "NOT EXISTS (SELECT 1 FROM taxii_objects n WHERE n.collection_id = o.collection_id"
                + " AND n.object_id = o.object_id AND n.version_us > o.version_us)");
      }
      if (filter.first()) {
        any.add(
            "NOT EXISTS (SELECT 1 FROM taxii_objects n WHERE n.collection_id = o.collection_id"
                + " AND n.object_id = o.object_id AND n.version_us < o.version_us)");
      }
      if (!filter.versions().isEmpty()) {
        checkSize(filter.versions());
        any.add("o.version_us IN (" + marks(filter.versions().size()) + ")");
        sql.args.addAll(filter.versions());
      }
      sql.text.append(any.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", any) + ")");
    }
    return sql;
  }

  @Override
  public void saveStatus(Status status) {
    requireNonNull(status, "status");
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO taxii_status (id, collection_id, owner_org, request_us,"
                      + " total_count, success_count, failure_count, details)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, status.id());
            ps.setString(2, status.collectionId());
            ps.setString(3, status.ownerOrg());
            ps.setLong(4, status.requestMicros());
            ps.setInt(5, status.total());
            ps.setInt(6, status.success());
            ps.setInt(7, status.failure());
            ps.setString(8, status.detailsJson());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Status> status(String statusId, String collectionId, String ownerOrg) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT request_us, total_count, success_count, failure_count, details"
                      + " FROM taxii_status WHERE id = ? AND collection_id = ? AND owner_org = ?")) {
            ps.setString(1, statusId);
            ps.setString(2, collectionId);
            ps.setString(3, ownerOrg);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Status(
                      statusId,
                      collectionId,
                      ownerOrg,
                      rs.getLong(1),
                      rs.getInt(2),
                      rs.getInt(3),
                      rs.getInt(4),
                      rs.getString(5)));
            }
          }
        });
  }

  private static void checkSize(List<?> values) {
    if (values.size() > MAX_FILTER_VALUES) {
      throw new IllegalArgumentException(
          "a filter names " + values.size() + " values; at most " + MAX_FILTER_VALUES);
    }
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** A query's text and its arguments, in order. */
  private static final class Sql {
    final StringBuilder text;
    final List<Object> args = new ArrayList<>();

    Sql(String start) {
      this.text = new StringBuilder(start);
    }

    Sql and(String condition, Object value) {
      text.append(" AND ").append(condition);
      args.add(value);
      return this;
    }

    void in(String column, List<String> values) {
      if (!values.isEmpty()) {
        checkSize(values);
        text.append(" AND ")
            .append(column)
            .append(" IN (")
            .append(marks(values.size()))
            .append(')');
        args.addAll(values);
      }
    }

    PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(text.toString());
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        if (a instanceof Long l) {
          ps.setLong(i + 1, l);
        } else {
          ps.setString(i + 1, (String) a);
        }
      }
      return ps;
    }
  }

  @Override
  public Optional<PullState> pullState(String partner) {
    requireNonNull(partner, "partner");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT receiving_org, collection_url, added_after, objects_received, updated_us"
                      + " FROM taxii_pulls WHERE partner = ?")) {
            ps.setString(1, partner);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new PullState(
                      partner,
                      rs.getString(1),
                      rs.getString(2),
                      Optional.ofNullable(rs.getString(3)),
                      rs.getLong(4),
                      rs.getLong(5)));
            }
          }
        });
  }

  @Override
  public void savePullState(PullState state) {
    requireNonNull(state, "state");
    db.inTransaction(
        c -> {
          int updated;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE taxii_pulls SET receiving_org = ?, collection_url = ?, added_after = ?,"
                      + " objects_received = ?, updated_us = ? WHERE partner = ?")) {
            ps.setString(1, state.receivingOrg());
            ps.setString(2, state.collectionUrl());
            ps.setString(3, state.addedAfter().orElse(null));
            ps.setLong(4, state.objectsReceived());
            ps.setLong(5, state.updatedMicros());
            ps.setString(6, state.partner());
            updated = ps.executeUpdate();
          }
          if (updated == 0) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO taxii_pulls (partner, receiving_org, collection_url, added_after,"
                        + " objects_received, updated_us) VALUES (?, ?, ?, ?, ?, ?)")) {
              ps.setString(1, state.partner());
              ps.setString(2, state.receivingOrg());
              ps.setString(3, state.collectionUrl());
              ps.setString(4, state.addedAfter().orElse(null));
              ps.setLong(5, state.objectsReceived());
              ps.setLong(6, state.updatedMicros());
              ps.executeUpdate();
            }
          }
          return null;
        });
  }
}
