/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A link from an entity read in reporting to a list entry that screening found close to it: for an
 * analyst to confirm or dismiss, never a merge by itself. Each one is an alert until reviewed; it
 * is raised again when its list entry leaves the list ({@link Change#DELISTED}).
 *
 * @param id the store's id of the link; 0 before it is stored
 * @param entityId the entity from reporting
 * @param listEntityId the store's id of the list entry, such as "ofac-sdn-10481"
 * @param listEntryId the list's own id of the entry, such as "10481"
 * @param dataset the list's key, such as "ofac-sdn"
 * @param listCaption the list entry's primary name
 * @param programmes the entry's sanctions programmes
 * @param score the screening score, in [0, 1]
 * @param explanation why it matched, one line each
 * @param foundAt when the alert was raised: first found, or found delisted
 * @param change what the list did that raised the alert
 * @param review who marked the alert reviewed, and when; empty while it is new
 */
public record PossibleMatch(
    long id,
    String entityId,
    String listEntityId,
    String listEntryId,
    String dataset,
    String listCaption,
    List<String> programmes,
    double score,
    List<String> explanation,
    Instant foundAt,
    Change change,
    Optional<Review> review) {

  /** What a list did that raised an alert. */
  public enum Change {
    /** The entry is on a list in force and matches the entity: a designation. */
    LISTED,
    /** The entry of an earlier match is no longer on its list: a removed designation. */
    DELISTED;

    /** How the pages and the API name it: "listed" or "delisted". */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who marked an alert reviewed, and when. */
  public record Review(String by, Instant at) {
    public Review {
      requireNonNull(by, "by");
      if (by.isBlank()) {
        throw new IllegalArgumentException("a review names who made it");
      }
      requireNonNull(at, "at");
    }
  }

  public PossibleMatch {
    requireNonNull(entityId, "entityId");
    requireNonNull(listEntityId, "listEntityId");
    requireNonNull(listEntryId, "listEntryId");
    requireNonNull(dataset, "dataset");
    requireNonNull(listCaption, "listCaption");
    programmes = List.copyOf(programmes);
    explanation = List.copyOf(explanation);
    requireNonNull(foundAt, "foundAt");
    requireNonNull(change, "change");
    requireNonNull(review, "review");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("a match score must be in [0, 1], not " + score);
    }
  }

  /**
   * A match as screening finds it, not yet stored or reviewed: the list's own id is read from the
   * store's id after the dataset's prefix.
   *
   * @throws IllegalArgumentException if {@code reviewed}: a review needs a reviewer
   */
  public PossibleMatch(
      long id,
      String entityId,
      String listEntityId,
      String dataset,
      String listCaption,
      List<String> programmes,
      double score,
      List<String> explanation,
      Instant foundAt,
      boolean reviewed) {
    this(
        id,
        entityId,
        listEntityId,
        ownId(listEntityId, dataset),
        dataset,
        listCaption,
        programmes,
        score,
        explanation,
        foundAt,
        Change.LISTED,
        Optional.empty());
    if (reviewed) {
      throw new IllegalArgumentException("a reviewed match names its reviewer (Review)");
    }
  }

  /** Whether an analyst has dealt with it. */
  public boolean reviewed() {
    return review.isPresent();
  }

  private static String ownId(String listEntityId, String dataset) {
    String prefix = requireNonNull(dataset, "dataset") + "-";
    return requireNonNull(listEntityId, "listEntityId").startsWith(prefix)
        ? listEntityId.substring(prefix.length())
        : listEntityId;
  }
}
