/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One fact: entity {@code entityId}, of schema {@code schema}, has {@code value} for {@code
 * property}, according to source {@code sourceId}. Its provenance says where in the source it was
 * read, which extractor read it and how sure it was; its marking says who may see it.
 *
 * <p>The id is derived from source, entity, property, value and span, so the same fact read again
 * from the same place is the same statement (its {@code lastSeen} moves on).
 */
public record Statement(
    String id,
    String entityId,
    Schema schema,
    String property,
    String value,
    String sourceId,
    Optional<Span> span,
    String extractor,
    double confidence,
    Optional<Credibility> credibility,
    Marking marking,
    Instant firstSeen,
    Instant lastSeen) {

  public Statement {
    requireNonNull(schema, "schema");
    if (!PropertyType.isEntityId(entityId)) {
      throw new InvalidValueException("'" + entityId + "' is not a valid entity id");
    }
    if (!PropertyType.isEntityId(sourceId)) {
      throw new InvalidValueException("'" + sourceId + "' is not a valid source id");
    }
    value = schema.normalise(property, value);
    requireNonNull(span, "span");
    requireNonNull(extractor, "extractor");
    if (extractor.isBlank() || extractor.length() > 128) {
      throw new InvalidValueException("an extractor name must have 1 to 128 chars");
    }
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new InvalidValueException("confidence " + confidence + " is outside [0, 1]");
    }
    requireNonNull(credibility, "credibility");
    requireNonNull(marking, "marking");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    if (lastSeen.isBefore(firstSeen)) {
      throw new InvalidValueException("a statement cannot be last seen before it was first seen");
    }
    String expected = idOf(sourceId, entityId, property, value, span);
    if (id == null) {
      id = expected;
    } else if (!id.equals(expected)) {
      throw new InvalidValueException("statement id " + id + " does not match its content");
    }
  }

  /** Starts a statement; the rest of its provenance has defaults until set. */
  public static Builder about(String entityId, Schema schema) {
    return new Builder(entityId, schema);
  }

  /** Whether the value refers to another entity (an edge's end, an address entity). */
  public boolean isReference() {
    return schema.expectProperty(property).type() == PropertyType.ENTITY;
  }

  /** The same statement, seen again at {@code when}. */
  public Statement seenAgain(Instant when) {
    return new Statement(
        id,
        entityId,
        schema,
        property,
        value,
        sourceId,
        span,
        extractor,
        confidence,
        credibility,
        marking,
        firstSeen,
        when.isAfter(lastSeen) ? when : lastSeen);
  }

  static String idOf(
      String sourceId, String entityId, String property, String value, Optional<Span> span) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String key =
          String.join(
              "\u001f",
              sourceId,
              entityId,
              property,
              value,
              span.map(s -> s.start() + ":" + s.end()).orElse(""));
      byte[] hash = digest.digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Collects a statement's fields; {@link #build()} validates them. */
  public static final class Builder {
    private final String entityId;
    private final Schema schema;
    private String property;
    private String value;
    private String sourceId;
    private Optional<Span> span = Optional.empty();
    private String extractor = "analyst";
    private double confidence = 1.0;
    private Optional<Credibility> credibility = Optional.empty();
    private Marking marking;
    private Instant seen = Instant.now();

    private Builder(String entityId, Schema schema) {
      this.entityId = entityId;
      this.schema = schema;
    }

    public Builder set(String property, String value) {
      this.property = property;
      this.value = value;
      return this;
    }

    /** The source; its marking becomes the statement's unless {@link #marking} says otherwise. */
    public Builder from(Source source) {
      this.sourceId = source.id();
      if (this.marking == null) {
        this.marking = source.marking();
      }
      return this;
    }

    public Builder source(String sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    public Builder span(int start, int end) {
      this.span = Optional.of(new Span(start, end));
      return this;
    }

    public Builder extractor(String extractor, double confidence) {
      this.extractor = extractor;
      this.confidence = confidence;
      return this;
    }

    public Builder credibility(Credibility credibility) {
      this.credibility = Optional.of(credibility);
      return this;
    }

    public Builder marking(Marking marking) {
      this.marking = marking;
      return this;
    }

    public Builder seen(Instant when) {
      this.seen = when;
      return this;
    }

    public Statement build() {
      if (property == null) {
        throw new InvalidValueException("a statement needs a property and a value");
      }
      if (marking == null) {
        throw new InvalidValueException("a statement needs a marking or a source to take it from");
      }
      return new Statement(
          null,
          entityId,
          schema,
          property,
          value,
          sourceId,
          span,
          extractor,
          confidence,
          credibility,
          marking,
          seen,
          seen);
    }
  }
}
