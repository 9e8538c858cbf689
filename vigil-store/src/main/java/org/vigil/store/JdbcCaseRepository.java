/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;

final class JdbcCaseRepository implements CaseRepository {
  private static final String CASE_COLUMNS =
      "id, title, tlp, owner_org, owner_user, status, created_at, updated_at";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;

  JdbcCaseRepository(Database db) {
    this.db = db;
  }

  @Override
  public StoredCase create(String title, Tlp tlp, Viewer owner) {
    requireNonNull(tlp, "tlp");
    requireNonNull(owner, "owner");
    String checked = StoredCase.checkedTitle(title);
    // Random, not a sequence: a case id says nothing of how many cases others have.
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    String id = "case-" + HexFormat.of().formatHex(bytes);
    Instant now = Database.stored(Instant.now());
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cases (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, checked);
            ps.setString(3, tlp.name());
            ps.setString(4, owner.orgId());
            ps.setString(5, owner.userId());
            ps.setString(6, StoredCase.Status.OPEN.code());
            Database.setInstant(ps, 7, now);
            Database.setInstant(ps, 8, now);
            ps.executeUpdate();
          }
          return null;
        });
    return new StoredCase(
        id,
        checked,
        tlp,
        owner.orgId(),
        owner.userId(),
        StoredCase.Status.OPEN,
        now,
        now,
        List.of());
  }

  @Override
  public Optional<StoredCase> find(String id, Viewer viewer) {
    requireNonNull(viewer, "viewer");
    if (id == null || id.isBlank() || id.length() > 64) {
      return Optional.empty();
    }
    return db
        .read(c -> cases(c, "SELECT " + CASE_COLUMNS + " FROM cases WHERE id = ?", List.of(id)))
        .stream()
        .filter(k -> k.readableBy(viewer))
        .findFirst();
  }

  @Override
  public List<StoredCase> readableBy(Viewer viewer) {
    requireNonNull(viewer, "viewer");
    List<StoredCase> found =
        viewer.isSystem()
            ? db.read(
                c ->
                    cases(
                        c,
                        "SELECT " + CASE_COLUMNS + " FROM cases ORDER BY updated_at DESC, id",
                        List.of()))
            : db.read(
                c ->
                    cases(
                        c,
                        "SELECT "
                            + CASE_COLUMNS
                            + " FROM cases WHERE owner_user = ? OR id IN (SELECT case_id FROM"
                            + " case_members WHERE (member_kind = 'user' AND member_id = ?)"
                            + " OR (member_kind = 'org' AND member_id = ?))"
                            + " ORDER BY updated_at DESC, id",
                        List.of(viewer.userId(), viewer.userId(), viewer.orgId())));
    return found.stream().filter(k -> k.readableBy(viewer)).toList();
  }

  private static List<StoredCase> cases(Connection c, String sql, List<String> values)
      throws SQLException {
    record Row(
        String id,
        String title,
        Tlp tlp,
        String ownerOrg,
        String ownerUser,
        StoredCase.Status status,
        Instant createdAt,
        Instant updatedAt) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        ps.setString(i + 1, values.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  Tlp.valueOf(rs.getString(3)),
                  rs.getString(4),
                  rs.getString(5),
                  StoredCase.Status.parse(rs.getString(6)),
                  Database.getInstant(rs, 7),
                  Database.getInstant(rs, 8)));
        }
      }
    }
    List<StoredCase> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new StoredCase(
              r.id(),
              r.title(),
              r.tlp(),
              r.ownerOrg(),
              r.ownerUser(),
              r.status(),
              r.createdAt(),
              r.updatedAt(),
              members(c, r.id())));
    }
    return out;
  }

  private static List<CaseMember> members(Connection c, String caseId) throws SQLException {
    List<CaseMember> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT member_kind, member_id, rights, added_by, added_at FROM case_members"
                + " WHERE case_id = ? ORDER BY added_at, member_kind, member_id")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CaseMember(
                  CaseMember.Kind.parse(rs.getString(1)),
                  rs.getString(2),
                  CaseMember.Rights.parse(rs.getString(3)),
                  rs.getString(4),
                  Database.getInstant(rs, 5)));
        }
      }
    }
    return out;
  }

  @Override
  public void putMember(String caseId, CaseMember member) {
    requireNonNull(member, "member");
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM case_members WHERE case_id = ? AND member_kind = ?"
                      + " AND member_id = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, member.kind().code());
            ps.setString(3, member.memberId());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO case_members (case_id, member_kind, member_id, rights, added_by,"
                      + " added_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseId);
            ps.setString(2, member.kind().code());
            ps.setString(3, member.memberId());
            ps.setString(4, member.rights().code());
            ps.setString(5, member.addedBy());
            Database.setInstant(ps, 6, Database.stored(member.addedAt()));
            ps.executeUpdate();
          }
          touch(c, caseId);
          return null;
        });
  }

  @Override
  public boolean removeMember(String caseId, CaseMember.Kind kind, String memberId) {
    return update(
        "DELETE FROM case_members WHERE case_id = ? AND member_kind = ? AND member_id = ?",
        caseId,
        kind.code(),
        memberId);
  }

  @Override
  public List<String> addItems(
      String caseId, CaseItem.Kind kind, Collection<String> ids, String by) {
    requireNonNull(kind, "kind");
    requireNonNull(by, "by");
    Instant now = Database.stored(Instant.now());
    Set<String> wanted = new LinkedHashSet<>(ids);
    wanted.forEach(id -> new CaseItem(kind, id, by, now)); // validates each id
    return db.inTransaction(
        c -> {
          Set<String> held = new LinkedHashSet<>();
          int total = 0;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT item_kind, item_id FROM case_items WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                total++;
                if (rs.getString(1).equals(kind.code())) {
                  held.add(rs.getString(2));
                }
              }
            }
          }
          List<String> added = wanted.stream().filter(id -> !held.contains(id)).toList();
          if (total + added.size() > MAX_ITEMS) {
            throw new InvalidValueException(
                "a case holds at most "
                    + MAX_ITEMS
                    + " items; adding "
                    + added.size()
                    + " would pass that");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO case_items (case_id, item_kind, item_id, added_by, added_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (String id : added) {
              ps.setString(1, caseId);
              ps.setString(2, kind.code());
              ps.setString(3, id);
              ps.setString(4, by);
              Database.setInstant(ps, 5, now);
              ps.addBatch();
            }
            if (!added.isEmpty()) {
              ps.executeBatch();
            }
          }
          touch(c, caseId);
          return added;
        });
  }

  @Override
  public boolean removeItem(String caseId, CaseItem.Kind kind, String itemId) {
    return update(
        "DELETE FROM case_items WHERE case_id = ? AND item_kind = ? AND item_id = ?",
        caseId,
        kind.code(),
        itemId);
  }

  @Override
  public List<CaseItem> items(String caseId) {
    return db.read(
        c -> {
          List<CaseItem> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT item_kind, item_id, added_by, added_at FROM case_items"
                      + " WHERE case_id = ? ORDER BY added_at, item_kind, item_id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new CaseItem(
                        CaseItem.Kind.parse(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        Database.getInstant(rs, 4)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public CaseNote addNote(String caseId, String body, Tlp tlp, Viewer author) {
    requireNonNull(tlp, "tlp");
    requireNonNull(author, "author");
    String checked = CaseNote.checkedBody(body);
    Instant now = Database.stored(Instant.now());
    long id =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT COUNT(*) FROM case_notes WHERE case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  if (rs.getLong(1) >= MAX_NOTES) {
                    throw new InvalidValueException("a case holds at most " + MAX_NOTES + " notes");
                  }
                }
              }
              long key;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO case_notes (case_id, body, tlp, owner_org, author_id,"
                          + " author_name, written_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      new String[] {"id"})) {
                ps.setString(1, caseId);
                ps.setString(2, checked);
                ps.setString(3, tlp.name());
                ps.setString(4, author.orgId());
                ps.setString(5, author.userId());
                ps.setString(6, author.username());
                Database.setInstant(ps, 7, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new note");
                  }
                  key = keys.getLong(1);
                }
              }
              touch(c, caseId);
              return key;
            });
    return new CaseNote(
        id, caseId, checked, tlp, author.orgId(), author.userId(), author.username(), now);
  }

  @Override
  public List<CaseNote> notes(String caseId) {
    return db.read(
        c -> {
          List<CaseNote> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, case_id, body, tlp, owner_org, author_id, author_name, written_at"
                      + " FROM case_notes WHERE case_id = ? ORDER BY id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new CaseNote(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Tlp.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        Database.getInstant(rs, 8)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void setStatus(String caseId, StoredCase.Status status) {
    requireNonNull(status, "status");
    update("UPDATE cases SET status = ? WHERE id = ?", status.code(), caseId);
    db.inTransaction(
        c -> {
          touch(c, caseId);
          return null;
        });
  }

  @Override
  public boolean delete(String caseId) {
    return update("DELETE FROM cases WHERE id = ?", caseId);
  }

  private boolean update(String sql, String... values) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              ps.setString(i + 1, values[i]);
            }
            return ps.executeUpdate() > 0;
          }
        });
  }

  private static void touch(Connection c, String caseId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE cases SET updated_at = ? WHERE id = ?")) {
      Database.setInstant(ps, 1, Database.stored(Instant.now()));
      ps.setString(2, caseId);
      ps.executeUpdate();
    }
  }
}
