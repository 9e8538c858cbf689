/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.resolve.Audience;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.ReviewItem;

/**
 * What resolution and cross-referencing leave for analysts: the review queue of uncertain pairs,
 * and the possible matches of entities from reporting to list entries (whose new ones are the alert
 * feed). Judgements themselves live in {@link JudgementRepository}.
 *
 * <p>Each queued pair and each possible match is derived for one {@link Audience} from the
 * statements its readers may see, and every read answers for one {@link Viewer}: what another
 * audience's statements raised does not exist for them, not even in a count.
 */
public interface ResolutionRepository {

  /** Replaces the whole review queue with these pairs, each audience's (a resolution run's). */
  void replaceReviewQueue(Map<Audience, List<ReviewItem>> queues, Instant at);

  /**
   * The review queue {@code viewer} may see, the pairs that matter most first, at most {@code
   * limit}.
   */
  List<ReviewItem> reviewQueue(Viewer viewer, int limit);

  /** How many pairs wait for review that {@code viewer} may see. */
  int reviewCount(Viewer viewer);

  /**
   * Records possible matches found for {@code audience}; a pair (entity, list entry) already
   * recorded for it keeps its id, time and status and takes the new score and explanation.
   *
   * @return the matches that were not recorded before, with their ids: the audience's new alerts
   */
  List<PossibleMatch> recordMatches(Audience audience, List<PossibleMatch> found);

  /** The possible matches of one entity that {@code viewer} may see, best first. */
  List<PossibleMatch> matchesOf(String entityId, Viewer viewer);

  /**
   * The possible matches on one list entry that {@code viewer} may see, best first: the reporting
   * entities that may be it.
   */
  List<PossibleMatch> matchesOnEntry(String listEntityId, Viewer viewer);

  /** Possible matches {@code viewer} may see, newest first, at most {@code limit}. */
  List<PossibleMatch> alerts(Viewer viewer, int limit);

  /** How many possible matches {@code viewer} may see. */
  int alertCount(Viewer viewer);

  /**
   * Raises a delisting alert for each of {@code audience}'s matches to an entry of one of {@code
   * datasets} (dataset keys) whose store id is not in {@code listed}: the list no longer names the
   * entry. The match becomes new again, {@link PossibleMatch.Change#DELISTED}, raised at {@code
   * at}. A match already delisted is left alone.
   *
   * @return the matches delisted now: the audience's new alerts
   */
  List<PossibleMatch> delistMissing(
      Audience audience, Set<String> datasets, Set<String> listed, Instant at);

  /**
   * Marks the alert {@code id} reviewed by {@code by} at {@code at}, if {@code viewer} may see it.
   * Reviewing a reviewed alert again changes nothing.
   *
   * @return the alert as it now is; empty when there is none that {@code viewer} may see
   */
  Optional<PossibleMatch> review(long id, Viewer viewer, String by, Instant at);

  /** The alert {@code id}, if {@code viewer} may see it. */
  Optional<PossibleMatch> alert(long id, Viewer viewer);

  /** Records that updating the list source {@code listSource} failed, as an alert for everyone. */
  ListAlert raiseListFailure(String listSource, String detail, Instant at);

  /** The list failure alerts, newest first, at most {@code limit}. */
  List<ListAlert> listAlerts(int limit);

  /**
   * Marks the list failure alert {@code id} reviewed.
   *
   * @return the alert as it now is; empty when there is none with that id
   */
  Optional<ListAlert> reviewListAlert(long id, String by, Instant at);
}
