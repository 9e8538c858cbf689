/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.claims.Likelihood;
import org.vigil.claims.OriginLink;
import org.vigil.model.InvalidValueException;
import org.vigil.store.Assessment;
import org.vigil.store.DeclaredLink;
import org.vigil.store.Grade;
import org.vigil.store.Store;

/**
 * Analysts' grades, links of derivation and assessments, and their undoing: the one front door
 * behind {@code vigil grade} and the grade routes. Each act checks that the actor may see what it
 * is about (what they may not see is answered as unknown), is written with its audit row in one
 * transaction, and belongs to the actor's organisation. A request a user got wrong is an outcome
 * ({@link Refused}), not an exception.
 *
 * <p>Thread-safe; the store is the caller's.
 */
public final class Grading {

  /**
   * Who acts.
   *
   * @param auditId the actor as the audit log names them
   * @param viewer what they may see and the organisation their acts belong to
   * @param address where the request came from ("cli", or the peer's address)
   */
  public record Actor(String auditId, Viewer viewer, String address) {
    public Actor {
      requireNonNull(auditId, "auditId");
      requireNonNull(viewer, "viewer");
      requireNonNull(address, "address");
    }
  }

  /** What came of a request. */
  public sealed interface Outcome<T> permits Done, Refused {}

  /** It was recorded (or undone); {@code value} is the row as it is now. */
  public record Done<T>(T value) implements Outcome<T> {
    public Done {
      requireNonNull(value, "value");
    }
  }

  /** Why a request was refused, for the surfaces to map to a status or an exit code. */
  public enum Refusal {
    INVALID_VALUE,
    UNKNOWN_TARGET,
    UNKNOWN_GRADE
  }

  /** Refused; nothing was written. */
  public record Refused<T>(Refusal reason, String message) implements Outcome<T> {
    public Refused {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }

  private final Store store;
  private final Clock clock;

  public Grading(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Grades a source's reliability, A to F. */
  public Outcome<Grade> gradeSource(String sourceId, String grade, String reason, Actor actor) {
    if (store.statements().source(sourceId, actor.viewer()).isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN_TARGET, "no source " + sourceId);
    }
    return grade(Grade.Target.SOURCE, sourceId, grade, reason, actor);
  }

  /** Grades a claim's information credibility, 1 to 6. */
  public Outcome<Grade> gradeClaim(String claimId, String grade, String reason, Actor actor) {
    if (new StoredClaims(store, actor.viewer()).claim(claimId).isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN_TARGET, "no claim " + claimId);
    }
    return grade(Grade.Target.CLAIM, claimId, grade, reason, actor);
  }

  private Outcome<Grade> grade(
      Grade.Target target, String id, String grade, String reason, Actor actor) {
    return audited(
        () -> store.grades().grade(actor.viewer(), target, id, grade, reason),
        g ->
            event(
                actor,
                AuditAction.GRADE,
                target.name().toLowerCase(java.util.Locale.ROOT) + ":" + id,
                "grade " + g.id() + " " + g.grade()));
  }

  /** Undoes a grade of the actor's organisation whose target the actor still sees. */
  public Outcome<Grade> undoGrade(long id, Actor actor) {
    Optional<Grade> found = store.grades().gradeById(id, actor.viewer());
    boolean visible =
        found.isPresent()
            && switch (found.get().target()) {
              case SOURCE ->
                  store.statements().source(found.get().targetId(), actor.viewer()).isPresent();
              case CLAIM ->
                  new StoredClaims(store, actor.viewer()).claim(found.get().targetId()).isPresent();
            };
    if (!visible || !found.get().inForce()) {
      return new Refused<>(Refusal.UNKNOWN_GRADE, "no grade " + id + " in force");
    }
    return audited(
        () -> store.grades().undoGrade(id, actor.viewer()),
        g -> event(actor, AuditAction.UNDO_GRADE, "grade:" + id, "grade " + id + " undone"));
  }

  /**
   * Declares that {@code link.from()} derives from {@code link.to()}; each end must be a source or
   * entity the actor sees, or a quoted party ("party:" and its name).
   */
  public Outcome<DeclaredLink> link(OriginLink link, String reason, Actor actor) {
    for (String end : new String[] {link.from(), link.to()}) {
      if (!visibleEnd(end, actor.viewer())) {
        return new Refused<>(Refusal.UNKNOWN_TARGET, "no source, entity or party " + end);
      }
    }
    return audited(
        () -> store.grades().link(actor.viewer(), link, reason),
        l ->
            event(
                actor,
                AuditAction.GRADE,
                "link:" + link.from() + "|" + link.to(),
                "link " + l.id() + " " + link.kind().code()));
  }

  /**
   * Undoes a link of the actor's organisation whose ends the actor still sees; any other answers
   * like an unknown id.
   */
  public Outcome<DeclaredLink> undoLink(long id, Actor actor) {
    boolean visible =
        store.grades().links(actor.viewer()).stream()
            .anyMatch(l -> l.id() == id && visible(l.link(), actor.viewer()));
    if (!visible) {
      return new Refused<>(Refusal.UNKNOWN_GRADE, "no link " + id + " in force");
    }
    return audited(
        () -> store.grades().undoLink(id, actor.viewer()),
        l -> event(actor, AuditAction.UNDO_GRADE, "link:" + id, "link " + id + " undone"));
  }

  /**
   * The links in force that the viewer's organisation declared, oldest first, leaving out those
   * with an end the viewer no longer sees.
   */
  public List<DeclaredLink> links(Viewer viewer) {
    return store.grades().links(viewer).stream().filter(l -> visible(l.link(), viewer)).toList();
  }

  /**
   * The assessments of a claim or entity the viewer sees that the viewer's organisation made, in
   * force or undone, oldest first; empty when the viewer may see no such subject.
   */
  public Optional<List<Assessment>> assessments(String subjectId, Viewer viewer) {
    if (!subjectSeen(subjectId, viewer)) {
      return Optional.empty();
    }
    return Optional.of(store.grades().assessments(subjectId, viewer));
  }

  /** Undoes an assessment of the actor's organisation whose subject the actor still sees. */
  public Outcome<Assessment> undoAssessment(long id, Actor actor) {
    boolean found =
        store
            .grades()
            .assessmentById(id, actor.viewer())
            .filter(Assessment::inForce)
            .filter(a -> subjectSeen(a.subjectId(), actor.viewer()))
            .isPresent();
    if (!found) {
      return new Refused<>(Refusal.UNKNOWN_GRADE, "no assessment " + id + " in force");
    }
    return audited(
        () -> store.grades().undoAssessment(id, actor.viewer()),
        a ->
            event(
                actor, AuditAction.UNDO_GRADE, "assessment:" + id, "assessment " + id + " undone"));
  }

  /** Whether the viewer sees this claim or entity. */
  private boolean subjectSeen(String subjectId, Viewer viewer) {
    return store.statements().entity(subjectId, viewer).isPresent()
        || new StoredClaims(store, viewer).claim(subjectId).isPresent();
  }

  private boolean visible(OriginLink link, Viewer viewer) {
    return visibleEnd(link.from(), viewer) && visibleEnd(link.to(), viewer);
  }

  private boolean visibleEnd(String end, Viewer viewer) {
    return end.startsWith("party:")
        || store.statements().source(end, viewer).isPresent()
        || store.statements().entity(end, viewer).isPresent();
  }

  /** Records an assessment of a claim or an entity the actor sees, with its likelihood. */
  public Outcome<Assessment> assess(
      String subjectId, String statement, String likelihood, Actor actor) {
    if (!subjectSeen(subjectId, actor.viewer())) {
      return new Refused<>(Refusal.UNKNOWN_TARGET, "no claim or entity " + subjectId);
    }
    Likelihood l;
    try {
      l = Likelihood.parse(likelihood);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    return audited(
        () -> store.grades().assess(actor.viewer(), subjectId, statement, l),
        a ->
            event(
                actor,
                AuditAction.GRADE,
                "assessment:" + subjectId,
                "assessment " + a.id() + " " + l.code()));
  }

  private <T> Outcome<T> audited(Supplier<T> work, Function<T, AuditEvent> audit) {
    try {
      return new Done<>(store.audited(work, audit));
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    } catch (NoSuchElementException e) {
      return new Refused<>(Refusal.UNKNOWN_GRADE, e.getMessage());
    }
  }

  private AuditEvent event(Actor actor, AuditAction action, String target, String detail) {
    return new AuditEvent(
        actor.auditId(), action, target, detail, actor.address(), clock.instant());
  }
}
