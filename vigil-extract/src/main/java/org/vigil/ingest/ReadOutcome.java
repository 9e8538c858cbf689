/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The result of reading one document: a status, a reason a person can read, and the document when
 * there was text to keep. A failed read is an outcome, not an exception, so a batch goes on.
 *
 * @param name the file name or other label the document was read under
 * @param status what became of it
 * @param reason why, in a sentence; for {@link ReadStatus#READ} a short summary
 * @param document the text and metadata, present exactly when {@code status.hasText()}
 */
public record ReadOutcome(
    String name, ReadStatus status, String reason, Optional<ReadDocument> document) {

  public ReadOutcome {
    requireNonNull(name, "name");
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    requireNonNull(document, "document");
    if (status.hasText() != document.isPresent()) {
      throw new IllegalArgumentException(
          "a " + status + " outcome " + (status.hasText() ? "needs" : "cannot have") + " text");
    }
  }

  static ReadOutcome failed(String name, ReadStatus status, String reason) {
    return new ReadOutcome(name, status, reason, Optional.empty());
  }

  /** The document, or an exception naming why there is none. */
  public ReadDocument expectDocument() {
    return document.orElseThrow(
        () -> new IllegalStateException(name + " has no text: " + status + ", " + reason));
  }
}
