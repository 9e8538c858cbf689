/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One document of a corpus with its gold entities.
 *
 * @param id the corpus's id of the document
 * @param text its text; gold spans are char offsets in it
 * @param entities the gold entities of the evaluated types
 */
public record AnnotatedDocument(String id, String text, List<TypedSpan> entities) {
  public AnnotatedDocument {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    entities = List.copyOf(entities);
    for (TypedSpan s : entities) {
      if (s.end() > text.length()) {
        throw new IllegalArgumentException(
            "document " + id + ": entity [" + s.start() + ", " + s.end() + ") is past its text");
      }
    }
  }
}
