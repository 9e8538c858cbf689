/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A link from an entity read in reporting to a list entry that screening found close to it: for an
 * analyst to confirm or dismiss, never a merge by itself.
 *
 * @param id the store's id of the link; 0 before it is stored
 * @param entityId the entity from reporting
 * @param listEntityId the store's id of the list entry, such as "ofac-sdn-10481"
 * @param dataset the list's key, such as "ofac-sdn"
 * @param listCaption the list entry's primary name
 * @param programmes the entry's sanctions programmes
 * @param score the screening score, in [0, 1]
 * @param explanation why it matched, one line each
 * @param foundAt when it was first found
 * @param reviewed whether an analyst has dealt with it
 */
public record PossibleMatch(
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
  public PossibleMatch {
    requireNonNull(entityId, "entityId");
    requireNonNull(listEntityId, "listEntityId");
    requireNonNull(dataset, "dataset");
    requireNonNull(listCaption, "listCaption");
    programmes = List.copyOf(programmes);
    explanation = List.copyOf(explanation);
    requireNonNull(foundAt, "foundAt");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("a match score must be in [0, 1], not " + score);
    }
  }
}
