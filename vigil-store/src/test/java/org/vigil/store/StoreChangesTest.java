/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change sequence hands other nodes' written entities to the link index (V25), a change that
 * names none as "all", and prunes changes older than an hour by the database's clock.
 */
class StoreChangesTest {
  @TempDir Path dir;

  @Test
  void anotherNodesChangesReachTheLinkIndexAndOldOnesArePruned() {
    StoreConfig config = StoreConfig.embedded(dir.resolve("data"));
    Store.open(config).close();
    try (Database db = Database.open(config)) {
      WrittenEntities written = new WrittenEntities();
      try (StoreChanges changes = StoreChanges.start(db, () -> {}, written)) {
        insert(db, "other-node", "p-a\np-b", "CURRENT_TIMESTAMP");
        changes.poll(true);
        assertThat(written.drain())
            .isEqualTo(new WrittenEntities.Written(false, Set.of("p-a", "p-b")));
        changes.poll(true);
        assertThat(written.drain().none()).as("a change is handed on once").isTrue();

        insert(db, db.instance, "p-own", "CURRENT_TIMESTAMP");
        changes.poll(true);
        assertThat(written.drain().none()).as("this node's own changes are not its news").isTrue();

        insert(db, "other-node", null, "CURRENT_TIMESTAMP");
        changes.poll(true);
        assertThat(written.drain().all()).as("a change naming no entity").isTrue();

        insert(db, "other-node", "p-old", "CURRENT_TIMESTAMP - INTERVAL '2' HOUR");
        changes.prune();
        assertThat(count(db))
            .as("the change of two hours ago is pruned, the others kept")
            .isEqualTo(3);
      }
    }
  }

  @Test
  void aCatchUpActsOnWhatAnotherNodeCommittedBeforeItReturns() {
    StoreConfig config = StoreConfig.embedded(dir.resolve("data"));
    Store.open(config).close();
    try (Database db = Database.open(config)) {
      WrittenEntities written = new WrittenEntities();
      AtomicInteger reloads = new AtomicInteger();
      try (StoreChanges changes = StoreChanges.start(db, reloads::incrementAndGet, written)) {
        long before = changes.othersActedOn();
        insertJudgement(db, "other-node");
        changes.catchUp();
        assertThat(reloads.get())
            .as("the other node's judgement reloads the clusters before catchUp returns")
            .isEqualTo(1);
        assertThat(changes.othersActedOn()).isGreaterThan(before);

        insert(db, "other-node", "p-c", "CURRENT_TIMESTAMP");
        changes.catchUp();
        assertThat(written.drain())
            .as("the other node's written entity reaches the link index before catchUp returns")
            .isEqualTo(new WrittenEntities.Written(false, Set.of("p-c")));

        long seen = changes.othersActedOn();
        changes.catchUp();
        assertThat(changes.othersActedOn()).as("nothing new, nothing acted on").isEqualTo(seen);
      }
    }
  }

  private static void insertJudgement(Database db, String node) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO store_changes (what, node, changed_at)"
                      + " VALUES ('judgements', ?, CURRENT_TIMESTAMP)")) {
            ps.setString(1, node);
            return ps.executeUpdate();
          }
        });
  }

  private static void insert(Database db, String node, String entities, String at) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO store_changes (what, node, changed_at, entities)"
                      + " VALUES ('statements', ?, "
                      + at
                      + ", ?)")) {
            ps.setString(1, node);
            ps.setString(2, entities);
            return ps.executeUpdate();
          }
        });
  }

  private static long count(Database db) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM store_changes");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
