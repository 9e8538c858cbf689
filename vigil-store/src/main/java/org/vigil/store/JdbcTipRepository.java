/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;

/** Tips in the {@code tips}, {@code tip_messages} and {@code tip_attachments} tables. */
final class JdbcTipRepository implements TipRepository {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TIP_COLUMNS = "id, owner_org, received_on, status, priority";
  private static final int MAX_ID = 64;
  private static final String RELEASED_FILE_COLUMNS =
      "id, document_id, tip_id, seq, media_type, size_bytes, tlp, owner_org, named_users,"
          + " restricted_orgs";

  private final Database db;

  JdbcTipRepository(Database db) {
    this.db = db;
  }

  @Override
  public boolean submit(NewTip tip) {
    requireNonNull(tip, "tip");
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    String id = "tip-" + HexFormat.of().formatHex(bytes);
    try {
      db.inTransaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO tips (id, locator, receipt_salt, receipt_verifier, tipster_key,"
                        + " received_on, status, priority, audited, owner_org)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, FALSE, ?)")) {
              ps.setString(1, id);
              ps.setString(2, tip.locator());
              ps.setString(3, tip.salt());
              ps.setString(4, tip.verifier());
              ps.setString(5, tip.tipsterKey());
              ps.setObject(6, tip.receivedOn());
              ps.setString(7, Status.NEW.code());
              ps.setString(8, tip.ownerOrg());
              ps.executeUpdate();
            }
            insertMessage(c, id, 1, Author.TIPSTER, tip.receivedOn(), tip.sealedText(), null);
            insertOriginals(c, id, 1, tip.receivedOn(), tip.originals());
            return null;
          });
      return true;
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<ReceiptCheck> byLocator(String locator) {
    if (locator == null || locator.isEmpty() || locator.length() > 16) {
      return Optional.empty();
    }
    return first(
        "SELECT id, receipt_salt, receipt_verifier, tipster_key FROM tips WHERE locator = ?",
        ps -> ps.setString(1, locator),
        rs -> new ReceiptCheck(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  @Override
  public Optional<String> tipsterKey(String tipId) {
    if (badId(tipId)) {
      return Optional.empty();
    }
    return first(
        "SELECT tipster_key FROM tips WHERE id = ?",
        ps -> ps.setString(1, tipId),
        rs -> rs.getString(1));
  }

  @Override
  public void addMessage(
      String tipId, Author author, LocalDate on, byte[] sealed, Optional<byte[]> sealedForTipster) {
    requireNonNull(tipId, "tipId");
    requireNonNull(author, "author");
    requireNonNull(on, "on");
    requireNonNull(sealed, "sealed");
    db.inTransaction(
        c -> {
          int next = nextSeq(c, "tip_messages", tipId);
          insertMessage(c, tipId, next, author, on, sealed, sealedForTipster.orElse(null));
          return null;
        });
  }

  @Override
  public void addOriginals(String tipId, LocalDate on, List<SealedOriginal> originals) {
    requireNonNull(tipId, "tipId");
    requireNonNull(on, "on");
    if (originals.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          insertOriginals(c, tipId, nextSeq(c, "tip_attachments", tipId), on, originals);
          return null;
        });
  }

  private static int nextSeq(Connection c, String table, String tipId) throws SQLException {
    // Locks the tip's row so two additions to one thread cannot take the same number.
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tips WHERE id = ? FOR UPDATE")) {
      ps.setString(1, tipId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no tip " + tipId);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM " + table + " WHERE tip_id = ?")) {
      ps.setString(1, tipId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) + 1;
      }
    }
  }

  private static void insertMessage(
      Connection c,
      String tipId,
      int seq,
      Author author,
      LocalDate on,
      byte[] sealed,
      byte[] sealedForTipster)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tip_messages (tip_id, seq, author, received_on, sealed,"
                + " sealed_for_tipster) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, tipId);
      ps.setInt(2, seq);
      ps.setString(3, author.code());
      ps.setObject(4, on);
      ps.setBytes(5, sealed);
      if (sealedForTipster == null) {
        ps.setNull(6, Types.BINARY);
      } else {
        ps.setBytes(6, sealedForTipster);
      }
      ps.executeUpdate();
    }
  }

  private static void insertOriginals(
      Connection c, String tipId, int firstSeq, LocalDate on, List<SealedOriginal> originals)
      throws SQLException {
    int seq = firstSeq;
    for (SealedOriginal o : originals) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO tip_attachments (tip_id, seq, received_on, size_bytes, sealed_original,"
                  + " media_type, sealed_working_copy, working_copy_note)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, tipId);
        ps.setInt(2, seq++);
        ps.setObject(3, on);
        ps.setLong(4, o.sizeBytes());
        ps.setBytes(5, o.sealed());
        ps.setString(6, o.mediaType().orElse(null));
        if (o.sealedWorkingCopy().isPresent()) {
          ps.setBytes(7, o.sealedWorkingCopy().get());
        } else {
          ps.setNull(7, Types.BINARY);
        }
        ps.setString(8, o.note());
        ps.executeUpdate();
      }
    }
  }

  @Override
  public List<Tip> queue(String ownerOrg) {
    requireNonNull(ownerOrg, "ownerOrg");
    return list(
        "SELECT "
            + TIP_COLUMNS
            + " FROM tips WHERE status = 'new' AND owner_org = ?"
            + " ORDER BY priority DESC, received_on DESC, id",
        ps -> ps.setString(1, ownerOrg),
        JdbcTipRepository::tip);
  }

  @Override
  public Optional<Tip> find(String tipId) {
    if (badId(tipId)) {
      return Optional.empty();
    }
    return first(
        "SELECT " + TIP_COLUMNS + " FROM tips WHERE id = ?",
        ps -> ps.setString(1, tipId),
        JdbcTipRepository::tip);
  }

  private static Tip tip(ResultSet rs) throws SQLException {
    return new Tip(
        rs.getString(1),
        rs.getString(2),
        rs.getObject(3, LocalDate.class),
        Status.parse(rs.getString(4)),
        rs.getInt(5));
  }

  @Override
  public List<Message> messages(String tipId) {
    requireNonNull(tipId, "tipId");
    return list(
        "SELECT seq, author, received_on, sealed, sealed_for_tipster FROM tip_messages"
            + " WHERE tip_id = ? ORDER BY seq",
        ps -> ps.setString(1, tipId),
        rs ->
            new Message(
                rs.getInt(1),
                Author.parse(rs.getString(2)),
                rs.getObject(3, LocalDate.class),
                rs.getBytes(4),
                Optional.ofNullable(rs.getBytes(5))));
  }

  @Override
  public List<Attachment> attachments(String tipId) {
    requireNonNull(tipId, "tipId");
    return list(
        "SELECT seq, received_on, size_bytes, media_type, CASE WHEN"
            + " sealed_working_copy IS NULL THEN 0 ELSE 1 END, working_copy_note"
            + " FROM tip_attachments WHERE tip_id = ? ORDER BY seq",
        ps -> ps.setString(1, tipId),
        rs ->
            new Attachment(
                rs.getInt(1),
                rs.getObject(2, LocalDate.class),
                rs.getLong(3),
                Optional.ofNullable(rs.getString(4)),
                rs.getInt(5) == 1,
                rs.getString(6)));
  }

  @Override
  public Optional<byte[]> sealedOriginal(String tipId, int seq) {
    return bytes("sealed_original", tipId, seq);
  }

  @Override
  public Optional<byte[]> sealedWorkingCopy(String tipId, int seq) {
    return bytes("sealed_working_copy", tipId, seq);
  }

  private Optional<byte[]> bytes(String column, String tipId, int seq) {
    if (badId(tipId)) {
      return Optional.empty();
    }
    return first(
        "SELECT " + column + " FROM tip_attachments WHERE tip_id = ? AND seq = ?",
        ps -> {
          ps.setString(1, tipId);
          ps.setInt(2, seq);
        },
        rs -> rs.getBytes(1));
  }

  @Override
  public boolean setPriority(String tipId, int priority) {
    requireNonNull(tipId, "tipId");
    if (priority < 0 || priority > 3) {
      throw new IllegalArgumentException("tip priority " + priority + " is outside 0..3");
    }
    return db.inTransaction(
            c ->
                update(
                    c,
                    "UPDATE tips SET priority = ? WHERE id = ?",
                    ps -> {
                      ps.setInt(1, priority);
                      ps.setString(2, tipId);
                    }))
        == 1;
  }

  @Override
  public Map<LocalDate, List<String>> unaudited() {
    return db.read(
        c -> {
          Map<LocalDate, List<String>> found = new TreeMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT received_on, id FROM tips WHERE NOT audited ORDER BY received_on, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              found
                  .computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new ArrayList<>())
                  .add(rs.getString(2));
            }
          }
          return found;
        });
  }

  @Override
  public void markAudited(Set<String> tipIds) {
    if (tipIds.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          batchById(c, "UPDATE tips SET audited = TRUE WHERE id = ?", tipIds);
          return null;
        });
  }

  @Override
  public List<Untriaged> untriaged(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit);
    }
    return db.read(
        c -> {
          List<Untriaged> found = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT t.id, t.owner_org, (SELECT COUNT(*) FROM tip_messages m"
                      + " WHERE m.tip_id = t.id AND m.author = 'tipster') AS n, g.messages"
                      + " FROM tips t LEFT JOIN tip_triage g ON g.tip_id = t.id"
                      + " WHERE t.status = 'new' ORDER BY t.received_on, t.id")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && found.size() < limit) {
                int n = rs.getInt(3);
                int read = rs.getInt(4);
                boolean never = rs.wasNull();
                if (n >= 1 && (never || read < n)) {
                  found.add(new Untriaged(rs.getString(1), rs.getString(2), n));
                }
              }
            }
          }
          return found;
        });
  }

  @Override
  public boolean saveTriage(SealedTriage triage) {
    requireNonNull(triage, "triage");
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tips WHERE id = ?")) {
            ps.setString(1, triage.tipId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return false;
              }
            }
          }
          update(
              c, "DELETE FROM tip_triage WHERE tip_id = ?", ps -> ps.setString(1, triage.tipId()));
          update(
              c,
              "INSERT INTO tip_triage (tip_id, messages, sealed) VALUES (?, ?, ?)",
              ps -> {
                ps.setString(1, triage.tipId());
                ps.setInt(2, triage.messages());
                ps.setBytes(3, triage.sealed());
              });
          return true;
        });
  }

  @Override
  public List<SealedTriage> triages(String ownerOrg) {
    requireNonNull(ownerOrg, "ownerOrg");
    return list(
        "SELECT g.tip_id, g.messages, g.sealed FROM tip_triage g"
            + " JOIN tips t ON t.id = g.tip_id WHERE t.owner_org = ?"
            + " ORDER BY t.received_on, t.id",
        ps -> ps.setString(1, ownerOrg),
        JdbcTipRepository::sealedTriage);
  }

  @Override
  public Optional<SealedTriage> triage(String tipId) {
    if (badId(tipId)) {
      return Optional.empty();
    }
    return first(
        "SELECT tip_id, messages, sealed FROM tip_triage WHERE tip_id = ?",
        ps -> ps.setString(1, tipId),
        JdbcTipRepository::sealedTriage);
  }

  private static SealedTriage sealedTriage(ResultSet rs) throws SQLException {
    return new SealedTriage(rs.getString(1), rs.getInt(2), rs.getBytes(3));
  }

  @Override
  public boolean release(String tipId, String caseId, String tlp) {
    requireNonNull(tipId, "tipId");
    requireNonNull(caseId, "caseId");
    requireNonNull(tlp, "tlp");
    return db.inTransaction(
            c ->
                update(
                    c,
                    "UPDATE tips SET status = 'released', released_case = ?, released_tlp = ?"
                        + " WHERE id = ? AND status = 'new'",
                    ps -> {
                      ps.setString(1, caseId);
                      ps.setString(2, tlp);
                      ps.setString(3, tipId);
                    }))
        == 1;
  }

  @Override
  public void keepReleasedFiles(List<ReleasedFile> files, List<byte[]> contents) {
    if (files.size() != contents.size()) {
      throw new IllegalArgumentException(
          files.size() + " released files with " + contents.size() + " contents");
    }
    if (files.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tip_released_files (id, document_id, tip_id, seq, media_type,"
                      + " size_bytes, tlp, owner_org, named_users, restricted_orgs, content)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < files.size(); i++) {
              ReleasedFile f = files.get(i);
              Rows.markingProblem(f.marking())
                  .ifPresent(
                      p -> {
                        throw new IllegalArgumentException(p);
                      });
              ps.setString(1, f.id());
              ps.setString(2, f.documentId());
              ps.setString(3, f.tipId());
              ps.setInt(4, f.seq());
              ps.setString(5, f.mediaType());
              ps.setLong(6, f.sizeBytes());
              Rows.bindMarking(ps, 7, f.marking());
              ps.setBytes(11, contents.get(i));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<ReleasedFile> releasedFiles(String documentId, Viewer viewer) {
    requireNonNull(documentId, "documentId");
    requireNonNull(viewer, "viewer");
    List<ReleasedFile> found =
        list(
            "SELECT "
                + RELEASED_FILE_COLUMNS
                + " FROM tip_released_files WHERE document_id = ? ORDER BY tip_id, seq",
            ps -> ps.setString(1, documentId),
            JdbcTipRepository::releasedFile);
    found.removeIf(f -> !MarkingPolicy.canSee(viewer, f.marking()));
    return found;
  }

  @Override
  public Optional<byte[]> releasedFile(String documentId, String fileId, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (documentId == null || fileId == null || fileId.isEmpty() || fileId.length() > MAX_ID) {
      return Optional.empty();
    }
    return first(
        "SELECT "
            + RELEASED_FILE_COLUMNS
            + ", content FROM tip_released_files WHERE id = ? AND document_id = ?",
        ps -> {
          ps.setString(1, fileId);
          ps.setString(2, documentId);
        },
        rs -> MarkingPolicy.canSee(viewer, releasedFile(rs).marking()) ? rs.getBytes(11) : null);
  }

  private static ReleasedFile releasedFile(ResultSet rs) throws SQLException {
    return new ReleasedFile(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getLong(6),
        Rows.marking(rs, 7));
  }

  @Override
  public Optional<Release> released(String tipId) {
    if (badId(tipId)) {
      return Optional.empty();
    }
    return first(
        "SELECT released_case, released_tlp FROM tips WHERE id = ? AND status = 'released'",
        ps -> ps.setString(1, tipId),
        rs -> rs.getString(1) == null ? null : new Release(rs.getString(1), rs.getString(2)));
  }

  @Override
  public List<String> deleteExpired(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("a retention of " + days + " days");
    }
    return db.inTransaction(
        c -> {
          LocalDate today;
          // The database's date, not this node's: every node sweeping one database agrees.
          try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_DATE");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            today = rs.getObject(1, LocalDate.class);
          }
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM tips WHERE status <> 'released' AND received_on < ?"
                      + " ORDER BY id")) {
            ps.setObject(1, today.minusDays(days));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          for (String table : List.of("tip_triage", "tips")) {
            batchById(
                c,
                "DELETE FROM "
                    + table
                    + (table.equals("tips") ? " WHERE id = ?" : " WHERE tip_id = ?"),
                ids);
          }
          return ids;
        });
  }

  /** Whether {@code id} cannot be a tip's (missing, empty, too long): looked up as none. */
  private static boolean badId(String id) {
    return id == null || id.isEmpty() || id.length() > MAX_ID;
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binding {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Maps the current row of a result; {@code null} where the row counts as none. */
  @FunctionalInterface
  private interface Row<T> {
    T of(ResultSet rs) throws SQLException;
  }

  /** Every row of {@code sql}, in the order it gives them. */
  private <T> List<T> list(String sql, Binding binding, Row<T> row) {
    return db.read(
        c -> {
          List<T> found = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binding.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(row.of(rs));
              }
            }
          }
          return found;
        });
  }

  /** The first row of {@code sql}; empty where there is none or it maps to {@code null}. */
  private <T> Optional<T> first(String sql, Binding binding, Row<T> row) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binding.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(row.of(rs)) : Optional.<T>empty();
            }
          }
        });
  }

  /** Runs one update; the number of rows it changed. */
  private static int update(Connection c, String sql, Binding binding) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binding.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Runs {@code sql}, whose one parameter is an id, once for each of {@code ids}, as a batch. */
  private static void batchById(Connection c, String sql, Iterable<String> ids)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (String id : ids) {
        ps.setString(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
