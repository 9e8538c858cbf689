/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningResult;

/**
 * One list match as every screening surface reports it (the command line's rows and JSON lines, the
 * API's answer): the listed entity, its scores rounded to four places, and why it matched.
 *
 * @param name the listed entity's primary name
 * @param matchedName the name of it that matched (the primary name or an alias)
 * @param schema the FtM schema name
 * @param explanation how the names were aligned, in words
 * @param evidence what else agreed or disagreed (birth date, country, ...)
 */
public record ReportedMatch(
    String dataset,
    String entityId,
    String name,
    String matchedName,
    String schema,
    List<String> programs,
    double score,
    double nameScore,
    String explanation,
    List<String> evidence) {
  public ReportedMatch {
    requireNonNull(dataset, "dataset");
    requireNonNull(entityId, "entityId");
    requireNonNull(name, "name");
    requireNonNull(matchedName, "matchedName");
    requireNonNull(schema, "schema");
    programs = List.copyOf(programs);
    requireNonNull(explanation, "explanation");
    evidence = List.copyOf(evidence);
  }

  /** The match as reported. */
  public static ReportedMatch of(ScreeningMatch m) {
    return new ReportedMatch(
        m.dataset(),
        m.entityId(),
        m.primaryName(),
        m.matchedName(),
        m.schema().ftmName(),
        m.programs(),
        round(m.score()),
        round(m.nameScore()),
        m.nameExplanation().describe(),
        m.evidence());
  }

  /** Every match of {@code result}, best first, as reported. */
  public static List<ReportedMatch> of(ScreeningResult result) {
    return result.matches().stream().map(ReportedMatch::of).toList();
  }

  /** The explanation and the evidence in one line, separated by "; ". */
  public String explainedInFull() {
    List<String> parts = new ArrayList<>();
    parts.add(explanation);
    parts.addAll(evidence);
    return String.join("; ", parts);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
