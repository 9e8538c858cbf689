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
import org.vigil.model.InvalidValueException;
import org.vigil.resolve.Decision;
import org.vigil.resolve.PairScore;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.ReviewItem;

/** The review queue in {@code review_pairs} and possible matches in {@code possible_matches}. */
final class JdbcResolutionRepository implements ResolutionRepository {
  static final int MAX_LIMIT = 1_000;
  private static final int MAX_TEXT = 8_000;
  private static final String MATCH_COLUMNS =
      "id, entity_id, list_entity_id, dataset, list_caption, programmes, score, explanation,"
          + " found_at, status";

  private final Database db;

  JdbcResolutionRepository(Database db) {
    this.db = db;
  }

  @Override
  public void replaceReviewQueue(List<ReviewItem> items, Instant at) {
    requireNonNull(items, "items");
    Instant now = Database.stored(requireNonNull(at, "at"));
    db.inTransaction(
        c -> {
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM review_pairs")) {
            delete.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO review_pairs (left_id, right_id, score, reasons, impact, found_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ReviewItem item : items) {
              PairScore pair = item.pair();
              ps.setString(1, pair.left());
              ps.setString(2, pair.right());
              ps.setDouble(3, pair.score());
              ps.setString(4, lines(pair.explanation()));
              ps.setDouble(5, item.impact());
              Database.setInstant(ps, 6, now);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<ReviewItem> reviewQueue(int limit) {
    checkLimit(limit);
    return db.read(
        c -> {
          List<ReviewItem> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT left_id, right_id, score, reasons, impact FROM review_pairs"
                      + " ORDER BY impact DESC, score DESC, left_id, right_id")) {
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
  public int reviewCount() {
    return count("review_pairs");
  }

  @Override
  public List<PossibleMatch> recordMatches(List<PossibleMatch> found) {
    requireNonNull(found, "found");
    return db.inTransaction(
        c -> {
          List<PossibleMatch> fresh = new ArrayList<>();
          for (PossibleMatch m : found) {
            if (update(c, m) == 0) {
              fresh.add(insert(c, m));
            }
          }
          return fresh;
        });
  }

  private static int update(Connection c, PossibleMatch m) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE possible_matches SET score = ?, explanation = ?, list_caption = ?,"
                + " programmes = ? WHERE entity_id = ? AND list_entity_id = ?")) {
      ps.setDouble(1, m.score());
      ps.setString(2, lines(m.explanation()));
      ps.setString(3, clip(m.listCaption(), 2_000));
      ps.setString(4, clip(String.join(",", m.programmes()), 4_000));
      ps.setString(5, m.entityId());
      ps.setString(6, m.listEntityId());
      return ps.executeUpdate();
    }
  }

  private static PossibleMatch insert(Connection c, PossibleMatch m) throws SQLException {
    Instant at = Database.stored(m.foundAt());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO possible_matches (entity_id, list_entity_id, dataset, list_caption,"
                + " programmes, score, explanation, found_at, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
  public List<PossibleMatch> matchesOf(String entityId) {
    requireNonNull(entityId, "entityId");
    return matches(
        "SELECT "
            + MATCH_COLUMNS
            + " FROM possible_matches WHERE entity_id = ?"
            + " ORDER BY score DESC, list_entity_id",
        entityId,
        MAX_LIMIT);
  }

  @Override
  public List<PossibleMatch> alerts(int limit) {
    checkLimit(limit);
    return matches(
        "SELECT " + MATCH_COLUMNS + " FROM possible_matches ORDER BY found_at DESC, id DESC",
        null,
        limit);
  }

  @Override
  public int alertCount() {
    return count("possible_matches");
  }

  private List<PossibleMatch> matches(String sql, String parameter, int limit) {
    return db.read(
        c -> {
          List<PossibleMatch> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
              ps.setString(1, parameter);
            }
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

  private int count(String table) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
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
