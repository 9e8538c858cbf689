/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.claims.Likelihood;
import org.vigil.claims.LinkKind;
import org.vigil.claims.OriginLink;
import org.vigil.claims.Origins;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;

final class JdbcGradeRepository implements GradeRepository {
  private static final String GRADE_COLUMNS =
      "id, target_kind, target_id, grade, reason, owner_org, graded_by, graded_at, undone_by,"
          + " undone_at";
  private static final String LINK_COLUMNS =
      "id, from_id, kind, to_id, reason, owner_org, made_by, made_at, undone_by, undone_at";
  private static final String ASSESSMENT_COLUMNS =
      "id, subject_id, statement, likelihood, owner_org, made_by, made_at, undone_by, undone_at";

  private final Database db;

  JdbcGradeRepository(Database db) {
    this.db = db;
  }

  @Override
  public Grade grade(Viewer by, Grade.Target target, String targetId, String grade, String reason) {
    requireNonNull(by, "by");
    requireNonNull(target, "target");
    requireId(targetId);
    String onScale = onScale(target, grade);
    requireText(reason, "reason");
    Instant now = db.now();
    long id =
        insert(
            "INSERT INTO grades (target_kind, target_id, grade, reason, owner_org, graded_by,"
                + " graded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            target.code(),
            targetId,
            onScale,
            reason,
            by.orgId(),
            by.username(),
            now);
    return new Grade(
        id,
        target,
        targetId,
        onScale,
        reason,
        by.orgId(),
        by.username(),
        now,
        Optional.empty(),
        Optional.empty());
  }

  private static String onScale(Grade.Target target, String grade) {
    requireNonNull(grade, "grade");
    return switch (target) {
      case SOURCE -> Reliability.parse(grade).name();
      case CLAIM -> {
        try {
          yield Integer.toString(Credibility.ofGrade(Integer.parseInt(grade.strip())).grade());
        } catch (NumberFormatException e) {
          throw new InvalidValueException(
              "'" + grade + "' is not a credibility grade; use 1 (confirmed) to 6");
        }
      }
    };
  }

  @Override
  public Grade undoGrade(long id, Viewer by) {
    undo("grades", id, by, "grade");
    return gradeById(id, by).orElseThrow();
  }

  @Override
  public Optional<Grade> gradeById(long id, Viewer viewer) {
    return db.read(
        c -> {
          List<Grade> found =
              grades(
                  c,
                  "SELECT " + GRADE_COLUMNS + " FROM grades WHERE id = ? AND owner_org = ?",
                  id,
                  viewer.orgId());
          return found.stream().findFirst();
        });
  }

  @Override
  public List<Grade> gradesInForce(Viewer viewer) {
    return db.read(
        c ->
            grades(
                c,
                "SELECT "
                    + GRADE_COLUMNS
                    + " FROM grades WHERE owner_org = ? AND undone_at IS NULL ORDER BY id",
                viewer.orgId()));
  }

  @Override
  public List<Grade> grades(Grade.Target target, String targetId, Viewer viewer) {
    return db.read(
        c ->
            grades(
                c,
                "SELECT "
                    + GRADE_COLUMNS
                    + " FROM grades WHERE target_kind = ? AND target_id = ? AND owner_org = ?"
                    + " ORDER BY id",
                target.code(),
                targetId,
                viewer.orgId()));
  }

  @Override
  public DeclaredLink link(Viewer by, OriginLink link, String reason) {
    requireNonNull(by, "by");
    requireNonNull(link, "link");
    requireText(reason, "reason");
    Instant now = db.now();
    long id =
        db.inTransaction(
            c -> {
              // The organisation's links are read and the new one written in one transaction,
              // so two analysts cannot close a circle between them.
              List<OriginLink> inForce = links(c, by).stream().map(DeclaredLink::link).toList();
              Optional<List<String>> circle = Origins.circle(inForce, link);
              if (circle.isPresent()) {
                throw new InvalidValueException(
                    "a "
                        + link.kind().code()
                        + " link from "
                        + link.from()
                        + " to "
                        + link.to()
                        + " would close a circle: "
                        + String.join(" -> ", circle.get()));
              }
              return insert(
                  c,
                  "INSERT INTO origin_links (from_id, kind, to_id, reason, owner_org, made_by,"
                      + " made_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  link.from(),
                  link.kind().code(),
                  link.to(),
                  reason,
                  by.orgId(),
                  by.username(),
                  now);
            });
    return new DeclaredLink(
        id, link, reason, by.orgId(), by.username(), now, Optional.empty(), Optional.empty());
  }

  @Override
  public DeclaredLink undoLink(long id, Viewer by) {
    undo("origin_links", id, by, "link");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + LINK_COLUMNS + " FROM origin_links WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return declaredLink(rs);
            }
          }
        });
  }

  @Override
  public List<DeclaredLink> links(Viewer viewer) {
    return db.read(c -> links(c, viewer));
  }

  private static List<DeclaredLink> links(Connection c, Viewer viewer) throws SQLException {
    List<DeclaredLink> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + LINK_COLUMNS
                + " FROM origin_links WHERE owner_org = ? AND undone_at IS NULL ORDER BY id")) {
      ps.setString(1, viewer.orgId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(declaredLink(rs));
        }
      }
    }
    return out;
  }

  @Override
  public Assessment assess(Viewer by, String subjectId, String statement, Likelihood likelihood) {
    requireNonNull(by, "by");
    requireId(subjectId);
    requireText(statement, "assessment");
    if (statement.isBlank()) {
      throw new InvalidValueException("an assessment needs its words");
    }
    requireNonNull(likelihood, "likelihood");
    Instant now = db.now();
    long id =
        insert(
            "INSERT INTO assessments (subject_id, statement, likelihood, low_percent, high_percent,"
                + " owner_org, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            subjectId,
            statement,
            likelihood.code(),
            likelihood.lowPercent(),
            likelihood.highPercent(),
            by.orgId(),
            by.username(),
            now);
    return new Assessment(
        id,
        subjectId,
        statement,
        likelihood,
        by.orgId(),
        by.username(),
        now,
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public Assessment undoAssessment(long id, Viewer by) {
    undo("assessments", id, by, "assessment");
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + ASSESSMENT_COLUMNS + " FROM assessments WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return assessment(rs);
            }
          }
        });
  }

  @Override
  public Optional<Assessment> assessmentById(long id, Viewer viewer) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ASSESSMENT_COLUMNS
                      + " FROM assessments WHERE id = ? AND owner_org = ?")) {
            ps.setLong(1, id);
            ps.setString(2, viewer.orgId());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(assessment(rs)) : Optional.<Assessment>empty();
            }
          }
        });
  }

  @Override
  public List<Assessment> assessments(String subjectId, Viewer viewer) {
    return db.read(
        c -> {
          List<Assessment> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ASSESSMENT_COLUMNS
                      + " FROM assessments WHERE subject_id = ? AND owner_org = ? ORDER BY id")) {
            ps.setString(1, subjectId);
            ps.setString(2, viewer.orgId());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(assessment(rs));
              }
            }
          }
          return out;
        });
  }

  /** Marks a row of {@code table} undone, if it is in force and belongs to {@code by}'s org. */
  private void undo(String table, long id, Viewer by, String what) {
    requireNonNull(by, "by");
    Instant now = db.now();
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET undone_by = ?, undone_at = ?"
                      + " WHERE id = ? AND owner_org = ? AND undone_at IS NULL")) {
            ps.setString(1, by.username());
            Database.setInstant(ps, 2, now);
            ps.setLong(3, id);
            ps.setString(4, by.orgId());
            if (ps.executeUpdate() == 0) {
              // Another organisation's row is answered like one that does not exist.
              throw new NoSuchElementException("there is no " + what + " " + id + " in force");
            }
          }
          return null;
        });
  }

  private long insert(String sql, Object... values) {
    return db.inTransaction(c -> insert(c, sql, values));
  }

  private static long insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof Instant t) {
          Database.setInstant(ps, i + 1, t);
        } else if (values[i] instanceof Integer n) {
          ps.setInt(i + 1, n);
        } else {
          ps.setString(i + 1, (String) values[i]);
        }
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new row");
        }
        return keys.getLong(1);
      }
    }
  }

  private static List<Grade> grades(Connection c, String sql, Object... values)
      throws SQLException {
    List<Grade> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof Long n) {
          ps.setLong(i + 1, n);
        } else {
          ps.setString(i + 1, (String) values[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Grade(
                  rs.getLong(1),
                  Grade.Target.of(rs.getString(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  Database.getInstant(rs, 8),
                  Optional.ofNullable(rs.getString(9)),
                  Optional.ofNullable(Database.getInstant(rs, 10))));
        }
      }
    }
    return out;
  }

  private static DeclaredLink declaredLink(ResultSet rs) throws SQLException {
    return new DeclaredLink(
        rs.getLong(1),
        new OriginLink(rs.getString(2), LinkKind.parse(rs.getString(3)), rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Database.getInstant(rs, 8),
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(Database.getInstant(rs, 10)));
  }

  private static Assessment assessment(ResultSet rs) throws SQLException {
    return new Assessment(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        Likelihood.parse(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        Database.getInstant(rs, 7),
        Optional.ofNullable(rs.getString(8)),
        Optional.ofNullable(Database.getInstant(rs, 9)));
  }

  private static void requireId(String id) {
    requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 256) {
      throw new InvalidValueException("'" + id + "' is not a source, claim or entity id");
    }
  }

  private static void requireText(String text, String what) {
    requireNonNull(text, what);
    if (text.length() > MAX_TEXT) {
      throw new InvalidValueException(
          "the " + what + " is " + text.length() + " chars long; the limit is " + MAX_TEXT);
    }
  }
}
