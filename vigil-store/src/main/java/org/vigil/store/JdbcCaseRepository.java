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
import org.vigil.claims.AchRating;
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
    Instant now = db.now();
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
          execute(
              c,
              "DELETE FROM case_members WHERE case_id = ? AND member_kind = ? AND member_id = ?",
              ps -> {
                ps.setString(1, caseId);
                ps.setString(2, member.kind().code());
                ps.setString(3, member.memberId());
              });
          execute(
              c,
              "INSERT INTO case_members (case_id, member_kind, member_id, rights, added_by,"
                  + " added_at) VALUES (?, ?, ?, ?, ?, ?)",
              ps -> {
                ps.setString(1, caseId);
                ps.setString(2, member.kind().code());
                ps.setString(3, member.memberId());
                ps.setString(4, member.rights().code());
                ps.setString(5, member.addedBy());
                Database.setInstant(ps, 6, Database.stored(member.addedAt()));
              });
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
    Instant now = db.now();
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
    Instant now = db.now();
    long id =
        db.inTransaction(
            c -> {
              if (count(c, "case_notes", caseId) >= MAX_NOTES) {
                throw new InvalidValueException("a case holds at most " + MAX_NOTES + " notes");
              }
              long key =
                  insert(
                      c,
                      "INSERT INTO case_notes (case_id, body, tlp, owner_org, author_id,"
                          + " author_name, written_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      ps -> {
                        ps.setString(1, caseId);
                        ps.setString(2, checked);
                        ps.setString(3, tlp.name());
                        ps.setString(4, author.orgId());
                        ps.setString(5, author.userId());
                        ps.setString(6, author.username());
                        Database.setInstant(ps, 7, now);
                      });
              touch(c, caseId);
              return key;
            });
    return new CaseNote(
        id,
        caseId,
        checked,
        tlp,
        author.orgId(),
        author.userId(),
        author.username(),
        now,
        Optional.empty());
  }

  @Override
  public List<CaseNote> notes(String caseId) {
    return db.read(
        c -> {
          List<CaseNote> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(NOTE_SELECT + " WHERE case_id = ? ORDER BY id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(note(rs, Optional.empty()));
              }
            }
          }
          java.util.Map<Long, String> editors = new java.util.HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT v.note_id, v.replaced_by FROM case_note_versions v"
                      + " JOIN case_notes n ON n.id = v.note_id WHERE n.case_id = ?"
                      + " ORDER BY v.note_id, v.version")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                editors.put(rs.getLong(1), rs.getString(2)); // the last version's replacer
              }
            }
          }
          return out.stream()
              .map(
                  n ->
                      editors.containsKey(n.id())
                          ? new CaseNote(
                              n.id(),
                              n.caseId(),
                              n.body(),
                              n.tlp(),
                              n.ownerOrg(),
                              n.authorId(),
                              n.authorName(),
                              n.writtenAt(),
                              Optional.of(editors.get(n.id())))
                          : n)
              .toList();
        });
  }

  private static final String NOTE_SELECT =
      "SELECT id, case_id, body, tlp, owner_org, author_id, author_name, written_at"
          + " FROM case_notes";

  private static CaseNote note(ResultSet rs, Optional<String> editedBy) throws SQLException {
    return new CaseNote(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        Tlp.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Database.getInstant(rs, 8),
        editedBy);
  }

  @Override
  public Optional<CaseNote> editNote(
      String caseId, long noteId, String body, Tlp tlp, Viewer editor) {
    requireNonNull(tlp, "tlp");
    requireNonNull(editor, "editor");
    String checked = CaseNote.checkedBody(body);
    Instant now = db.now();
    return db.inTransaction(
        c -> {
          Optional<CaseNote> old = Optional.empty();
          try (PreparedStatement ps =
              c.prepareStatement(NOTE_SELECT + " WHERE case_id = ? AND id = ? FOR UPDATE")) {
            ps.setString(1, caseId);
            ps.setLong(2, noteId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                old = Optional.of(note(rs, Optional.empty()));
              }
            }
          }
          if (old.isEmpty()) {
            return Optional.<CaseNote>empty();
          }
          CaseNote was = old.get();
          int version = 1;
          String writtenBy = was.authorName();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version, replaced_by FROM case_note_versions WHERE note_id = ?"
                      + " ORDER BY version")) {
            ps.setLong(1, noteId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                version = rs.getInt(1) + 1;
                writtenBy = rs.getString(2);
              }
            }
          }
          int replaced = version;
          String replacedBy = writtenBy;
          execute(
              c,
              "INSERT INTO case_note_versions (note_id, version, body, tlp, written_by,"
                  + " written_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
              ps -> {
                ps.setLong(1, noteId);
                ps.setInt(2, replaced);
                ps.setString(3, was.body());
                ps.setString(4, was.tlp().name());
                ps.setString(5, replacedBy);
                Database.setInstant(ps, 6, was.writtenAt());
                ps.setString(7, editor.username());
              });
          execute(
              c,
              "UPDATE case_notes SET body = ?, tlp = ?, written_at = ? WHERE id = ?",
              ps -> {
                ps.setString(1, checked);
                ps.setString(2, tlp.name());
                Database.setInstant(ps, 3, now);
                ps.setLong(4, noteId);
              });
          touch(c, caseId);
          return Optional.of(
              new CaseNote(
                  noteId,
                  caseId,
                  checked,
                  tlp,
                  was.ownerOrg(),
                  was.authorId(),
                  was.authorName(),
                  now,
                  Optional.of(editor.username())));
        });
  }

  @Override
  public List<CaseNoteVersion> noteVersions(long noteId) {
    return db.read(
        c -> {
          List<CaseNoteVersion> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT version, body, tlp, written_by, written_at FROM case_note_versions"
                      + " WHERE note_id = ? ORDER BY version")) {
            ps.setLong(1, noteId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new CaseNoteVersion(
                        noteId,
                        rs.getInt(1),
                        rs.getString(2),
                        Tlp.valueOf(rs.getString(3)),
                        rs.getString(4),
                        Database.getInstant(rs, 5)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public CaseHypothesis addHypothesis(String caseId, String text, Viewer author) {
    requireNonNull(author, "author");
    String checked = CaseHypothesis.checkedText(text);
    Instant now = db.now();
    long id =
        db.inTransaction(
            c -> {
              if (count(c, "case_hypotheses", caseId) >= MAX_HYPOTHESES) {
                throw new InvalidValueException(
                    "a case holds at most " + MAX_HYPOTHESES + " hypotheses");
              }
              long key =
                  insert(
                      c,
                      "INSERT INTO case_hypotheses (case_id, hypothesis, author_id, author_name,"
                          + " written_at) VALUES (?, ?, ?, ?, ?)",
                      ps -> {
                        ps.setString(1, caseId);
                        ps.setString(2, checked);
                        ps.setString(3, author.userId());
                        ps.setString(4, author.username());
                        Database.setInstant(ps, 5, now);
                      });
              touch(c, caseId);
              return key;
            });
    return new CaseHypothesis(
        id, caseId, checked, author.userId(), author.username(), now, List.of());
  }

  @Override
  public List<CaseHypothesis> hypotheses(String caseId) {
    return db.read(
        c -> {
          record Row(long id, String text, String authorId, String authorName, Instant at) {}
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, hypothesis, author_id, author_name, written_at FROM case_hypotheses"
                      + " WHERE case_id = ? ORDER BY id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Database.getInstant(rs, 5)));
              }
            }
          }
          java.util.Map<Long, List<CaseHypothesis.Rating>> ratings = new java.util.HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.hypothesis_id, r.evidence, r.rating, r.rated_by, r.rated_at"
                      + " FROM case_ratings r JOIN case_hypotheses h ON h.id = r.hypothesis_id"
                      + " WHERE h.case_id = ? ORDER BY r.evidence, r.hypothesis_id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ratings
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(
                        new CaseHypothesis.Rating(
                            rs.getString(2),
                            AchRating.valueOf(rs.getString(3)),
                            rs.getString(4),
                            Database.getInstant(rs, 5)));
              }
            }
          }
          List<CaseHypothesis> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(
                new CaseHypothesis(
                    r.id(),
                    caseId,
                    r.text(),
                    r.authorId(),
                    r.authorName(),
                    r.at(),
                    ratings.getOrDefault(r.id(), List.of())));
          }
          return out;
        });
  }

  @Override
  public boolean rate(String caseId, long hypothesisId, CaseHypothesis.Rating rating) {
    requireNonNull(rating, "rating");
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM case_hypotheses WHERE id = ? AND case_id = ? FOR UPDATE")) {
            ps.setLong(1, hypothesisId);
            ps.setString(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return false;
              }
            }
          }
          execute(
              c,
              "DELETE FROM case_ratings WHERE hypothesis_id = ? AND evidence = ?",
              ps -> {
                ps.setLong(1, hypothesisId);
                ps.setString(2, rating.evidence());
              });
          execute(
              c,
              "INSERT INTO case_ratings (hypothesis_id, evidence, rating, rated_by, rated_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              ps -> {
                ps.setLong(1, hypothesisId);
                ps.setString(2, rating.evidence());
                ps.setString(3, rating.rating().name());
                ps.setString(4, rating.ratedBy());
                Database.setInstant(ps, 5, Database.stored(rating.ratedAt()));
              });
          touch(c, caseId);
          return true;
        });
  }

  @Override
  public boolean deleteHypothesis(String caseId, long hypothesisId) {
    return changeCase(
        caseId,
        "DELETE FROM case_hypotheses WHERE id = ? AND case_id = ?",
        ps -> {
          ps.setLong(1, hypothesisId);
          ps.setString(2, caseId);
        });
  }

  @Override
  public CaseTask addTask(
      String caseId,
      String title,
      Optional<String> assignee,
      Optional<java.time.LocalDate> due,
      String by) {
    requireNonNull(assignee, "assignee");
    requireNonNull(due, "due");
    requireNonNull(by, "by");
    String checked = CaseTask.checkedTitle(title);
    Instant now = db.now();
    long id =
        db.inTransaction(
            c -> {
              if (count(c, "case_tasks", caseId) >= MAX_TASKS) {
                throw new InvalidValueException("a case holds at most " + MAX_TASKS + " tasks");
              }
              long key =
                  insert(
                      c,
                      "INSERT INTO case_tasks (case_id, title, assignee, status, due, created_by,"
                          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      ps -> {
                        ps.setString(1, caseId);
                        ps.setString(2, checked);
                        ps.setString(3, assignee.orElse(null));
                        ps.setString(4, CaseTask.Status.OPEN.code());
                        ps.setObject(5, due.orElse(null), java.sql.Types.DATE);
                        ps.setString(6, by);
                        Database.setInstant(ps, 7, now);
                        Database.setInstant(ps, 8, now);
                      });
              touch(c, caseId);
              return key;
            });
    return new CaseTask(id, caseId, checked, assignee, CaseTask.Status.OPEN, due, by, now, now);
  }

  @Override
  public boolean updateTask(CaseTask task) {
    requireNonNull(task, "task");
    return changeCase(
        task.caseId(),
        "UPDATE case_tasks SET title = ?, assignee = ?, status = ?, due = ?,"
            + " updated_at = ? WHERE id = ? AND case_id = ?",
        ps -> {
          ps.setString(1, task.title());
          ps.setString(2, task.assignee().orElse(null));
          ps.setString(3, task.status().code());
          ps.setObject(4, task.due().orElse(null), java.sql.Types.DATE);
          Database.setInstant(ps, 5, db.now());
          ps.setLong(6, task.id());
          ps.setString(7, task.caseId());
        });
  }

  @Override
  public boolean deleteTask(String caseId, long taskId) {
    return changeCase(
        caseId,
        "DELETE FROM case_tasks WHERE id = ? AND case_id = ?",
        ps -> {
          ps.setLong(1, taskId);
          ps.setString(2, caseId);
        });
  }

  @Override
  public List<CaseTask> tasks(String caseId) {
    return db.read(
        c -> {
          List<CaseTask> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, title, assignee, status, due, created_by, created_at, updated_at"
                      + " FROM case_tasks WHERE case_id = ? ORDER BY id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new CaseTask(
                        rs.getLong(1),
                        caseId,
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3)),
                        CaseTask.Status.parse(rs.getString(4)),
                        Optional.ofNullable(rs.getObject(5, java.time.LocalDate.class)),
                        rs.getString(6),
                        Database.getInstant(rs, 7),
                        Database.getInstant(rs, 8)));
              }
            }
          }
          return out;
        });
  }

  /** Binds the values of a statement. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static long insert(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      binder.bind(ps);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new row");
        }
        return keys.getLong(1);
      }
    }
  }

  /** Runs one statement on the connection; answers how many rows it changed. */
  private static int execute(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  private static long count(Connection c, String table, String caseId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE case_id = ?")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
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
    return db.inTransaction(
        c -> {
          // The tables of V11 name no table of V23 (they are made first on a new database), so
          // their rows go here, in the case's transaction; ratings go with their hypotheses.
          for (String sql :
              List.of(
                  "DELETE FROM case_note_versions WHERE note_id IN"
                      + " (SELECT id FROM case_notes WHERE case_id = ?)",
                  "DELETE FROM case_hypotheses WHERE case_id = ?",
                  "DELETE FROM case_tasks WHERE case_id = ?")) {
            execute(c, sql, ps -> ps.setString(1, caseId));
          }
          return execute(c, "DELETE FROM cases WHERE id = ?", ps -> ps.setString(1, caseId)) > 0;
        });
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

  /**
   * Runs one statement in a transaction of its own; when it changed a row, the case's last change
   * moves to now.
   */
  private boolean changeCase(String caseId, String sql, Binder binder) {
    return db.inTransaction(
        c -> {
          boolean changed = execute(c, sql, binder) > 0;
          if (changed) {
            touch(c, caseId);
          }
          return changed;
        });
  }

  private void touch(Connection c, String caseId) throws SQLException {
    execute(
        c,
        "UPDATE cases SET updated_at = ? WHERE id = ?",
        ps -> {
          Database.setInstant(ps, 1, db.now());
          ps.setString(2, caseId);
        });
  }
}
