/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.time.Instant;
import java.util.List;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.ReviewItem;

/**
 * What resolution and cross-referencing leave for analysts: the review queue of uncertain pairs,
 * and the possible matches of entities from reporting to list entries (whose new ones are the alert
 * feed). Judgements themselves live in {@link JudgementRepository}.
 */
public interface ResolutionRepository {

  /** Replaces the whole review queue with {@code items} (a resolution run's). */
  void replaceReviewQueue(List<ReviewItem> items, Instant at);

  /** The review queue, the pairs that matter most first, at most {@code limit}. */
  List<ReviewItem> reviewQueue(int limit);

  /** How many pairs wait for review. */
  int reviewCount();

  /**
   * Records possible matches found by a screening; a pair (entity, list entry) already recorded
   * keeps its id, time and status and takes the new score and explanation.
   *
   * @return the matches that were not recorded before, with their ids: the new alerts
   */
  List<PossibleMatch> recordMatches(List<PossibleMatch> found);

  /** The possible matches of one entity, best first. */
  List<PossibleMatch> matchesOf(String entityId);

  /** Possible matches, newest first, at most {@code limit}. */
  List<PossibleMatch> alerts(int limit);

  /** How many possible matches are recorded. */
  int alertCount();
}
