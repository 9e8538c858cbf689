/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.resolve.Audience;
import org.vigil.resolve.Decision;
import org.vigil.resolve.PairScore;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.ReviewItem;

/**
 * The review queue in {@code review_pairs} and possible matches in {@code possible_matches}, each
 * row with its audience: a key, the owner organisation and the readers (comma-separated user ids).
 * A reader's rows are found with a LIKE on the readers between commas.
 */
final class JdbcResolutionRepository implements ResolutionRepository {
  static final int MAX_LIMIT = 1_000;
  private static final int MAX_READERS = 16_384;
  private static final int MAX_TEXT = 8_000;
  private static final String MATCH_COLUMNS =
      "id, entity_id, list_entity_id, dataset, list_caption, programmes, score, explanation,"
          + " found_at, status";

  private final Database db;

  JdbcResolutionRepository(Database db) {
    this.db = db;
  }

  @Override
  public void replaceReviewQueue(Map<Audience, List<ReviewItem>> queues, Instant at) {
    requireNonNull(queues, "queues");
    Instant now = Database.stored(requireNonNull(at, "at"));
    db.inTransaction(
        c -> {
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM review_pairs")) {
            delete.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO review_pairs (audience_key, owner_org, readers, left_id, right_id,"
                      + " score, reasons, impact, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Audience, List<ReviewItem>> queue : queues.entrySet()) {
              Audience audience = queue.getKey();
              for (ReviewItem item : queue.getValue()) {
                PairScore pair = item.pair();
                ps.setString(1, audience.key());
                ps.setString(2, audience.ownerOrg());
                ps.setString(3, readers(audience));
                ps.setString(4, pair.left());
                ps.setString(5, pair.right());
                ps.setDouble(6, pair.score());
                ps.setString(7, lines(pair.explanation()));
                ps.setDouble(8, item.impact());
                Database.setInstant(ps, 9, now);
                ps.addBatch();
              }
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<ReviewItem> reviewQueue(Viewer viewer, int limit) {
    checkLimit(limit);
    Reader reader = Reader.of(viewer);
    return db.read(
        c -> {
          List<ReviewItem> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT left_id, right_id, score, reasons, impact FROM review_pairs"
                      + reader.where(" WHERE ")
                      + " ORDER BY impact DESC, score DESC, left_id, right_id")) {
            reader.bind(ps, 1);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ReviewItem(
                        new PairScore(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getDouble(3),
                            split(rs.getString(4)),
                            List.of(),
                            Decision.REVIEW),
                        rs.getDouble(5)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public int reviewCount(Viewer viewer) {
    return count("review_pairs", viewer);
  }

  @Override
  public List<PossibleMatch> recordMatches(Audience audience, List<PossibleMatch> found) {
    requireNonNull(audience, "audience");
    requireNonNull(found, "found");
    return db.inTransaction(
        c -> {
          List<PossibleMatch> fresh = new ArrayList<>();
          for (PossibleMatch m : found) {
            if (update(c, audience, m) == 0) {
              fresh.add(insert(c, audience, m));
            }
          }
          return fresh;
        });
  }

  private static int update(Connection c, Audience audience, PossibleMatch m) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE possible_matches SET score = ?, explanation = ?, list_caption = ?,"
                + " programmes = ? WHERE entity_id = ? AND list_entity_id = ?"
                + " AND audience_key = ?")) {
      ps.setDouble(1, m.score());
      ps.setString(2, lines(m.explanation()));
      ps.setString(3, clip(m.listCaption(), 2_000));
      ps.setString(4, clip(String.join(",", m.programmes()), 4_000));
      ps.setString(5, m.entityId());
      ps.setString(6, m.listEntityId());
      ps.setString(7, audience.key());
      return ps.executeUpdate();
    }
  }

  private static PossibleMatch insert(Connection c, Audience audience, PossibleMatch m)
      throws SQLException {
    Instant at = Database.stored(m.foundAt());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO possible_matches (entity_id, list_entity_id, dataset, list_caption,"
                + " programmes, score, explanation, found_at, status, audience_key, owner_org,"
                + " readers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setString(1, requireId(m.entityId()));
      ps.setString(2, requireId(m.listEntityId()));
      ps.setString(3, clip(m.dataset(), 256));
      ps.setString(4, clip(m.listCaption(), 2_000));
      ps.setString(5, clip(String.join(",", m.programmes()), 4_000));
      ps.setDouble(6, m.score());
      ps.setString(7, lines(m.explanation()));
      Database.setInstant(ps, 8, at);
      ps.setString(9, m.reviewed() ? "REVIEWED" : "NEW");
      ps.setString(10, audience.key());
      ps.setString(11, audience.ownerOrg());
      ps.setString(12, readers(audience));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new possible match");
        }
        return new PossibleMatch(
            keys.getLong(1),
            m.entityId(),
            m.listEntityId(),
            m.dataset(),
            m.listCaption(),
            m.programmes(),
            m.score(),
            m.explanation(),
            at,
            m.reviewed());
      }
    }
  }

  @Override
  public List<PossibleMatch> matchesOf(String entityId, Viewer viewer) {
    requireNonNull(entityId, "entityId");
    Reader reader = Reader.of(viewer);
    return matches(
        "SELECT "
            + MATCH_COLUMNS
            + " FROM possible_matches WHERE entity_id = ?"
            + reader.where(" AND ")
            + " ORDER BY score DESC, list_entity_id",
        entityId,
        reader,
        MAX_LIMIT);
  }

  @Override
  public List<PossibleMatch> alerts(Viewer viewer, int limit) {
    checkLimit(limit);
    Reader reader = Reader.of(viewer);
    return matches(
        "SELECT "
            + MATCH_COLUMNS
            + " FROM possible_matches"
            + reader.where(" WHERE ")
            + " ORDER BY found_at DESC, id DESC",
        null,
        reader,
        limit);
  }

  @Override
  public int alertCount(Viewer viewer) {
    return count("possible_matches", viewer);
  }

  private List<PossibleMatch> matches(String sql, String parameter, Reader reader, int limit) {
    return db.read(
        c -> {
          List<PossibleMatch> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = 1;
            if (parameter != null) {
              ps.setString(next++, parameter);
            }
            reader.bind(ps, next);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String programmes = rs.getString(6);
                out.add(
                    new PossibleMatch(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        programmes.isEmpty() ? List.of() : Arrays.asList(programmes.split(",")),
                        rs.getDouble(7),
                        split(rs.getString(8)),
                        Database.getInstant(rs, 9),
                        rs.getString(10).equals("REVIEWED")));
              }
            }
          }
          return out;
        });
  }

  private int count(String table, Viewer viewer) {
    Reader reader = Reader.of(viewer);
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM " + table + reader.where(" WHERE "))) {
            reader.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  private static String readers(Audience audience) {
    String joined = String.join(",", audience.readers());
    if (joined.length() > MAX_READERS) {
      throw new InvalidValueException("an audience may name at most " + MAX_READERS + " chars");
    }
    return joined;
  }

  /** The condition that keeps a viewer's rows: none for the process itself. */
  private record Reader(java.util.Optional<String> userId) {
    static Reader of(Viewer viewer) {
      requireNonNull(viewer, "viewer");
      return new Reader(
          viewer.isSystem() ? java.util.Optional.empty() : java.util.Optional.of(viewer.userId()));
    }

    String where(String keyword) {
      return userId.isEmpty() ? "" : keyword + "(',' || readers || ',') LIKE ? ESCAPE '!'";
    }

    void bind(PreparedStatement ps, int index) throws SQLException {
      if (userId.isPresent()) {
        String escaped = userId.get().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        ps.setString(index, "%," + escaped + ",%");
      }
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit " + limit + " is outside 1-" + MAX_LIMIT);
    }
  }

  private static String requireId(String id) {
    if (!org.vigil.model.PropertyType.isEntityId(id)) {
      throw new InvalidValueException("'" + id + "' is not an entity id");
    }
    return id;
  }

  // Reasons are single lines; a line break inside one would split it when read back.
  private static String lines(List<String> lines) {
    return clip(
        String.join(
            "\n", lines.stream().map(l -> l.replace('\n', ' ').replace('\r', ' ')).toList()),
        MAX_TEXT);
  }

  private static List<String> split(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
