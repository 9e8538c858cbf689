/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.Schema;

/**
 * A stretch of text that names a person, organisation, place or other thing.
 *
 * @param text the text as written
 * @param type what it names
 * @param start where it starts, in chars of the text, inclusive
 * @param end where it ends, exclusive
 * @param entityId the entity it is read as: a dictionary entry's id, or one derived from its name
 *     so that the same name in one text is one entity
 * @param schema the FtM schema of that entity, for people and organisations
 * @param canonicalName the entity's name when a dictionary knows it
 * @param extractor what found it, such as "gazetteer" or "corenlp:ner"
 * @param confidence from 0 to 1
 */
public record Mention(
    String text,
    MentionType type,
    int start,
    int end,
    String entityId,
    Optional<Schema> schema,
    Optional<String> canonicalName,
    String extractor,
    double confidence) {

  /**
   * The extractor of mentions a caller gives rather than Vigil finds (a corpus's gold entities):
   * the relation model pairs them whatever their case.
   */
  public static final String GIVEN = "given";

  public Mention {
    requireNonNull(text, "text");
    requireNonNull(type, "type");
    requireNonNull(entityId, "entityId");
    requireNonNull(schema, "schema");
    requireNonNull(canonicalName, "canonicalName");
    requireNonNull(extractor, "extractor");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("[" + start + ", " + end + ") is not a mention's span");
    }
  }

  /**
   * A party named by description rather than by name ("the release", "German officials"): it has no
   * schema, so it is never stored as an entity; its id is that of its words, so two mentions of the
   * same words are one party.
   */
  public static Mention described(
      String text, MentionType type, int start, int end, String extractor, double confidence) {
    return new Mention(
        text,
        type,
        start,
        end,
        EntityIds.forName(type, text),
        Optional.empty(),
        Optional.empty(),
        extractor,
        confidence);
  }

  /** The name to store: the dictionary's when known, else the text. */
  public String name() {
    return canonicalName.orElse(text);
  }

  boolean overlaps(int otherStart, int otherEnd) {
    return start < otherEnd && otherStart < end;
  }

  /**
   * This stretch of text read as {@code antecedent}'s entity: its own span and words, the entity,
   * type, schema and name of the mention it stands for, and {@code reader} as what found it.
   */
  public Mention standingFor(Mention antecedent, String reader) {
    return new Mention(
        text,
        antecedent.type(),
        start,
        end,
        antecedent.entityId(),
        antecedent.schema(),
        Optional.of(antecedent.name()),
        reader,
        Math.min(confidence, antecedent.confidence()) * 0.9);
  }

  /** The same mention, read as {@code full}'s entity (a short form of that name). */
  public Mention joining(Mention full) {
    return new Mention(
        text,
        full.type(),
        start,
        end,
        full.entityId(),
        full.schema(),
        Optional.of(full.name()),
        extractor,
        confidence);
  }

  /** The same mention with its entity id passed through {@code ids}. */
  Mention withIds(java.util.function.UnaryOperator<String> ids) {
    return withEntity(ids.apply(entityId), schema, canonicalName);
  }

  Mention withEntity(String id, Optional<Schema> newSchema, Optional<String> canonical) {
    return new Mention(text, type, start, end, id, newSchema, canonical, extractor, confidence);
  }
}
