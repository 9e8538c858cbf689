/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.PartialDate;

/**
 * A document's text and what its file says about it.
 *
 * @param text the extracted text, as the parser gave it (boilerplate is removed later)
 * @param mediaType the detected media type, such as "application/pdf"
 * @param contentHash "sha256:" and the hex digest of the file's bytes
 * @param charset the character set the text was decoded from, when the format has one
 * @param title the title the file declares
 * @param author the author or sender the file declares
 * @param created when the file says it was written
 * @param modified when the file says it was last changed
 * @param language the language detected in the text
 */
public record ReadDocument(
    String text,
    String mediaType,
    String contentHash,
    Optional<String> charset,
    Optional<String> title,
    Optional<String> author,
    Optional<PartialDate> created,
    Optional<PartialDate> modified,
    Optional<DetectedLanguage> language) {

  public ReadDocument {
    requireNonNull(text, "text");
    requireNonNull(mediaType, "mediaType");
    requireNonNull(contentHash, "contentHash");
    requireNonNull(charset, "charset");
    requireNonNull(title, "title");
    requireNonNull(author, "author");
    requireNonNull(created, "created");
    requireNonNull(modified, "modified");
    requireNonNull(language, "language");
  }
}
