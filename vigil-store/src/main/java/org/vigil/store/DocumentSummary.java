/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;

/**
 * A stored document as a list shows it, without its text.
 *
 * @param id the document's (and its source's) id
 * @param title its source's title
 * @param fileName the name it was read under
 * @param createdAt when it was stored
 * @param marking its source's marking
 * @param reliability its source's reliability grade
 * @param nearDuplicateOf the document it nearly copies, if any
 * @param similarity the estimated share of text in common with {@code nearDuplicateOf}, else 0
 */
public record DocumentSummary(
    String id,
    String title,
    String fileName,
    Instant createdAt,
    Marking marking,
    Reliability reliability,
    Optional<String> nearDuplicateOf,
    double similarity) {
  public DocumentSummary {
    requireNonNull(id, "id");
    requireNonNull(title, "title");
    requireNonNull(fileName, "fileName");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(marking, "marking");
    requireNonNull(reliability, "reliability");
    requireNonNull(nearDuplicateOf, "nearDuplicateOf");
  }
}
