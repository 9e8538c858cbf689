/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.vigil.model.Credibility;

/**
 * One analyst's credibility grade in force on a claim, for an export to the analyst's own
 * organisation: what {@link StixOpinions} turns into an {@code opinion} authored by the analyst.
 *
 * @param claimId the id of the link or event entity graded
 * @param analystId who the analyst is, stable across exports (the key of their STIX identity)
 * @param analystName the analyst's name, as their identity's name and the opinion's author
 * @param reason why, as the analyst wrote it; may be empty
 */
public record AnalystJudgement(
    String claimId,
    Credibility credibility,
    String analystId,
    String analystName,
    String reason,
    Instant gradedAt) {
  public AnalystJudgement {
    requireNonNull(claimId, "claimId");
    requireNonNull(credibility, "credibility");
    requireNonNull(analystId, "analystId");
    requireNonNull(analystName, "analystName");
    requireNonNull(reason, "reason");
    requireNonNull(gradedAt, "gradedAt");
    if (analystName.isBlank()) {
      throw new IllegalArgumentException("the analyst of a grade on " + claimId + " has no name");
    }
  }
}
