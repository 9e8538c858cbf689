/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

/**
 * A property of an entity read from one sentence, with the sentence as evidence: a position
 * ("position"), where a person lives or an organisation is based ("country", "address"), a birth
 * date ("birthDate"), an alias ("alias"). Nationality is recorded as written and never used as a
 * risk signal.
 *
 * @param entity the entity's mention
 * @param property the FtM property name
 * @param value the value as written, or its mention's name
 * @param evidence the sentence
 * @param start the sentence's start in the text
 * @param end its end
 * @param extractor what read it, such as "rule:based-in"
 * @param confidence from 0 to 1
 */
public record ExtractedProperty(
    Mention entity,
    String property,
    String value,
    String evidence,
    int start,
    int end,
    String extractor,
    double confidence) {
  public ExtractedProperty {
    requireNonNull(entity, "entity");
    requireNonNull(property, "property");
    requireNonNull(value, "value");
    requireNonNull(evidence, "evidence");
    requireNonNull(extractor, "extractor");
    if (value.isBlank()) {
      throw new IllegalArgumentException(property + " of " + entity.text() + " has no value");
    }
  }
}
