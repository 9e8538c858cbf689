/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A re3d document: which of re3d's sources it comes from, its gold entities and relations.
 *
 * @param source the re3d source folder, such as "CENTCOM"
 * @param document the text and its Person, Organisation and Location annotations
 * @param relations its gold relations
 */
public record Re3dDocument(
    String source, AnnotatedDocument document, List<Re3dRelation> relations) {
  public Re3dDocument {
    requireNonNull(source, "source");
    requireNonNull(document, "document");
    relations = List.copyOf(relations);
  }

  /**
   * Whether the document is in the development half, on which rules may be tuned; the other half is
   * the test half. The halves are cut by the document's id (a content hash), not by its labels.
   */
  public boolean development() {
    return Character.digit(document.id().charAt(0), 16) < 8;
  }
}
