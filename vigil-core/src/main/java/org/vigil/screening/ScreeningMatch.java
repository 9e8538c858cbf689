/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.vigil.model.Schema;
import org.vigil.names.NameExplanation;

/**
 * A list entry that may be whom the query names, and why.
 *
 * @param dataset the list, such as "OFAC SDN"
 * @param entityId the list's id of the entry
 * @param primaryName the entry's primary name
 * @param matchedName the entry's name (primary or alias) that matched best
 * @param schema the entry's schema
 * @param programs the entry's sanctions programmes
 * @param score the overall score in [0, 1]: the name score adjusted by the other evidence
 * @param nameScore the score of the names alone
 * @param nameExplanation which name parts aligned and how
 * @param evidence how birth date, country, schema and alias quality moved the score
 */
public record ScreeningMatch(
    String dataset,
    String entityId,
    String primaryName,
    String matchedName,
    Schema schema,
    List<String> programs,
    double score,
    double nameScore,
    NameExplanation nameExplanation,
    List<String> evidence) {
  public ScreeningMatch {
    requireNonNull(dataset, "dataset");
    requireNonNull(entityId, "entityId");
    requireNonNull(primaryName, "primaryName");
    requireNonNull(matchedName, "matchedName");
    requireNonNull(schema, "schema");
    programs = List.copyOf(programs);
    requireNonNull(nameExplanation, "nameExplanation");
    evidence = List.copyOf(evidence);
  }

  /** One line: score, list, entry, and the reasons. */
  public String describe() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "%.3f %s %s \"%s\" via \"%s\": %s",
                score,
                dataset,
                entityId,
                primaryName,
                matchedName,
                nameExplanation.describe()));
    if (!evidence.isEmpty()) {
      out.append("; ").append(String.join("; ", evidence));
    }
    return out.toString();
  }

  /**
   * The match in sentences for the person who reviews it: which entry of which list, its score, the
   * name of it that matched, why the names correspond ({@link NameExplanation#inWords}), and what
   * else agreed or disagreed.
   */
  public String explain() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "%s entry %s, \"%s\", scores %.2f through its name \"%s\". %s",
                dataset,
                entityId,
                primaryName,
                score,
                matchedName,
                nameExplanation.inWords()));
    for (String e : evidence) {
      out.append(' ').append(e.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
      out.append(e.substring(1)).append('.');
    }
    return out.toString();
  }
}
