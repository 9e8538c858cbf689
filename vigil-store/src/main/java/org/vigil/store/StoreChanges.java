/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this process learns of other processes' writes to the same database: it polls the change
 * sequence ({@code store_changes}, V24) every {@link #POLL}, and when another node has written
 * statements, hands the entities it wrote (V25) to {@link WrittenEntities} (the graph's link index
 * updates itself for them at its next query; a change that names none makes it rebuild), and when
 * another node has judged or undone a judgement, reloads the resolution clusters.
 *
 * <p>A poll is one indexed query over the newest rows only. Transactions may commit out of sequence
 * order, so a poll counts the rows of the top {@link #WINDOW} sequence numbers besides reading the
 * maximum: a late commit below the maximum still changes the count. The statement changes' rows are
 * then listed by sequence number, and those not handed on yet are read with their entities.
 *
 * <p>Thread-safe. {@link #close} stops the polling.
 */
final class StoreChanges implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreChanges.class);

  /** How often the change sequence is read. */
  static final Duration POLL = Duration.ofMillis(250);

  /** Polls between two prunings of the rows older than {@link #KEPT}: about a minute. */
  static final int PRUNE_EVERY_POLLS = 240;

  /** How long a change stays in the sequence: far longer than any node polls behind. */
  static final Duration KEPT = Duration.ofHours(1);

  /** Sequence numbers below the newest that a poll still counts, for commits out of order. */
  static final long WINDOW = 1000;

  private final Database db;
  private final Runnable judgementsChanged;
  private final WrittenEntities written;

  /** Statement changes of the window already handed on. */
  private final TreeSet<Long> handed = new TreeSet<>();

  private final Map<String, String> seen = new HashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-store-changes");
            t.setDaemon(true);
            return t;
          });
  private long top;
  private long polls;
  private boolean failing;

  /** How many times other nodes' changes have been acted on: moves with every one seen. */
  private final AtomicLong othersActedOn = new AtomicLong();

  /** {@link System#nanoTime} when the newest poll began. */
  private long lastPollBegan = System.nanoTime();

  private StoreChanges(Database db, Runnable judgementsChanged, WrittenEntities written) {
    this.db = requireNonNull(db, "db");
    this.judgementsChanged = requireNonNull(judgementsChanged, "judgementsChanged");
    this.written = requireNonNull(written, "written");
  }

  /** Starts polling; what other nodes wrote before now counts as seen. */
  static StoreChanges start(Database db, Runnable judgementsChanged, WrittenEntities written) {
    StoreChanges changes = new StoreChanges(db, judgementsChanged, written);
    changes.poll(false);
    long every = POLL.toMillis();
    changes.poller.scheduleWithFixedDelay(
        changes::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    return changes;
  }

  private void pollQuietly() {
    try {
      poll(true);
      if (failing) {
        LOG.info("the change sequence can be read again");
        // rows of the outage may have been pruned meanwhile: the link index starts afresh
        written.addUnknown();
        failing = false;
      }
      if (++polls % PRUNE_EVERY_POLLS == 0) {
        prune();
      }
    } catch (RuntimeException e) {
      if (!failing) {
        // the database restarting: the next poll that succeeds sees every change since
        LOG.warn("cannot read the change sequence: {}", e.getMessage());
        failing = true;
      }
    }
  }

  /**
   * Reads the newest rows of other nodes and, when {@code act}, acts on each kind whose rows
   * changed.
   */
  synchronized void poll(boolean act) {
    lastPollBegan = System.nanoTime();
    long from = Math.max(0, top - WINDOW);
    Map<String, String> now =
        db.read(
            c -> {
              Map<String, String> tokens = new HashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT what, MAX(seq), COUNT(*) FROM store_changes"
                          + " WHERE seq > ? AND node <> ? GROUP BY what")) {
                ps.setLong(1, from);
                ps.setString(2, db.instance);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    top = Math.max(top, rs.getLong(2));
                    tokens.put(rs.getString(1), rs.getLong(2) + ":" + rs.getLong(3));
                  }
                }
              }
              return tokens;
            });
    for (String what : new String[] {"statements", "judgements"}) {
      String token = now.getOrDefault(what, "");
      if (!token.equals(seen.getOrDefault(what, ""))) {
        seen.put(what, token);
        if (act) {
          othersActedOn.incrementAndGet();
        }
        if (what.equals("statements")) {
          handOn(from, act);
        } else if (act) {
          judgementsChanged.run();
        }
      }
    }
  }

  /** A count that moves whenever this process acts on changes other nodes made. */
  long othersActedOn() {
    return othersActedOn.get();
  }

  /**
   * Acts now on what other nodes committed before this call, so that a request sent to this node
   * right after a write on another sees that write (no sticky session, not even for a moment): one
   * poll, unless a poll that began after this call has already run. When the database cannot be
   * read, returns and leaves the failure to the request's own reads and to the scheduled poll.
   */
  void catchUp() {
    long asked = System.nanoTime();
    synchronized (this) {
      if (lastPollBegan - asked > 0) {
        return;
      }
      try {
        poll(true);
      } catch (RuntimeException e) {
        LOG.debug("cannot read the change sequence before a request: {}", e.getMessage());
      }
    }
  }

  /**
   * Hands the entities of the statement changes above {@code from} not handed on yet to {@link
   * #written} ({@code act}), or only counts them as handed on.
   */
  private void handOn(long from, boolean act) {
    List<Long> fresh =
        db.read(
            c -> {
              List<Long> seqs = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT seq FROM store_changes WHERE seq > ? AND node <> ?"
                          + " AND what = 'statements'")) {
                ps.setLong(1, from);
                ps.setString(2, db.instance);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    if (!handed.contains(rs.getLong(1))) {
                      seqs.add(rs.getLong(1));
                    }
                  }
                }
              }
              return seqs;
            });
    if (act && !fresh.isEmpty()) {
      db.read(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT entities FROM store_changes WHERE seq IN ("
                        + String.join(", ", Collections.nCopies(fresh.size(), "?"))
                        + ")")) {
              for (int i = 0; i < fresh.size(); i++) {
                ps.setLong(i + 1, fresh.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  String entities = rs.getString(1);
                  if (entities == null) {
                    written.addUnknown();
                  } else {
                    written.add(Arrays.asList(entities.split("\n")));
                  }
                }
              }
            }
            return null;
          });
    }
    handed.addAll(fresh);
    handed.headSet(Math.max(0, top - WINDOW), true).clear();
  }

  /**
   * Deletes the changes older than {@link #KEPT}, which every running node has read long since (a
   * node that could not read the sequence meanwhile rebuilds its link index when it can again).
   */
  void prune() {
    db.inTransaction(
        c -> {
          // by the database's clock, as every other time between nodes
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM store_changes WHERE changed_at < CURRENT_TIMESTAMP - INTERVAL '"
                      + KEPT.toHours()
                      + "' HOUR")) {
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
