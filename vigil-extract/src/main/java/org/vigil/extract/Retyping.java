/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.Optional;
import org.vigil.model.Schema;

/** A recogniser's mention read again as another type: the same span, the new type's entity. */
final class Retyping {
  private Retyping() {}

  static Mention as(Mention m, MentionType type) {
    return as(m, type, m.start(), m.end(), m.text());
  }

  static Mention as(Mention m, MentionType type, int start, int end, String name) {
    Optional<Schema> schema =
        switch (type) {
          case PERSON -> Optional.of(Schema.PERSON);
          case ORGANIZATION -> Optional.of(Schema.ORGANIZATION);
          case LOCATION, MISC -> Optional.empty();
        };
    return new Mention(
        name,
        type,
        start,
        end,
        EntityIds.forName(type, name),
        schema,
        Optional.empty(),
        m.extractor(),
        m.confidence());
  }

  /** A mention the context found that no recogniser returned. */
  static Mention found(String text, MentionType type, int start, int end, String extractor) {
    String name = text.substring(start, end);
    Mention seed =
        new Mention(
            name,
            type,
            start,
            end,
            EntityIds.forName(type, name),
            Optional.empty(),
            Optional.empty(),
            extractor,
            0.6);
    return as(seed, type);
  }
}
