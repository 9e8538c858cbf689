/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

/**
 * A person's position read from one sentence ("Esmaeil Khatib, the minister of intelligence"): the
 * FtM Person property "position".
 *
 * @param person the person
 * @param position the title as written, such as "minister"
 * @param evidence the sentence it was read from
 * @param start the sentence's start in the text
 * @param end the sentence's end
 * @param confidence from 0 to 1
 * @param extractor what read it, such as "corenlp:kbp"
 */
public record PersonPosition(
    Mention person,
    String position,
    String evidence,
    int start,
    int end,
    double confidence,
    String extractor) {

  public PersonPosition {
    requireNonNull(person, "person");
    requireNonNull(position, "position");
    requireNonNull(evidence, "evidence");
    requireNonNull(extractor, "extractor");
    if (position.isBlank()) {
      throw new IllegalArgumentException("a position needs a title");
    }
  }
}
