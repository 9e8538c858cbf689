/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.resolve.Audience;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

/**
 * Resolution judgements and the canonical ids they imply. A judgement is never overwritten: a later
 * one that contradicts it is recorded beside it, and both stay visible in the history. The most
 * recent judgement in force on a pair decides it.
 *
 * <p>Every judgement has an {@link Audience}: the organisation that owns it (the only one that may
 * undo it) and the users who may read it. A reader sees a judgement, its note, and the clusters it
 * implies only if the audience admits them; for anyone else it does not exist, and every read here
 * answers for one {@link Viewer}.
 */
public interface JudgementRepository {

  /**
   * Records {@code judge}'s judgement on {@code left} and {@code right} (entities as the judge sees
   * them). It belongs to the judge's organisation, and its readers are the users of that
   * organisation who may see every statement of both entities that the judge sees; an operator's
   * ({@link Viewer#system()}) reaches every user who may see every statement of both.
   *
   * @throws java.util.NoSuchElementException naming the id, if the judge may see no statement of
   *     either entity: the same answer as for an id that does not exist
   */
  Judgement judge(Viewer judge, String left, String right, Verdict verdict, String reason);

  /**
   * Records a judgement for {@code audience}, as the machine does for each audience it resolves.
   */
  Judgement record(
      String left,
      String right,
      Verdict verdict,
      String judgedBy,
      String reason,
      OptionalDouble score,
      Audience audience);

  /**
   * Takes a judgement out of force (it stays in the history), which splits whatever it merged.
   *
   * @throws java.util.NoSuchElementException if there is no judgement with this id in force that
   *     {@code by} may see and whose organisation is theirs
   */
  Judgement undo(long judgementId, Viewer by);

  /** Every judgement {@code viewer} may see that names {@code recordId}, oldest first. */
  List<Judgement> history(String recordId, Viewer viewer);

  /** Every judgement {@code viewer} may see, in force or undone, oldest first. */
  List<Judgement> all(Viewer viewer);

  /** The judgement with this id, in force or undone, if {@code viewer} may see it. */
  Optional<Judgement> byId(long judgementId, Viewer viewer);

  /**
   * The canonical id of the cluster {@code recordId} belongs to as {@code viewer} sees it; itself
   * when it stands alone.
   */
  String canonicalId(String recordId, Viewer viewer);

  /** The records in the cluster of {@code recordId} as {@code viewer} sees it, sorted. */
  Set<String> members(String recordId, Viewer viewer);
}
