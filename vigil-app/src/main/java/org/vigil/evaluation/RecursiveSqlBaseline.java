/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import org.vigil.access.Viewer;

/**
 * The baseline the store's graph queries are compared with: the same questions asked of the same
 * statements on PostgreSQL as recursive SQL ({@code WITH RECURSIVE}), markings checked in SQL as
 * {@link org.vigil.access.MarkingPolicy} does (each hop's statements and each reached node's).
 * Answers are node ids only, without the evidence the store's answers carry.
 */
final class RecursiveSqlBaseline implements AutoCloseable {
  private final Connection connection;
  private final String visibleHop;

  RecursiveSqlBaseline(String url, Optional<String> user, Optional<String> password, Viewer viewer)
      throws SQLException {
    Properties properties = new Properties();
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    this.connection = DriverManager.getConnection(url, properties);
    this.visibleHop =
        visible("s", viewer)
            + " AND "
            + visible("o", viewer)
            + " AND EXISTS (SELECT 1 FROM statements n WHERE n.entity_id = o.ref_id AND "
            + visible("n", viewer)
            + ")";
  }

  /** The marking rule as SQL over alias {@code a}; the viewer's ids are quoted literals. */
  static String visible(String a, Viewer viewer) {
    String org = quote(viewer.orgId());
    StringBuilder orgs = new StringBuilder(org);
    for (String partner : viewer.partnerOrgs()) {
      orgs.append(", ").append(quote(partner));
    }
    return "("
        + ("("
            + a
            + ".restricted_orgs = '' OR ',' || "
            + a
            + ".restricted_orgs || ',' LIKE "
            + quote("%," + viewer.orgId() + ",%")
            + ")")
        + " AND ("
        + a
        + ".tlp IN ('CLEAR', 'GREEN')"
        + " OR ("
        + a
        + ".tlp = 'AMBER' AND "
        + a
        + ".owner_org IN ("
        + orgs
        + "))"
        + " OR ("
        + a
        + ".tlp = 'AMBER_STRICT' AND "
        + a
        + ".owner_org = "
        + org
        + ")"
        + " OR ("
        + a
        + ".tlp = 'RED' AND ',' || "
        + a
        + ".named_users || ',' LIKE "
        + quote("%," + viewer.userId() + ",%")
        + ")))";
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** One hop of the walk: from node w.node across a visible link to its other, visible end. */
  private String hop() {
    return " FROM walk w"
        + " JOIN statement_refs r ON r.ref_id = w.node"
        + " JOIN statements s ON s.entity_id = r.entity_id AND s.id = r.statement_id"
        + " JOIN statements o ON o.entity_id = r.entity_id AND o.ref_id IS NOT NULL"
        + " AND o.ref_id <> w.node"
        + " WHERE w.depth < ? AND "
        + visibleHop;
  }

  /** The distinct nodes within two hops of {@code start}. */
  int twoHop(String start) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "WITH RECURSIVE walk(node, depth) AS ("
                + " SELECT CAST(? AS VARCHAR(128)), 0"
                + " UNION SELECT o.ref_id, w.depth + 1"
                + hop()
                + ") SELECT COUNT(DISTINCT node) FROM walk")) {
      ps.setString(1, start);
      ps.setInt(2, 2);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * The fewest links from {@code from} to {@code to}, walking at most {@code maxDepth} links (the
   * length the store found, which helps the SQL: it need not search deeper); -1 when not reached.
   */
  int distance(String from, String to, int maxDepth) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "WITH RECURSIVE walk(node, depth) AS ("
                + " SELECT CAST(? AS VARCHAR(128)), 0"
                + " UNION SELECT o.ref_id, w.depth + 1"
                + hop()
                + ") SELECT MIN(depth) FROM walk WHERE node = ?")) {
      ps.setString(1, from);
      ps.setInt(2, maxDepth);
      ps.setString(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int depth = rs.getInt(1);
        return rs.wasNull() ? -1 : depth;
      }
    }
  }

  /** Gathers the planner's statistics on the tables the queries read. */
  void analyze() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("ANALYZE statements");
      s.execute("ANALYZE statement_refs");
    }
  }

  /** Cancels any query that runs longer than this. */
  void timeout(int seconds) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET statement_timeout = " + (seconds * 1000));
    }
  }

  /** Timings of both queries: {@code pairs} and {@code lengths} are those the store answered. */
  record Timings(
      Percentiles twoHop, int twoHopRuns, Percentiles paths, int pathRuns, int timeouts) {}

  Timings run(
      NetworkBenchmark.Generated g,
      int runs,
      int pathRuns,
      long seed,
      List<String[]> pairs,
      List<Integer> lengths)
      throws SQLException {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < Math.min(20, runs); i++) {
      twoHop(NetworkBenchmark.visibleNode(g, random));
    }
    Percentiles twoHop = new Percentiles();
    for (int i = 0; i < runs; i++) {
      String start = NetworkBenchmark.visibleNode(g, random);
      long t = System.nanoTime();
      twoHop(start);
      twoHop.add(System.nanoTime() - t);
    }
    Percentiles paths = new Percentiles();
    int timeouts = 0;
    int done = 0;
    for (int i = 0; i < pairs.size() && done < pathRuns; i++) {
      if (lengths.get(i) < 0) {
        continue;
      }
      long t = System.nanoTime();
      try {
        distance(pairs.get(i)[0], pairs.get(i)[1], lengths.get(i));
      } catch (SQLException e) {
        if (!"57014".equals(e.getSQLState())) {
          throw e;
        }
        // Cancelled by statement_timeout: counted at the timeout, as a lower bound.
        timeouts++;
      }
      paths.add(System.nanoTime() - t);
      done++;
    }
    return new Timings(twoHop, runs, paths, done, timeouts);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
