/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

/**
 * A text's own definition of a short form: "Ministry of Intelligence and Security (MOIS)".
 *
 * @param shortForm the acronym
 * @param longForm the words it stands for
 * @param start the start of the long form
 * @param end the end of the closing parenthesis
 * @param entityId the entity both forms are read as
 */
public record AcronymDefinition(
    String shortForm, String longForm, int start, int end, String entityId) {
  public AcronymDefinition {
    requireNonNull(shortForm, "shortForm");
    requireNonNull(longForm, "longForm");
    requireNonNull(entityId, "entityId");
  }
}
