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
import java.util.Optional;
import java.util.Set;
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
          + " found_at, status, list_entry_id, change_kind, reviewed_by, reviewed_at";

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
            Optional<long[]> known = known(c, audience, m);
            if (known.isEmpty()) {
              fresh.add(insert(c, audience, m));
            } else if (known.get()[1] == 1) {
              // Listed again after it left the list: a designation, so a new alert.
              relist(c, known.get()[0], m);
              fresh.add(byId(c, known.get()[0]).orElseThrow());
            } else {
              update(c, known.get()[0], m);
            }
          }
          return fresh;
        });
  }

  /** The stored row of the pair: its id, and 1 if it is delisted, else 0. */
  private static Optional<long[]> known(Connection c, Audience audience, PossibleMatch m)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, change_kind FROM possible_matches WHERE entity_id = ?"
                + " AND list_entity_id = ? AND audience_key = ?")) {
      ps.setString(1, m.entityId());
      ps.setString(2, m.listEntityId());
      ps.setString(3, audience.key());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new long[] {rs.getLong(1), rs.getString(2).equals("DELISTED") ? 1 : 0});
      }
    }
  }

  private static void update(Connection c, long id, PossibleMatch m) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE possible_matches SET score = ?, explanation = ?, list_caption = ?,"
                + " programmes = ?, list_entry_id = ? WHERE id = ?")) {
      ps.setDouble(1, m.score());
      ps.setString(2, lines(m.explanation()));
      ps.setString(3, clip(m.listCaption(), 2_000));
      ps.setString(4, clip(String.join(",", m.programmes()), 4_000));
      ps.setString(5, clip(m.listEntryId(), 256));
      ps.setLong(6, id);
      ps.executeUpdate();
    }
  }

  private static void relist(Connection c, long id, PossibleMatch m) throws SQLException {
    update(c, id, m);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE possible_matches SET change_kind = 'LISTED', status = 'NEW', found_at = ?,"
                + " changed_at = ?, reviewed_by = NULL, reviewed_at = NULL WHERE id = ?")) {
      Instant at = Database.stored(m.foundAt());
      Database.setInstant(ps, 1, at);
      Database.setInstant(ps, 2, at);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  private static PossibleMatch insert(Connection c, Audience audience, PossibleMatch m)
      throws SQLException {
    Instant at = Database.stored(m.foundAt());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO possible_matches (entity_id, list_entity_id, dataset, list_caption,"
                + " programmes, score, explanation, found_at, status, audience_key, owner_org,"
                + " readers, list_entry_id, change_kind, reviewed_by, reviewed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
      ps.setString(13, clip(m.listEntryId(), 256));
      ps.setString(14, m.change().name());
      if (m.review().isPresent()) {
        ps.setString(15, clip(m.review().get().by(), 128));
        Database.setInstant(ps, 16, Database.stored(m.review().get().at()));
      } else {
        ps.setNull(15, java.sql.Types.VARCHAR);
        ps.setNull(16, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new possible match");
        }
        return byId(c, keys.getLong(1)).orElseThrow();
      }
    }
  }

  private static Optional<PossibleMatch> byId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + MATCH_COLUMNS + " FROM possible_matches WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(match(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public List<PossibleMatch> delistMissing(
      Audience audience, Set<String> datasets, Set<String> listed, Instant at) {
    requireNonNull(audience, "audience");
    requireNonNull(datasets, "datasets");
    requireNonNull(listed, "listed");
    Instant now = Database.stored(requireNonNull(at, "at"));
    if (datasets.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        c -> {
          List<Long> gone = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, dataset, list_entity_id FROM possible_matches"
                      + " WHERE audience_key = ? AND change_kind = 'LISTED'")) {
            ps.setString(1, audience.key());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (datasets.contains(rs.getString(2)) && !listed.contains(rs.getString(3))) {
                  gone.add(rs.getLong(1));
                }
              }
            }
          }
          List<PossibleMatch> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE possible_matches SET change_kind = 'DELISTED', status = 'NEW',"
                      + " found_at = ?, changed_at = ?, reviewed_by = NULL, reviewed_at = NULL"
                      + " WHERE id = ?")) {
            for (long id : gone) {
              Database.setInstant(ps, 1, now);
              Database.setInstant(ps, 2, now);
              ps.setLong(3, id);
              ps.executeUpdate();
              out.add(byId(c, id).orElseThrow());
            }
          }
          return out;
        });
  }

  @Override
  public Optional<PossibleMatch> alert(long id, Viewer viewer) {
    Reader reader = Reader.of(viewer);
    return matches(
            "SELECT "
                + MATCH_COLUMNS
                + " FROM possible_matches WHERE id = ?"
                + reader.where(" AND "),
            id,
            reader,
            1)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<PossibleMatch> review(long id, Viewer viewer, String by, Instant at) {
    requireNonNull(by, "by");
    Instant now = Database.stored(requireNonNull(at, "at"));
    Reader reader = Reader.of(viewer);
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE possible_matches SET status = 'REVIEWED', reviewed_by = ?,"
                      + " reviewed_at = ? WHERE id = ? AND status = 'NEW'"
                      + reader.where(" AND "))) {
            ps.setString(1, clip(by, 128));
            Database.setInstant(ps, 2, now);
            ps.setLong(3, id);
            reader.bind(ps, 4);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + MATCH_COLUMNS
                      + " FROM possible_matches WHERE id = ?"
                      + reader.where(" AND "))) {
            ps.setLong(1, id);
            reader.bind(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(match(rs)) : Optional.<PossibleMatch>empty();
            }
          }
        });
  }

  @Override
  public ListAlert raiseListFailure(String listSource, String detail, Instant at) {
    requireNonNull(listSource, "listSource");
    requireNonNull(detail, "detail");
    Instant now = Database.stored(requireNonNull(at, "at"));
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO list_alerts (list_source, detail, raised_at) VALUES (?, ?, ?)",
                  new String[] {"id"})) {
            ps.setString(1, clip(listSource, 256));
            ps.setString(2, lines(List.of(detail)));
            Database.setInstant(ps, 3, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("the database returned no id for the new list alert");
              }
              return listAlert(c, keys.getLong(1)).orElseThrow();
            }
          }
        });
  }

  @Override
  public List<ListAlert> listAlerts(int limit) {
    checkLimit(limit);
    return db.read(
        c -> {
          List<ListAlert> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, list_source, detail, raised_at, reviewed_by, reviewed_at"
                      + " FROM list_alerts ORDER BY raised_at DESC, id DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(listAlert(rs));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Optional<ListAlert> reviewListAlert(long id, String by, Instant at) {
    requireNonNull(by, "by");
    Instant now = Database.stored(requireNonNull(at, "at"));
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE list_alerts SET reviewed_by = ?, reviewed_at = ?"
                      + " WHERE id = ? AND reviewed_by IS NULL")) {
            ps.setString(1, clip(by, 128));
            Database.setInstant(ps, 2, now);
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          return listAlert(c, id);
        });
  }

  private static Optional<ListAlert> listAlert(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, list_source, detail, raised_at, reviewed_by, reviewed_at"
                + " FROM list_alerts WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(listAlert(rs)) : Optional.empty();
      }
    }
  }

  private static ListAlert listAlert(ResultSet rs) throws SQLException {
    String by = rs.getString(5);
    return new ListAlert(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        Database.getInstant(rs, 4),
        by == null
            ? Optional.empty()
            : Optional.of(new PossibleMatch.Review(by, Database.getInstant(rs, 6))));
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
  public List<PossibleMatch> matchesOnEntry(String listEntityId, Viewer viewer) {
    requireNonNull(listEntityId, "listEntityId");
    Reader reader = Reader.of(viewer);
    return matches(
        "SELECT "
            + MATCH_COLUMNS
            + " FROM possible_matches WHERE list_entity_id = ?"
            + reader.where(" AND ")
            + " ORDER BY score DESC, entity_id",
        listEntityId,
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

  private List<PossibleMatch> matches(String sql, Object parameter, Reader reader, int limit) {
    return db.read(
        c -> {
          List<PossibleMatch> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = 1;
            if (parameter instanceof String text) {
              ps.setString(next++, text);
            } else if (parameter instanceof Long id) {
              ps.setLong(next++, id);
            }
            reader.bind(ps, next);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(match(rs));
              }
            }
          }
          return out;
        });
  }

  private static PossibleMatch match(ResultSet rs) throws SQLException {
    String programmes = rs.getString(6);
    String by = rs.getString(13);
    return new PossibleMatch(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(11),
        rs.getString(4),
        rs.getString(5),
        programmes.isEmpty() ? List.of() : Arrays.asList(programmes.split(",")),
        rs.getDouble(7),
        split(rs.getString(8)),
        Database.getInstant(rs, 9),
        PossibleMatch.Change.valueOf(rs.getString(12)),
        by == null
            ? Optional.empty()
            : Optional.of(new PossibleMatch.Review(by, Database.getInstant(rs, 14))));
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
  private record Reader(Optional<String> userId) {
    static Reader of(Viewer viewer) {
      requireNonNull(viewer, "viewer");
      return new Reader(viewer.isSystem() ? Optional.empty() : Optional.of(viewer.userId()));
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
