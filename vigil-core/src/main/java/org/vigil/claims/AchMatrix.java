/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.model.InvalidValueException;

/**
 * An analysis of competing hypotheses as entered: hypotheses, items of evidence, and each analyst's
 * ratings of the cells. A cell an analyst did not rate counts as neutral. Bounded: a matrix has 1
 * to {@value #MAX_HYPOTHESES} hypotheses and 1 to {@value #MAX_EVIDENCE} items; anything else is
 * refused whole.
 *
 * @param ratings by analyst, their ratings (in order of entry)
 */
public record AchMatrix(
    List<String> hypotheses, List<AchEvidence> evidence, Map<String, List<Cell>> ratings) {
  public static final int MAX_HYPOTHESES = 20;
  public static final int MAX_EVIDENCE = 500;

  /** One analyst's rating of one item against one hypothesis. */
  public record Cell(String evidenceId, String hypothesis, AchRating rating) {
    public Cell {
      requireNonNull(evidenceId, "evidenceId");
      requireNonNull(hypothesis, "hypothesis");
      requireNonNull(rating, "rating");
    }
  }

  public AchMatrix {
    requireNonNull(hypotheses, "hypotheses");
    requireNonNull(evidence, "evidence");
    requireNonNull(ratings, "ratings");
    if (hypotheses.isEmpty()) {
      throw new InvalidValueException("an ACH matrix needs at least one hypothesis");
    }
    if (hypotheses.size() > MAX_HYPOTHESES) {
      throw new InvalidValueException(
          "an ACH matrix has at most " + MAX_HYPOTHESES + " hypotheses, not " + hypotheses.size());
    }
    if (evidence.isEmpty()) {
      throw new InvalidValueException("an ACH matrix needs at least one item of evidence");
    }
    if (evidence.size() > MAX_EVIDENCE) {
      throw new InvalidValueException(
          "an ACH matrix has at most "
              + MAX_EVIDENCE
              + " items of evidence, not "
              + evidence.size());
    }
    Set<String> hs = new HashSet<>();
    for (String h : hypotheses) {
      if (h == null || h.isBlank() || h.length() > 500) {
        throw new InvalidValueException("a hypothesis needs 1 to 500 chars");
      }
      if (!hs.add(h)) {
        throw new InvalidValueException("hypothesis '" + h + "' is given twice");
      }
    }
    Set<String> es = new HashSet<>();
    for (AchEvidence e : evidence) {
      if (!es.add(e.id())) {
        throw new InvalidValueException("evidence '" + e.id() + "' is given twice");
      }
    }
    Map<String, List<Cell>> copy = new LinkedHashMap<>();
    for (var r : ratings.entrySet()) {
      if (r.getKey().isBlank()) {
        throw new InvalidValueException("a rating needs its analyst's name");
      }
      for (Cell c : r.getValue()) {
        if (!es.contains(c.evidenceId())) {
          throw new InvalidValueException("no evidence '" + c.evidenceId() + "' in the matrix");
        }
        if (!hs.contains(c.hypothesis())) {
          throw new InvalidValueException("no hypothesis '" + c.hypothesis() + "' in the matrix");
        }
      }
      copy.put(r.getKey(), List.copyOf(r.getValue()));
    }
    hypotheses = List.copyOf(hypotheses);
    evidence = List.copyOf(evidence);
    ratings = java.util.Collections.unmodifiableMap(copy);
  }

  /** {@code analyst}'s rating of one cell: the last one entered, else neutral. */
  AchRating rating(String analyst, String evidenceId, String hypothesis) {
    AchRating out = AchRating.NEUTRAL;
    for (Cell c : ratings.getOrDefault(analyst, List.of())) {
      if (c.evidenceId().equals(evidenceId) && c.hypothesis().equals(hypothesis)) {
        out = c.rating();
      }
    }
    return out;
  }
}
