/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;
import org.vigil.store.JudgementRepository;
import org.vigil.store.Store;

/**
 * An analyst's judgement on two entities, and its undoing: the one front door behind {@code vigil
 * judge} and {@code POST /api/v1/judgements}. It checks what the actor may see, finds the earlier
 * judgements the new one contradicts (both stay in the history; the latest in force decides),
 * records the judgement and writes the audit record. A request a user got wrong is an outcome
 * ({@link Refused}), not an exception.
 *
 * <p>Thread-safe; the store is the caller's.
 */
public final class Judging {
  /** The longest note a judgement keeps. */
  public static final int MAX_NOTE = 2_000;

  /**
   * Who acts, as the judgement and the audit log name them.
   *
   * @param name who judges, as the judgement records it (a username, or "cli:alice")
   * @param auditId the actor as the audit log names it (a user id, or the same name)
   * @param viewer what the actor may see: entities outside it are unknown to the actor
   * @param address where the request came from ("cli", or the peer's address)
   */
  public record Actor(String name, String auditId, Viewer viewer, String address) {
    public Actor {
      requireNonNull(name, "name");
      requireNonNull(auditId, "auditId");
      requireNonNull(viewer, "viewer");
      requireNonNull(address, "address");
    }
  }

  /** Judge {@code left} and {@code right} {@code verdict}, with a note saying why. */
  public record Judge(String left, String right, Verdict verdict, String note, Actor actor) {
    public Judge {
      requireNonNull(left, "left");
      requireNonNull(right, "right");
      requireNonNull(verdict, "verdict");
      requireNonNull(note, "note");
      requireNonNull(actor, "actor");
    }
  }

  /** Undo the judgement {@code id}. */
  public record Undo(long id, Actor actor) {
    public Undo {
      requireNonNull(actor, "actor");
    }
  }

  /** What came of a request. */
  public sealed interface Outcome permits Recorded, Undone, Refused {}

  /**
   * The judgement was recorded.
   *
   * @param contradicted the earlier judgements in force on the same pair with another verdict
   * @param canonicalLeft the canonical id of the left entity now
   * @param canonicalRight the canonical id of the right entity now
   */
  public record Recorded(
      Judgement judgement,
      List<Judgement> contradicted,
      String canonicalLeft,
      String canonicalRight)
      implements Outcome {
    public Recorded {
      requireNonNull(judgement, "judgement");
      contradicted = List.copyOf(contradicted);
    }
  }

  /** The judgement was undone; the canonical ids of its two entities now. */
  public record Undone(Judgement judgement, String canonicalLeft, String canonicalRight)
      implements Outcome {
    public Undone {
      requireNonNull(judgement, "judgement");
    }
  }

  /** Why a request was refused, for the surfaces to map to a status or an exit code. */
  public enum Refusal {
    INVALID_VALUE,
    UNKNOWN_ENTITY,
    UNKNOWN_JUDGEMENT,
    ALREADY_UNDONE
  }

  /** The request was refused and nothing was written. */
  public record Refused(Refusal reason, String message) implements Outcome {
    public Refused {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }

  private final Store store;
  private final Clock clock;

  public Judging(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  public Outcome judge(Judge request) {
    String left = request.left().strip();
    String right = request.right().strip();
    if (!PropertyType.isEntityId(left)) {
      return notAnId("left", left);
    }
    if (!PropertyType.isEntityId(right)) {
      return notAnId("right", right);
    }
    if (request.note().length() > MAX_NOTE) {
      return new Refused(
          Refusal.INVALID_VALUE,
          "the note is " + request.note().length() + " chars long; the limit is " + MAX_NOTE);
    }
    if (left.equals(right)) {
      return new Refused(
          Refusal.INVALID_VALUE, "a judgement needs two different entities, not " + left);
    }
    for (String id : List.of(left, right)) {
      if (store.statements().entity(id, request.actor().viewer()).isEmpty()) {
        return new Refused(Refusal.UNKNOWN_ENTITY, "no entity " + id);
      }
    }
    JudgementRepository judgements = store.judgements();
    List<Judgement> contradicted =
        judgements.history(left).stream()
            .filter(j -> j.inForce() && j.concerns(left, right) && j.verdict() != request.verdict())
            .toList();
    Judgement made;
    try {
      // The judgement and its audit row are one transaction.
      made =
          store.audited(
              () ->
                  judgements.judge(
                      left,
                      right,
                      request.verdict(),
                      request.actor().name(),
                      request.note(),
                      OptionalDouble.empty()),
              j ->
                  event(
                      request.actor(),
                      AuditAction.JUDGE,
                      j,
                      "judgement "
                          + j.id()
                          + " "
                          + j.verdict().code()
                          + (contradicted.isEmpty()
                              ? ""
                              : ", contradicts "
                                  + contradicted.stream().map(Judgement::id).toList())));
    } catch (InvalidValueException e) {
      return new Refused(Refusal.INVALID_VALUE, e.getMessage());
    }
    return new Recorded(
        made, contradicted, judgements.canonicalId(left), judgements.canonicalId(right));
  }

  public Outcome undo(Undo request) {
    JudgementRepository judgements = store.judgements();
    long id = request.id();
    Judgement found = judgements.byId(id).orElse(null);
    if (found == null) {
      return new Refused(Refusal.UNKNOWN_JUDGEMENT, "no judgement " + id);
    }
    for (String end : List.of(found.left(), found.right())) {
      if (store.statements().entity(end, request.actor().viewer()).isEmpty()) {
        return new Refused(Refusal.UNKNOWN_ENTITY, "no entity " + end);
      }
    }
    Refused already = new Refused(Refusal.ALREADY_UNDONE, "judgement " + id + " is already undone");
    if (!found.inForce()) {
      return already;
    }
    Judgement undone;
    try {
      undone =
          store.audited(
              () -> judgements.undo(id, request.actor().name()),
              j ->
                  event(
                      request.actor(),
                      AuditAction.UNDO_JUDGEMENT,
                      j,
                      "judgement " + id + " undone"));
    } catch (NoSuchElementException e) {
      // Undone by someone else since it was read.
      return already;
    }
    return new Undone(
        undone, judgements.canonicalId(undone.left()), judgements.canonicalId(undone.right()));
  }

  private static Refused notAnId(String field, String value) {
    return new Refused(Refusal.INVALID_VALUE, field + ": '" + value + "' is not a valid entity id");
  }

  /** The audit record of a judgement made or undone, written in its transaction. */
  private AuditEvent event(Actor actor, AuditAction action, Judgement j, String detail) {
    return new AuditEvent(
        actor.auditId(),
        action,
        j.left() + "|" + j.right(),
        detail,
        actor.address(),
        clock.instant());
  }
}
