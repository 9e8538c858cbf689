/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.PropertyType;
import org.vigil.model.Span;

/**
 * A note's reference to its evidence, written as a Markdown link whose destination names it:
 *
 * <ul>
 *   <li>{@code entity:ID}, an entity;
 *   <li>{@code statement:ENTITY/STATEMENT}, one statement of an entity;
 *   <li>{@code document:ID} or {@code document:ID#START-END}, a document or a span of its text;
 *   <li>{@code claim:ID}, a weighed claim.
 * </ul>
 */
public sealed interface Citation
    permits Citation.OfEntity, Citation.OfStatement, Citation.OfDocument, Citation.OfClaim {

  /** How the citation is written as a link destination. */
  String destination();

  /** An entity. */
  record OfEntity(String entityId) implements Citation {
    public OfEntity {
      requireNonNull(entityId, "entityId");
    }

    @Override
    public String destination() {
      return "entity:" + entityId;
    }
  }

  /** One statement of an entity, by the statement's id. */
  record OfStatement(String entityId, String statementId) implements Citation {
    public OfStatement {
      requireNonNull(entityId, "entityId");
      requireNonNull(statementId, "statementId");
    }

    @Override
    public String destination() {
      return "statement:" + entityId + "/" + statementId;
    }
  }

  /** A document, or a span of its text. */
  record OfDocument(String documentId, Optional<Span> span) implements Citation {
    public OfDocument {
      requireNonNull(documentId, "documentId");
      requireNonNull(span, "span");
    }

    @Override
    public String destination() {
      return "document:" + documentId + span.map(s -> "#" + s.start() + "-" + s.end()).orElse("");
    }
  }

  /** A weighed claim. */
  record OfClaim(String claimId) implements Citation {
    public OfClaim {
      requireNonNull(claimId, "claimId");
    }

    @Override
    public String destination() {
      return "claim:" + claimId;
    }
  }

  /** Whether a link destination is written in one of the citation forms, well formed or not. */
  static boolean looksLikeCitation(String destination) {
    return destination.startsWith("entity:")
        || destination.startsWith("statement:")
        || destination.startsWith("document:")
        || destination.startsWith("claim:");
  }

  /** The citation a link destination names, if it is a well-formed one. */
  static Optional<Citation> parse(String destination) {
    requireNonNull(destination, "destination");
    int colon = destination.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String rest = destination.substring(colon + 1);
    return switch (destination.substring(0, colon)) {
      case "entity" -> id(rest).map(OfEntity::new);
      case "claim" -> id(rest).map(OfClaim::new);
      case "statement" -> statement(rest);
      case "document" -> document(rest);
      default -> Optional.empty();
    };
  }

  private static Optional<Citation> statement(String rest) {
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String statementId = rest.substring(slash + 1);
    if (!statementId.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    return id(rest.substring(0, slash)).map(e -> new OfStatement(e, statementId));
  }

  private static Optional<Citation> document(String rest) {
    int hash = rest.indexOf('#');
    if (hash < 0) {
      return id(rest).map(d -> new OfDocument(d, Optional.empty()));
    }
    String range = rest.substring(hash + 1);
    if (!range.matches("\\d{1,9}-\\d{1,9}")) {
      return Optional.empty();
    }
    int dash = range.indexOf('-');
    int start = Integer.parseInt(range.substring(0, dash));
    int end = Integer.parseInt(range.substring(dash + 1));
    if (end <= start) {
      return Optional.empty();
    }
    Span span = new Span(start, end);
    return id(rest.substring(0, hash)).map(d -> new OfDocument(d, Optional.of(span)));
  }

  private static Optional<String> id(String text) {
    return PropertyType.isEntityId(text) ? Optional.of(text) : Optional.empty();
  }
}
