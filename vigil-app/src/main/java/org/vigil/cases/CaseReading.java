/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.documents.StoredDocument;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Source;
import org.vigil.store.CaseItem;
import org.vigil.store.CaseMember;
import org.vigil.store.CaseNote;
import org.vigil.store.CaseNoteVersion;
import org.vigil.store.CaseTask;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;
import org.vigil.weighing.ClaimWeighings;

/**
 * Reads one case for one reader: each item through the reads of its own page (entity, document,
 * claim), so that membership never shows an item its reader could not open there; each note only
 * under its own marking, rendered with citations resolved for this reader.
 */
final class CaseReading {
  private final Store store;
  private final Viewer viewer;

  CaseReading(Store store, Viewer viewer) {
    this.store = store;
    this.viewer = viewer;
  }

  CaseView view(StoredCase c) {
    List<CaseItem> items = store.cases().items(c.id());
    List<CaseView.Item> entities = entities(items);
    CasePlaces.Found places = CasePlaces.of(store, viewer, entities);
    CaseTimeline.Read timeline = CaseTimeline.of(store, viewer, entities);
    return new CaseView(
        c,
        members(c),
        entities,
        documents(items),
        claims(items),
        notes(c),
        timeline.shown(),
        places.places(),
        places.paths(),
        c.writableBy(viewer) && c.status() == StoredCase.Status.OPEN,
        c.managedBy(viewer),
        timeline.records(),
        CaseGraph.of(store, viewer, entities),
        new CaseMatrices(store, viewer).of(c.id()),
        tasks(c));
  }

  /** The case's tasks, each assignee named and said whether they still read the case. */
  private List<CaseView.Task> tasks(StoredCase c) {
    List<CaseView.Task> out = new ArrayList<>();
    for (CaseTask t : store.cases().tasks(c.id())) {
      Optional<User> assignee = t.assignee().flatMap(id -> store.accounts().userById(id));
      boolean reads =
          assignee.map(u -> u.enabled() && c.readableBy(store.accounts().viewer(u))).orElse(false);
      out.add(
          new CaseView.Task(
              t.id(),
              t.title(),
              t.assignee().map(id -> assignee.map(User::username).orElse(id)),
              reads,
              t.status(),
              t.due(),
              t.createdBy(),
              t.updatedAt()));
    }
    return out;
  }

  /** Only the entities the reader may see, in the order added (what a report starts from). */
  List<CaseView.Item> entitiesOf(StoredCase c) {
    return entities(store.cases().items(c.id()));
  }

  /**
   * The notes a report for {@code recipient} may carry: those whose marking reaches both this
   * reader (the exporting analyst) and the recipient, as plain text, each citation resolved only
   * when both may read its evidence (as the recipient sees it).
   */
  List<ReportNote> reportNotesOf(StoredCase c, Viewer recipient) {
    StoreEvidence mine = new StoreEvidence(store, viewer);
    StoreEvidence theirs = new StoreEvidence(store, recipient);
    CitedEvidence.Lookup both =
        cite -> mine.find(cite).isPresent() ? theirs.find(cite) : Optional.empty();
    List<ReportNote> out = new ArrayList<>();
    for (CaseNote n : store.cases().notes(c.id())) {
      Marking marking = n.marking(readers(c));
      if (MarkingPolicy.canSee(viewer, marking) && MarkingPolicy.canSee(recipient, marking)) {
        out.add(
            new ReportNote(
                n.id(),
                n.authorName(),
                n.writtenAt(),
                marking,
                NoteMarkdown.plain(n.body(), both)));
      }
    }
    return out;
  }

  /**
   * The hypotheses and tasks a report for {@code recipient} may carry: none unless the case's
   * marking reaches the recipient (this reader, the exporting analyst, reads the case); the
   * matrix's rows only the evidence both read, as the recipient reads it.
   */
  Optional<ReportWork> reportWorkOf(StoredCase c, Viewer recipient) {
    if (!MarkingPolicy.canSee(recipient, c.marking())) {
      return Optional.empty();
    }
    CaseMatrices mine = new CaseMatrices(store, viewer);
    CaseMatrix matrix =
        new CaseMatrices(store, recipient).of(c.id(), ref -> mine.row(ref).isPresent());
    Map<String, Marking> markings = new LinkedHashMap<>();
    List<String> statements = new ArrayList<>();
    for (CaseMatrix.Evidence e : matrix.evidence()) {
      markings.put(
          e.ref(), e.marking().or(() -> claimMarking(e.ref(), recipient)).orElse(c.marking()));
      if (Citation.parse(e.ref()).orElse(null) instanceof Citation.OfStatement s) {
        statements.add(s.statementId());
      }
    }
    return Optional.of(new ReportWork(c.marking(), matrix, markings, statements, tasks(c)));
  }

  /** The marking of the source a claim rests on, as {@code reader} reads it. */
  private Optional<Marking> claimMarking(String ref, Viewer reader) {
    if (!(Citation.parse(ref).orElse(null) instanceof Citation.OfClaim cited)) {
      return Optional.empty();
    }
    return new ClaimWeighings(store)
        .claim(cited.claimId(), reader).stream()
            .flatMap(f -> f.claims().stream())
            .filter(line -> line.claimId().equals(cited.claimId()))
            .findFirst()
            .flatMap(line -> store.statements().source(line.sourceId(), reader))
            .map(Source::marking);
  }

  /** The users a RED case names: its owner and its user members. */
  static TreeSet<String> readers(StoredCase c) {
    TreeSet<String> readers = new TreeSet<>();
    readers.add(c.ownerUser());
    c.members().stream()
        .filter(m -> m.kind() == CaseMember.Kind.USER)
        .forEach(m -> readers.add(m.memberId()));
    return readers;
  }

  private List<CaseView.Member> members(StoredCase c) {
    List<CaseView.Member> out = new ArrayList<>();
    out.add(
        new CaseView.Member(
            CaseMember.Kind.USER,
            c.ownerUser(),
            username(c.ownerUser()) + " (owner, " + c.ownerOrg() + ")",
            CaseMember.Rights.WRITE));
    for (CaseMember m : c.members()) {
      String label =
          switch (m.kind()) {
            case USER -> username(m.memberId());
            case ORG -> "organisation " + m.memberId();
          };
      out.add(new CaseView.Member(m.kind(), m.memberId(), label, m.rights()));
    }
    return out;
  }

  private String username(String userId) {
    return store.accounts().userById(userId).map(User::username).orElse(userId);
  }

  private List<CaseView.Item> entities(List<CaseItem> items) {
    List<String> ids = ids(items, CaseItem.Kind.ENTITY);
    Map<String, Entity> seen = store.statements().entities(ids, viewer);
    List<CaseView.Item> out = new ArrayList<>();
    for (String id : ids) {
      Entity e = seen.get(id);
      if (e != null) {
        out.add(
            new CaseView.Item(
                id,
                e.caption(),
                e.schema().ftmName(),
                StoreEvidence.href(id, e.schema()),
                Optional.empty()));
      }
    }
    return out;
  }

  private List<CaseView.Item> documents(List<CaseItem> items) {
    List<CaseView.Item> out = new ArrayList<>();
    for (String id : ids(items, CaseItem.Kind.DOCUMENT)) {
      StoredDocument.find(store, viewer, id)
          .ifPresent(
              d ->
                  out.add(
                      new CaseView.Item(
                          id,
                          d.source().title(),
                          "document",
                          StoreEvidence.href(id, org.vigil.model.Schema.DOCUMENT),
                          Optional.of(d.source().marking()))));
    }
    return out;
  }

  private List<CaseView.Item> claims(List<CaseItem> items) {
    List<CaseView.Item> out = new ArrayList<>();
    ClaimWeighings weighings = new ClaimWeighings(store);
    for (String id : ids(items, CaseItem.Kind.CLAIM)) {
      weighings
          .claim(id, viewer)
          .ifPresent(
              f ->
                  out.add(
                      new CaseView.Item(
                          id,
                          f.caption(),
                          "claim",
                          "/claims/"
                              + java.net.URLEncoder.encode(
                                  id, java.nio.charset.StandardCharsets.UTF_8),
                          Optional.empty())));
    }
    return out;
  }

  private List<CaseView.Note> notes(StoredCase c) {
    TreeSet<String> readers = readers(c);
    StoreEvidence evidence = new StoreEvidence(store, viewer);
    List<CaseView.Note> out = new ArrayList<>();
    for (CaseNote n : store.cases().notes(c.id())) {
      Marking marking = n.marking(readers);
      if (!MarkingPolicy.canSee(viewer, marking)) {
        continue;
      }
      String anchor = "note-" + n.id() + "-cite";
      boolean editable =
          c.writableBy(viewer)
              && c.status() == StoredCase.Status.OPEN
              && CaseWork.mayEdit(store, n, viewer);
      out.add(
          new CaseView.Note(
              n.id(),
              n.authorName(),
              n.writtenAt(),
              marking,
              NoteMarkdown.render(n.body(), evidence, anchor),
              viewer.userId().equals(n.authorId()) || editable
                  ? Optional.of(n.body())
                  : Optional.empty(),
              n.editedBy(),
              versions(n, readers, evidence)));
    }
    return out;
  }

  /** A note's earlier versions whose own markings reach the reader, rendered for them. */
  private List<CaseView.Version> versions(
      CaseNote n, TreeSet<String> readers, StoreEvidence evidence) {
    if (n.editedBy().isEmpty()) {
      return List.of();
    }
    List<CaseView.Version> out = new ArrayList<>();
    for (CaseNoteVersion v : store.cases().noteVersions(n.id())) {
      Marking marking =
          new CaseNote(
                  n.id(),
                  n.caseId(),
                  v.body(),
                  v.tlp(),
                  n.ownerOrg(),
                  n.authorId(),
                  n.authorName(),
                  v.writtenAt(),
                  Optional.empty())
              .marking(readers);
      if (MarkingPolicy.canSee(viewer, marking)) {
        out.add(
            new CaseView.Version(
                v.version(),
                v.writtenBy(),
                v.writtenAt(),
                marking,
                NoteMarkdown.render(
                    v.body(), evidence, "note-" + n.id() + "-v" + v.version() + "-cite")));
      }
    }
    return out;
  }

  private static List<String> ids(List<CaseItem> items, CaseItem.Kind kind) {
    return items.stream().filter(i -> i.kind() == kind).map(CaseItem::itemId).toList();
  }
}
