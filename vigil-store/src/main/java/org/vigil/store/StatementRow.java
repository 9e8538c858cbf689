/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.Optional;
import java.util.OptionalInt;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.model.Span;

/**
 * A stored statement as graph answers read it back: the columns they show, without the hashing and
 * normalisation that building a {@link org.vigil.model.Statement} repeats (the values were checked
 * when written). Hundreds are read per answer, so that cost matters.
 */
record StatementRow(
    String id,
    String entityId,
    Schema schema,
    String property,
    String value,
    String sourceId,
    Optional<Span> span,
    String extractor,
    double confidence,
    OptionalInt credibility,
    Marking marking) {

  /** The columns {@link JdbcNetwork} selects, in the order it reads them. */
  static final String COLUMNS =
      "id, entity_id, schema_name, property, value_text, source_id, span_start, span_end,"
          + " extractor, confidence, credibility, tlp, owner_org, named_users, restricted_orgs";

  boolean isReference() {
    return schema.property(property).map(p -> p.type() == PropertyType.ENTITY).orElse(false);
  }

  boolean isDate() {
    return schema.property(property).map(p -> p.type() == PropertyType.DATE).orElse(false);
  }
}
