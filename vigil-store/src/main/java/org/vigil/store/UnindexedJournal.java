/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The journal of entities left out of the search index ({@code unindexed_entities}), read by age:
 * each row carries the database's time of the transaction that journalled it (V21), so that a
 * periodic catch-up takes only rows older than a bound and leaves younger ones to the write or the
 * deferred ingest batch that is about to index them itself.
 */
final class UnindexedJournal {
  private final Database db;

  /**
   * The entities journalled at or before {@code cutoff}, the database's time when they were read.
   */
  record Older(Instant cutoff, List<String> entityIds) {}

  UnindexedJournal(Database db) {
    this.db = requireNonNull(db, "db");
  }

  /**
   * The distinct entities journalled at least {@code age} ago by the database's clock, in order.
   */
  Older olderThan(Duration age) {
    requireNonNull(age, "age");
    return db.read(
        c -> {
          Instant cutoff;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT CURRENT_TIMESTAMP - CAST(? AS BIGINT) * INTERVAL '0.001' SECOND")) {
            ps.setLong(1, age.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              cutoff = Database.getInstant(rs, 1);
            }
          }
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT DISTINCT entity_id FROM unindexed_entities WHERE journaled_at <= ?"
                      + " ORDER BY entity_id")) {
            Database.setInstant(ps, 1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          return new Older(cutoff, ids);
        });
  }

  /**
   * Deletes the rows of these entities journalled at or before {@code cutoff}, once the index has
   * them: a row journalled since (a newer write of the same entity) stays for its own update.
   */
  void forget(Collection<String> entityIds, Instant cutoff) {
    requireNonNull(cutoff, "cutoff");
    if (entityIds.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM unindexed_entities WHERE entity_id = ? AND journaled_at <= ?")) {
            for (String id : new TreeSet<>(entityIds)) {
              ps.setString(1, id);
              Database.setInstant(ps, 2, cutoff);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }
}
