/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

/**
 * Resolution judgements and the canonical ids they imply. A judgement is never overwritten: a later
 * one that contradicts it is recorded beside it, and both stay visible in the history. The most
 * recent judgement in force on a pair decides it.
 */
public interface JudgementRepository {

  /** Records a judgement on {@code left} and {@code right}. */
  Judgement judge(
      String left,
      String right,
      Verdict verdict,
      String judgedBy,
      String reason,
      OptionalDouble score);

  /**
   * Takes a judgement out of force (it stays in the history), which splits whatever it merged.
   *
   * @throws java.util.NoSuchElementException if there is no judgement with this id in force
   */
  Judgement undo(long judgementId, String undoneBy);

  /** Every judgement that names {@code recordId}, in force or undone, oldest first. */
  List<Judgement> history(String recordId);

  /** Every judgement, in force or undone, oldest first. */
  List<Judgement> all();

  /** The judgement with this id, in force or undone. */
  java.util.Optional<Judgement> byId(long judgementId);

  /** The canonical id of the cluster {@code recordId} belongs to; itself when it stands alone. */
  String canonicalId(String recordId);

  /** The records in the cluster of {@code recordId}, itself included, sorted. */
  Set<String> members(String recordId);
}
