/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.vigil.claims.AchRating;
import org.vigil.model.InvalidValueException;

/**
 * A hypothesis of a case, in the analyst's words, with the ratings of the evidence against it
 * (Heuer's analysis of competing hypotheses). It is read under the case's marking; each rating
 * names its evidence by id and is shown only to readers who may see that evidence.
 *
 * @param authorId the user id of the analyst who wrote it
 * @param authorName their username
 * @param ratings the rated cells of its column, in order of evidence
 */
public record CaseHypothesis(
    long id,
    String caseId,
    String text,
    String authorId,
    String authorName,
    Instant writtenAt,
    List<Rating> ratings) {
  /** The longest hypothesis kept, in chars (as an ACH matrix takes it). */
  public static final int MAX_TEXT = 500;

  /**
   * How one item of evidence bears on the hypothesis, as last rated.
   *
   * @param evidence {@code claim:ID} or {@code statement:ENTITY/STATEMENT}
   * @param ratedBy the username of who rated it last
   */
  public record Rating(String evidence, AchRating rating, String ratedBy, Instant ratedAt) {
    /** The longest evidence reference kept. */
    public static final int MAX_EVIDENCE = 400;

    public Rating {
      requireNonNull(evidence, "evidence");
      if (evidence.isBlank() || evidence.length() > MAX_EVIDENCE) {
        throw new InvalidValueException("'" + evidence + "' is not a reference to evidence");
      }
      requireNonNull(rating, "rating");
      requireNonNull(ratedBy, "ratedBy");
      requireNonNull(ratedAt, "ratedAt");
    }
  }

  public CaseHypothesis {
    requireNonNull(caseId, "caseId");
    text = checkedText(text);
    requireNonNull(authorId, "authorId");
    requireNonNull(authorName, "authorName");
    requireNonNull(writtenAt, "writtenAt");
    ratings = List.copyOf(ratings);
  }

  /**
   * A hypothesis as kept: stripped, not blank, at most {@link #MAX_TEXT} chars.
   *
   * @throws InvalidValueException when it is blank or too long
   */
  public static String checkedText(String text) {
    requireNonNull(text, "text");
    String t = text.strip();
    if (t.isEmpty()) {
      throw new InvalidValueException("a hypothesis needs some text");
    }
    if (t.length() > MAX_TEXT) {
      throw new InvalidValueException(
          "a hypothesis has at most " + MAX_TEXT + " chars; this one has " + t.length());
    }
    return t;
  }
}
