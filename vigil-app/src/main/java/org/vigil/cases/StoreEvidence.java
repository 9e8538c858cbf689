/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.documents.StoredDocument;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Span;
import org.vigil.model.Statement;
import org.vigil.store.Store;
import org.vigil.weighing.ClaimWeighings;

/**
 * Finds cited evidence in the store as one reader sees it: through the same reads as the entity,
 * document and claim pages, so a citation shows nothing its reader could not open there.
 */
final class StoreEvidence implements CitedEvidence.Lookup {
  /** The longest quote shown from a source's text. */
  static final int MAX_QUOTE = 400;

  private final Store store;
  private final Viewer viewer;

  StoreEvidence(Store store, Viewer viewer) {
    this.store = requireNonNull(store, "store");
    this.viewer = requireNonNull(viewer, "viewer");
  }

  @Override
  public Optional<CitedEvidence> find(Citation citation) {
    // Java 17 has no switch over types; the four kinds are the sealed interface's permits.
    if (citation instanceof Citation.OfEntity e) {
      return entity(e);
    } else if (citation instanceof Citation.OfStatement s) {
      return statement(s);
    } else if (citation instanceof Citation.OfDocument d) {
      return document(d);
    }
    return claim((Citation.OfClaim) citation);
  }

  private Optional<CitedEvidence> entity(Citation.OfEntity c) {
    return store
        .statements()
        .entity(c.entityId(), viewer)
        .map(
            e ->
                new CitedEvidence(
                    c,
                    e.caption() + " (" + e.schema().ftmName() + ")",
                    href(e.id(), e.schema()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
  }

  private Optional<CitedEvidence> statement(Citation.OfStatement c) {
    Optional<Entity> entity = store.statements().entity(c.entityId(), viewer);
    Optional<Statement> found =
        entity.flatMap(
            e -> e.statements().stream().filter(s -> s.id().equals(c.statementId())).findFirst());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Statement s = found.get();
    Optional<StoredDocument> doc = StoredDocument.find(store, viewer, s.sourceId());
    Optional<String> quote =
        doc.flatMap(d -> s.span().flatMap(span -> quote(d.document().text(), span)));
    Optional<String> source =
        store.statements().source(s.sourceId(), viewer).map(org.vigil.model.Source::title);
    return Optional.of(
        new CitedEvidence(
            c,
            entity.get().caption() + " — " + s.property() + ": " + s.value(),
            doc.isPresent()
                ? href(s.sourceId(), Schema.DOCUMENT)
                : href(entity.get().id(), entity.get().schema()),
            quote,
            source,
            Optional.of(s.marking())));
  }

  private Optional<CitedEvidence> document(Citation.OfDocument c) {
    Optional<StoredDocument> doc = StoredDocument.find(store, viewer, c.documentId());
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    String text = doc.get().document().text();
    Optional<String> quote = Optional.empty();
    if (c.span().isPresent()) {
      quote = quote(text, c.span().get());
      if (quote.isEmpty()) {
        return Optional.empty(); // a span beyond the text cites nothing
      }
    }
    return Optional.of(
        new CitedEvidence(
            c,
            doc.get().source().title(),
            href(c.documentId(), Schema.DOCUMENT),
            quote,
            Optional.of(doc.get().source().title()),
            Optional.of(doc.get().source().marking())));
  }

  private Optional<CitedEvidence> claim(Citation.OfClaim c) {
    return new ClaimWeighings(store)
        .claim(c.claimId(), viewer)
        .map(
            f ->
                new CitedEvidence(
                    c,
                    f.caption(),
                    "/claims/" + encode(c.claimId()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
  }

  /** The text of a span, bounded; empty when the span lies outside the text. */
  static Optional<String> quote(String text, Span span) {
    if (span.end() > text.length() || span.length() == 0) {
      return Optional.empty();
    }
    String words = text.substring(span.start(), span.end()).strip();
    if (words.length() > MAX_QUOTE) {
      words = words.substring(0, MAX_QUOTE) + "…";
    }
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }

  static String href(String id, Schema schema) {
    return (schema == Schema.DOCUMENT ? "/documents/" : "/entities/") + encode(id);
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
