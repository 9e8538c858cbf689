/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.model.PropertyType;
import org.vigil.model.Source;
import org.vigil.store.Document;
import org.vigil.store.Store;

/**
 * A stored document as one viewer may read it: its text and status with the source it is, the one
 * reading behind {@code GET /api/v1/documents/{id}} and the document's page.
 */
public record StoredDocument(Document document, Source source) {
  public StoredDocument {
    requireNonNull(document, "document");
    requireNonNull(source, "source");
  }

  /**
   * The document {@code id} with its source, when {@code viewer} may see both; empty for an id that
   * is not one, or names nothing this viewer may see (the two are not told apart).
   */
  public static Optional<StoredDocument> find(Store store, Viewer viewer, String id) {
    requireNonNull(store, "store");
    requireNonNull(viewer, "viewer");
    if (!PropertyType.isEntityId(id)) {
      return Optional.empty();
    }
    return store
        .documents()
        .document(id, viewer)
        .flatMap(d -> store.statements().source(id, viewer).map(s -> new StoredDocument(d, s)));
  }
}
