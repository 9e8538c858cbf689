/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Who gets in at the intake, without CAPTCHAs and without telling callers apart: a proof-of-work
 * issued with every form, and per-listener budgets per 60 seconds. A submission with a right answer
 * at the difficulty in force (or one bit under it) goes into the proven budget; one without (no
 * JavaScript, an expired challenge, a proof made cheap before the difficulty rose) into a smaller
 * budget of its own, so a flood of those cannot use up the places of proven tips. A wrong or
 * replayed answer is refused. The difficulty of new challenges rises by a bit each time demand
 * (attempts, accepted or not) doubles past half the caps, up to {@link
 * IntakeLimits#powMaxExtraBits} bits.
 *
 * <p>It holds counts only: no address, agent, time or key of any caller. Thread-safe.
 */
final class IntakeGuard {
  /** What a form leads to: a new tip or more to one (TIP), or a receipt's check (READ). */
  enum Door {
    TIP,
    READ
  }

  /** The answer at the door. */
  sealed interface Admission permits Admitted, Turned {}

  /** Let in, holding a place in a budget to give back if the submission is then refused. */
  record Admitted(RateWindow.Ticket ticket, boolean proven) implements Admission {
    Admitted {
      requireNonNull(ticket, "ticket");
    }
  }

  /** Turned away, for {@code problem}. */
  record Turned(IntakeProblem problem) implements Admission {
    Turned {
      requireNonNull(problem, "problem");
    }
  }

  private final IntakeLimits limits;
  private final ProofOfWork pow;
  private final Budgets tips;
  private final Budgets reads;

  private record Budgets(RateWindow proven, RateWindow unproven, RateWindow demand) {}

  IntakeGuard(IntakeLimits limits, SecureRandom random, Clock clock) {
    this.limits = requireNonNull(limits, "limits");
    this.pow = new ProofOfWork(random, clock, limits.powLifetimeSeconds());
    this.tips =
        new Budgets(
            new RateWindow(limits.provenTipsPerMinute(), clock),
            new RateWindow(limits.unprovenTipsPerMinute(), clock),
            new RateWindow(Integer.MAX_VALUE, clock));
    this.reads =
        new Budgets(
            new RateWindow(limits.provenReadsPerMinute(), clock),
            new RateWindow(limits.unprovenReadsPerMinute(), clock),
            new RateWindow(Integer.MAX_VALUE, clock));
  }

  /** A challenge for a form of {@code door}, at the difficulty in force. */
  ProofOfWork.Challenge challenge(Door door) {
    return pow.issue(difficulty(door), limits.powCount(), limits.powMemoryKib());
  }

  /** The zero bits per puzzle new challenges of {@code door} carry now. */
  int difficulty(Door door) {
    Budgets b = budgets(door);
    double capacity = (double) b.proven().cap() + b.unproven().cap();
    double pressure = b.demand().used() / capacity;
    int extra = 0;
    for (double level = 0.5; pressure >= level && extra < limits.powMaxExtraBits(); level *= 2) {
      extra++;
    }
    return limits.powBits() + extra;
  }

  /** Checks the form's answer {@code answer} to {@code token} and takes a place in a budget. */
  Admission admit(Door door, String token, String answer) {
    Budgets b = budgets(door);
    b.demand().count();
    ProofOfWork.Verdict verdict = pow.verify(token, answer);
    boolean proven;
    switch (verdict) {
      case VALID -> proven = pow.bitsOf(token) >= difficulty(door) - 1;
      case NONE, EXPIRED -> proven = false;
      case INVALID, REPLAYED -> {
        return new Turned(IntakeProblem.PROOF_REJECTED);
      }
      case FULL -> {
        return new Turned(IntakeProblem.BUSY);
      }
      default -> throw new IllegalStateException("verdict " + verdict);
    }
    RateWindow window = proven ? b.proven() : b.unproven();
    Optional<RateWindow.Ticket> ticket = window.tryTake();
    if (ticket.isEmpty()) {
      return new Turned(proven ? IntakeProblem.BUSY : IntakeProblem.BUSY_UNPROVEN);
    }
    return new Admitted(ticket.get(), proven);
  }

  /** Gives an admitted submission's place back: it was refused after all, and nothing kept. */
  void giveBack(Admitted a) {
    a.ticket().window().giveBack(a.ticket());
  }

  /** Accepted in the last 60 seconds at {@code door}, proven and not. */
  int accepted(Door door) {
    Budgets b = budgets(door);
    return b.proven().used() + b.unproven().used();
  }

  private Budgets budgets(Door door) {
    return switch (door) {
      case TIP -> tips;
      case READ -> reads;
    };
  }
}
