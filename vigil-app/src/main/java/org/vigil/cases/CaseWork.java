/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.cases.Cases.Actor;
import org.vigil.cases.Cases.Done;
import org.vigil.cases.Cases.Outcome;
import org.vigil.cases.Cases.Refusal;
import org.vigil.cases.Cases.Refused;
import org.vigil.claims.AchRating;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;
import org.vigil.store.CaseHypothesis;
import org.vigil.store.CaseItem;
import org.vigil.store.CaseNote;
import org.vigil.store.CaseTask;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;

/**
 * What analysts write in a case besides its references: hypotheses and the ratings of their matrix,
 * tasks, and edits of notes. The front door behind the {@code /cases/{id}/hypotheses}, {@code
 * /tasks} and note-edit routes and forms, with the checks of {@link Cases}: a case the actor may
 * not read is unknown, one they may not write refuses the write, evidence they may not see cannot
 * be rated (and is answered as unknown). Each write is stored with its audit row in one
 * transaction.
 *
 * <p>Thread-safe; the store is the caller's.
 */
public final class CaseWork {
  private final Store store;
  private final Clock clock;
  private final Cases cases;

  public CaseWork(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.cases = new Cases(store, clock);
  }

  /** A change to a task: each field present is changed. */
  public record TaskChange(
      Optional<String> title,
      Optional<String> assignee,
      Optional<String> status,
      Optional<String> due) {
    public TaskChange {
      requireNonNull(title, "title");
      requireNonNull(assignee, "assignee");
      requireNonNull(status, "status");
      requireNonNull(due, "due");
    }
  }

  /** The case's matrix as the viewer sees it; empty if there is no case they may read. */
  public Optional<CaseMatrix> matrix(String id, Viewer viewer) {
    return store.cases().find(id, viewer).map(c -> new CaseMatrices(store, viewer).of(c.id()));
  }

  /** Adds a hypothesis in the actor's words; a writer of the case only. */
  public Outcome<CaseHypothesis> addHypothesis(String id, String text, Actor actor) {
    return cases.writable(id, actor).then(c -> addHypothesis(c, text, actor));
  }

  private Outcome<CaseHypothesis> addHypothesis(StoredCase c, String text, Actor actor) {
    String id = c.id();
    String checked;
    try {
      checked = CaseHypothesis.checkedText(text);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    boolean twice = store.cases().hypotheses(id).stream().anyMatch(h -> h.text().equals(checked));
    if (twice) {
      return new Refused<>(Refusal.INVALID_VALUE, "the case has the hypothesis '" + checked + "'");
    }
    return cases.audited(
        () -> store.cases().addHypothesis(id, checked, actor.viewer()),
        h -> cases.event(actor, id, "hypothesis " + h.id() + " added"));
  }

  /**
   * Rates one item of evidence against a hypothesis: {@code evidence} is {@code claim:ID} (a claim
   * the case holds) or {@code statement:ENTITY/STATEMENT} (a statement of an entity the case
   * holds), which the actor must see; {@code rating} is C, I, N or NA. Answers the matrix as the
   * actor now sees it.
   */
  public Outcome<CaseMatrix> rate(
      String id, long hypothesisId, String evidence, String rating, Actor actor) {
    Outcome<StoredCase> writable = cases.writable(id, actor);
    if (writable instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    AchRating parsed;
    try {
      parsed = AchRating.parse(rating);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    List<CaseHypothesis> hypotheses = store.cases().hypotheses(id);
    if (hypotheses.stream().noneMatch(h -> h.id() == hypothesisId)) {
      return new Refused<>(Refusal.UNKNOWN, "case " + id + " has no hypothesis " + hypothesisId);
    }
    Optional<Refused<CaseMatrix>> refused = rateable(id, evidence.strip(), hypotheses, actor);
    if (refused.isPresent()) {
      return refused.get();
    }
    String ref = evidence.strip();
    CaseHypothesis.Rating cell =
        new CaseHypothesis.Rating(ref, parsed, actor.viewer().username(), clock.instant());
    Outcome<CaseHypothesis.Rating> rated =
        cases.audited(
            () -> {
              store.cases().rate(id, hypothesisId, cell);
              return cell;
            },
            x ->
                cases.event(
                    actor,
                    id,
                    "rated " + ref + " " + parsed.code() + " against hypothesis " + hypothesisId));
    if (rated instanceof Refused<CaseHypothesis.Rating> r) {
      return new Refused<>(r.reason(), r.message());
    }
    // Read after the commit: the matrix weighs claims, which is no work to hold a lock through.
    return new Done<>(new CaseMatrices(store, actor.viewer()).of(id));
  }

  private Optional<Refused<CaseMatrix>> rateable(
      String id, String ref, List<CaseHypothesis> hypotheses, Actor actor) {
    Optional<Citation> cited = Citation.parse(ref);
    boolean kind =
        cited.isPresent()
            && (cited.get() instanceof Citation.OfClaim
                || cited.get() instanceof Citation.OfStatement);
    if (!kind) {
      return Optional.of(
          new Refused<>(
              Refusal.INVALID_VALUE,
              "'"
                  + ref
                  + "' is not evidence to rate; write claim:ID or statement:ENTITY/STATEMENT"));
    }
    List<CaseItem> items = store.cases().items(id);
    boolean held =
        cited.get() instanceof Citation.OfClaim c
            ? items.stream()
                .anyMatch(i -> i.kind() == CaseItem.Kind.CLAIM && i.itemId().equals(c.claimId()))
            : items.stream()
                .anyMatch(
                    i ->
                        i.kind() == CaseItem.Kind.ENTITY
                            && i.itemId().equals(((Citation.OfStatement) cited.get()).entityId()));
    // Evidence outside the case and evidence the actor may not see get the same answer.
    if (!held || new CaseMatrices(store, actor.viewer()).row(ref).isEmpty()) {
      return Optional.of(
          new Refused<>(
              Refusal.UNKNOWN, "case " + id + " holds no evidence " + ref + " you may see"));
    }
    List<String> refs = CaseMatrices.refs(items, hypotheses);
    if (!refs.contains(ref) && refs.size() >= CaseMatrices.MAX_ROWS) {
      return Optional.of(
          new Refused<>(
              Refusal.INVALID_VALUE,
              "a case's matrix has at most " + CaseMatrices.MAX_ROWS + " items of evidence"));
    }
    return Optional.empty();
  }

  /** Deletes a hypothesis and its ratings (never the evidence): its author or the case's owner. */
  public Outcome<Long> deleteHypothesis(String id, long hypothesisId, Actor actor) {
    return cases.writable(id, actor).then(c -> deleteHypothesis(c, hypothesisId, actor));
  }

  private Outcome<Long> deleteHypothesis(StoredCase c, long hypothesisId, Actor actor) {
    String id = c.id();
    Optional<CaseHypothesis> h =
        store.cases().hypotheses(id).stream().filter(x -> x.id() == hypothesisId).findFirst();
    if (h.isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN, "case " + id + " has no hypothesis " + hypothesisId);
    }
    if (!h.get().authorId().equals(actor.viewer().userId()) && !c.managedBy(actor.viewer())) {
      return new Refused<>(
          Refusal.NOT_ALLOWED, "only its author or the case's owner deletes a hypothesis");
    }
    return deleted(
        id,
        hypothesisId,
        () -> store.cases().deleteHypothesis(id, hypothesisId),
        "hypothesis " + hypothesisId + " deleted with its ratings",
        actor);
  }

  /**
   * Adds a task; {@code assignee} (a username, blank for no one) must read the case, {@code due} is
   * blank or a date written YYYY-MM-DD.
   */
  public Outcome<CaseTask> addTask(
      String id, String title, String assignee, String due, Actor actor) {
    return cases.writable(id, actor).then(c -> addTask(c, title, assignee, due, actor));
  }

  private Outcome<CaseTask> addTask(
      StoredCase c, String title, String assignee, String due, Actor actor) {
    String id = c.id();
    Optional<String> assigned;
    Optional<LocalDate> when;
    String checked;
    try {
      checked = CaseTask.checkedTitle(title);
      assigned = assignee(c, assignee);
      when = due(due);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    return cases.audited(
        () -> store.cases().addTask(id, checked, assigned, when, actor.viewer().username()),
        t ->
            cases.event(
                actor,
                id,
                "task "
                    + t.id()
                    + " added"
                    + (assignee.isBlank() ? "" : ", assigned to " + assignee.strip())
                    + when.map(d -> ", due " + d).orElse("")));
  }

  /**
   * Changes a task: a writer of the case changes any field; the user it is assigned to may change
   * its status, even with read rights.
   */
  public Outcome<CaseTask> updateTask(String id, long taskId, TaskChange change, Actor actor) {
    Optional<StoredCase> found = store.cases().find(id, actor.viewer());
    if (found.isEmpty()) {
      return Cases.unknownCase(id);
    }
    StoredCase c = found.get();
    Optional<CaseTask> task =
        store.cases().tasks(id).stream().filter(t -> t.id() == taskId).findFirst();
    if (task.isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN, "case " + id + " has no task " + taskId);
    }
    boolean statusOnly =
        change.title().isEmpty() && change.assignee().isEmpty() && change.due().isEmpty();
    boolean assignedToActor = task.get().assignee().equals(Optional.of(actor.viewer().userId()));
    if (!(statusOnly && assignedToActor && c.status() == StoredCase.Status.OPEN)) {
      Outcome<StoredCase> writable = cases.writable(id, actor);
      if (writable instanceof Refused<StoredCase> r) {
        return new Refused<>(r.reason(), r.message());
      }
    }
    CaseTask t = task.get();
    CaseTask changed;
    try {
      changed =
          new CaseTask(
              t.id(),
              t.caseId(),
              change.title().orElse(t.title()),
              change.assignee().isPresent() ? assignee(c, change.assignee().get()) : t.assignee(),
              change.status().map(CaseTask.Status::parse).orElse(t.status()),
              change.due().isPresent() ? due(change.due().get()) : t.due(),
              t.createdBy(),
              t.createdAt(),
              clock.instant());
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    return cases.audited(
        () -> {
          store.cases().updateTask(changed);
          return changed;
        },
        x -> cases.event(actor, id, "task " + taskId + " " + described(t, changed)));
  }

  private String described(CaseTask was, CaseTask now) {
    StringBuilder out = new StringBuilder();
    if (was.status() != now.status()) {
      out.append("status ").append(now.status().code()).append(' ');
    }
    if (!was.assignee().equals(now.assignee())) {
      out.append("assigned to ").append(now.assignee().map(this::username).orElse("no one"));
      out.append(' ');
    }
    if (!was.due().equals(now.due())) {
      out.append("due ").append(now.due().map(LocalDate::toString).orElse("none")).append(' ');
    }
    if (!was.title().equals(now.title())) {
      out.append("retitled ");
    }
    return out.length() == 0 ? "unchanged" : out.toString().strip();
  }

  /** Deletes a task; a writer of the case. */
  public Outcome<Long> deleteTask(String id, long taskId, Actor actor) {
    return cases
        .writable(id, actor)
        .then(
            c ->
                store.cases().tasks(id).stream().noneMatch(t -> t.id() == taskId)
                    ? new Refused<>(Refusal.UNKNOWN, "case " + id + " has no task " + taskId)
                    : deleted(
                        id,
                        taskId,
                        () -> store.cases().deleteTask(id, taskId),
                        "task " + taskId + " deleted",
                        actor));
  }

  /** Runs a deletion and audits it in one transaction; answers the id of what it deleted. */
  private Outcome<Long> deleted(
      String id, long deleted, Runnable delete, String what, Actor actor) {
    return cases.audited(
        () -> {
          delete.run();
          return deleted;
        },
        x -> cases.event(actor, id, what));
  }

  /**
   * Edits a note: its author, or a writer of the case who may see the note and every piece of
   * evidence it cites (so no citation is lost to someone who could not see it). The version in
   * force is kept; the new one must cite only evidence the actor may see, and its marking must
   * reach the actor.
   */
  public Outcome<CaseNote> editNote(
      String id, long noteId, String markdown, String tlp, Actor actor) {
    Outcome<StoredCase> writable = cases.writable(id, actor);
    if (writable instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    StoredCase c = ((Done<StoredCase>) writable).value();
    Viewer v = actor.viewer();
    Optional<CaseNote> note =
        store.cases().notes(id).stream()
            .filter(n -> n.id() == noteId)
            .filter(n -> MarkingPolicy.canSee(v, n.marking(CaseReading.readers(c))))
            .findFirst();
    if (note.isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN, "case " + id + " has no note " + noteId);
    }
    if (!mayEdit(store, note.get(), v)) {
      return new Refused<>(
          Refusal.NOT_ALLOWED,
          "note " + noteId + " cites evidence you may not see; only its author edits it");
    }
    Tlp level;
    try {
      level = tlp.isBlank() ? note.get().tlp() : Tlp.parse(tlp);
      CaseNote.checkedBody(markdown);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    CaseNote was = note.get();
    Marking marking =
        new CaseNote(
                was.id(),
                id,
                markdown,
                level,
                was.ownerOrg(),
                was.authorId(),
                was.authorName(),
                was.writtenAt(),
                was.editedBy())
            .marking(CaseReading.readers(c));
    if (!MarkingPolicy.canSee(v, marking)) {
      return new Refused<>(
          Refusal.INVALID_VALUE,
          "you may not read " + marking.describe() + ": a note stays within your reach");
    }
    Optional<Refused<CaseNote>> bad = Cases.checkCitations(markdown, new StoreEvidence(store, v));
    if (bad.isPresent()) {
      return bad.get();
    }
    return cases.audited(
        () -> store.cases().editNote(id, noteId, markdown, level, v).orElseThrow(),
        n ->
            cases.event(
                actor,
                id,
                "note " + noteId + " edited, " + level.label() + " (earlier version kept)"));
  }

  /** Whether {@code viewer} may edit the note: its author, or who sees every citation in it. */
  static boolean mayEdit(Store store, CaseNote note, Viewer viewer) {
    if (note.authorId().equals(viewer.userId())) {
      return true;
    }
    StoreEvidence evidence = new StoreEvidence(store, viewer);
    return NoteMarkdown.malformedCitations(note.body()).isEmpty()
        && NoteMarkdown.citations(note.body()).stream()
            .allMatch(cite -> evidence.find(cite).isPresent());
  }

  private Optional<String> assignee(StoredCase c, String username) {
    if (username.isBlank()) {
      return Optional.empty();
    }
    Optional<User> user = store.accounts().userByName(username.strip());
    if (user.isEmpty()
        || !user.get().enabled()
        || !c.readableBy(store.accounts().viewer(user.get()))) {
      throw new InvalidValueException(
          "a task is assigned to someone who reads the case; " + username.strip() + " does not");
    }
    return Optional.of(user.get().id());
  }

  private static Optional<LocalDate> due(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "'" + text.strip() + "' is not a due date; write it as YYYY-MM-DD");
    }
  }

  private String username(String userId) {
    return store.accounts().userById(userId).map(User::username).orElse(userId);
  }
}
