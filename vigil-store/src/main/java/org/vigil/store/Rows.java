/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vigil.model.Credibility;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Span;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/** How statements, sources and markings map to table columns, both ways. */
final class Rows {
  private Rows() {}

  /** The statement columns, in the order {@link #bindStatement} and {@link #statement} use. */
  static final String STATEMENT_COLUMNS =
      "id, entity_id, schema_name, property, value_text, ref_id, source_id, span_start, span_end,"
          + " extractor, confidence, credibility, tlp, owner_org, named_users, restricted_orgs,"
          + " first_seen, last_seen";

  static final int STATEMENT_COLUMN_COUNT = 18;

  static final String SOURCE_COLUMNS =
      "id, kind, title, reliability, tlp, owner_org, named_users, restricted_orgs, uri,"
          + " content_hash, retrieved_at";

  static final int SOURCE_COLUMN_COUNT = 11;

  /** Marking sets are joined with this; ids that contain it are refused before writing. */
  static final String SEPARATOR = ",";

  static void bindStatement(PreparedStatement ps, Statement s) throws SQLException {
    ps.setString(1, s.id());
    ps.setString(2, s.entityId());
    ps.setString(3, s.schema().ftmName());
    ps.setString(4, s.property());
    ps.setString(5, s.value());
    if (s.isReference()) {
      ps.setString(6, s.value());
    } else {
      ps.setNull(6, Types.VARCHAR);
    }
    ps.setString(7, s.sourceId());
    if (s.span().isPresent()) {
      ps.setInt(8, s.span().get().start());
      ps.setInt(9, s.span().get().end());
    } else {
      ps.setNull(8, Types.INTEGER);
      ps.setNull(9, Types.INTEGER);
    }
    ps.setString(10, s.extractor());
    ps.setDouble(11, s.confidence());
    if (s.credibility().isPresent()) {
      ps.setShort(12, (short) s.credibility().get().grade());
    } else {
      ps.setNull(12, Types.SMALLINT);
    }
    bindMarking(ps, 13, s.marking());
    Database.setMicros(ps, 17, s.firstSeen());
    Database.setMicros(ps, 18, s.lastSeen());
  }

  /** Reads a statement from the current row, selected as {@link #STATEMENT_COLUMNS}. */
  static Statement statement(ResultSet rs) throws SQLException {
    int spanStart = rs.getInt(8);
    Optional<Span> span =
        rs.wasNull() ? Optional.empty() : Optional.of(new Span(spanStart, rs.getInt(9)));
    int grade = rs.getInt(12);
    Optional<Credibility> credibility =
        rs.wasNull() ? Optional.empty() : Optional.of(Credibility.ofGrade(grade));
    return new Statement(
        rs.getString(1),
        rs.getString(2),
        Schema.expect(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(7),
        span,
        rs.getString(10),
        rs.getDouble(11),
        credibility,
        marking(rs, 13),
        Database.getMicros(rs, 17),
        Database.getMicros(rs, 18));
  }

  static void bindSource(PreparedStatement ps, Source s) throws SQLException {
    ps.setString(1, s.id());
    ps.setString(2, s.kind().name());
    ps.setString(3, s.title());
    ps.setString(4, s.reliability().name());
    bindMarking(ps, 5, s.marking());
    ps.setString(9, s.uri().orElse(null));
    ps.setString(10, s.contentHash().orElse(null));
    Database.setInstant(ps, 11, s.retrievedAt());
  }

  /** Reads a source from the current row, selected as {@link #SOURCE_COLUMNS}. */
  static Source source(ResultSet rs) throws SQLException {
    return new Source(
        rs.getString(1),
        SourceKind.valueOf(rs.getString(2)),
        rs.getString(3),
        Reliability.valueOf(rs.getString(4)),
        marking(rs, 5),
        Optional.ofNullable(rs.getString(9)),
        Optional.ofNullable(rs.getString(10)),
        Database.getInstant(rs, 11));
  }

  /** Binds tlp, owner_org, named_users and restricted_orgs from {@code first} on. */
  static void bindMarking(PreparedStatement ps, int first, Marking m) throws SQLException {
    ps.setString(first, m.tlp().name());
    ps.setString(first + 1, m.ownerOrg());
    ps.setString(first + 2, String.join(SEPARATOR, m.namedUsers()));
    ps.setString(first + 3, String.join(SEPARATOR, m.restrictedToOrgs()));
  }

  /** Reads tlp, owner_org, named_users and restricted_orgs from column {@code first} on. */
  static Marking marking(ResultSet rs, int first) throws SQLException {
    return new Marking(
        Tlp.valueOf(rs.getString(first)),
        rs.getString(first + 1),
        split(rs.getString(first + 2)),
        split(rs.getString(first + 3)));
  }

  /** Whether a marking's ids survive being joined with {@link #SEPARATOR}. */
  static Optional<String> markingProblem(Marking m) {
    for (String id : m.namedUsers()) {
      if (id.contains(SEPARATOR)) {
        return Optional.of("named user id '" + id + "' contains a comma");
      }
    }
    for (String id : m.restrictedToOrgs()) {
      if (id.contains(SEPARATOR)) {
        return Optional.of("organisation id '" + id + "' contains a comma");
      }
    }
    return Optional.empty();
  }

  private static SortedSet<String> split(String joined) {
    TreeSet<String> out = new TreeSet<>();
    if (joined != null && !joined.isEmpty()) {
      for (String part : joined.split(SEPARATOR, -1)) {
        out.add(part);
      }
    }
    return out;
  }
}
