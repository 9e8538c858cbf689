/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Span;

/**
 * The network's rows: statement rows by record id, whoever may see them (the callers apply the
 * markings). Equal markings are shared between rows, since an answer reads many of a few.
 *
 * <p>Thread-safe.
 */
final class JdbcNetwork {
  private final Database db;
  private final Map<String, Marking> markings = new ConcurrentHashMap<>();

  JdbcNetwork(Database db) {
    this.db = requireNonNull(db, "db");
  }

  /** The statements of these records, whoever may see them; the caller applies the markings. */
  List<StatementRow> rows(Collection<String> recordIds) {
    return select(recordIds, false);
  }

  /**
   * Like {@link #rows}, with values other than names, titles and descriptions left null (a list
   * entity has many, and a node shows none of them).
   */
  List<StatementRow> captionRows(Collection<String> recordIds) {
    return select(recordIds, true);
  }

  private List<StatementRow> select(Collection<String> recordIds, boolean captionsOnly) {
    if (recordIds.isEmpty()) {
      return List.of();
    }
    String columns =
        captionsOnly
            ? StatementRow.COLUMNS.replace(
                "value_text",
                "CASE WHEN property IN ('name', 'title', 'description') THEN value_text END")
            : StatementRow.COLUMNS;
    return db.read(
        c -> {
          List<StatementRow> out = new ArrayList<>();
          for (List<String> chunk : JdbcStatementRepository.chunks(recordIds)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT "
                        + columns
                        + " FROM statements WHERE entity_id IN ("
                        + JdbcStatementRepository.placeholders(chunk.size())
                        + ")")) {
              JdbcStatementRepository.bindAll(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(row(rs));
                }
              }
            }
          }
          return out;
        });
  }

  private StatementRow row(ResultSet rs) throws SQLException {
    int spanStart = rs.getInt(7);
    Optional<Span> span =
        rs.wasNull() ? Optional.empty() : Optional.of(new Span(spanStart, rs.getInt(8)));
    int grade = rs.getInt(11);
    OptionalInt credibility = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(grade);
    String key =
        rs.getString(12)
            + '\u001f'
            + rs.getString(13)
            + '\u001f'
            + rs.getString(14)
            + '\u001f'
            + rs.getString(15);
    Marking marking = markings.get(key);
    if (marking == null) {
      marking = Rows.marking(rs, 12);
      markings.put(key, marking);
    }
    return new StatementRow(
        rs.getString(1),
        rs.getString(2),
        Schema.expect(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        span,
        rs.getString(9),
        rs.getDouble(10),
        credibility,
        marking);
  }
}
