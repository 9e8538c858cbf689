/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;

/**
 * An ingested document as stored: its cleaned text and what is known of its file. Its marking and
 * reliability are those of its source, whose id it shares.
 *
 * @param sourceId the id of its source, and so of the document
 * @param fileName the name it was read under
 * @param mediaType the detected media type, such as "text/html"
 * @param language the ISO 639-1 code of its language, when detected
 * @param contentHash "sha256:" and the digest of its normalised text; exact copies share it
 * @param text the cleaned text that the statements' spans refer to
 * @param status how it was read, such as "read" or "truncated"
 * @param reason why, in a sentence
 * @param nearDuplicateOf the document it nearly copies (a syndicated version), if any
 * @param similarity the estimated share of text in common with {@code nearDuplicateOf}, else 0
 * @param createdAt when it was stored
 */
public record Document(
    String sourceId,
    String fileName,
    String mediaType,
    Optional<String> language,
    String contentHash,
    String text,
    String status,
    String reason,
    Optional<String> nearDuplicateOf,
    double similarity,
    Instant createdAt) {

  static final int MAX_FILE_NAME = 1024;
  static final int MAX_REASON = 2000;

  public Document {
    if (!PropertyType.isEntityId(sourceId)) {
      throw new InvalidValueException("'" + sourceId + "' is not a valid document id");
    }
    requireNonNull(fileName, "fileName");
    if (fileName.length() > MAX_FILE_NAME) {
      throw new InvalidValueException("a file name has at most " + MAX_FILE_NAME + " chars");
    }
    requireNonNull(mediaType, "mediaType");
    requireNonNull(language, "language");
    requireNonNull(contentHash, "contentHash");
    if (contentHash.isBlank() || contentHash.length() > 256) {
      throw new InvalidValueException("'" + contentHash + "' is not a content hash");
    }
    requireNonNull(text, "text");
    requireNonNull(status, "status");
    if (!status.matches("[a-z_]{1,32}")) {
      throw new InvalidValueException("'" + status + "' is not a document status");
    }
    requireNonNull(reason, "reason");
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON);
    }
    requireNonNull(nearDuplicateOf, "nearDuplicateOf");
    if (!(similarity >= 0.0 && similarity <= 1.0)) {
      throw new InvalidValueException("similarity " + similarity + " is outside [0, 1]");
    }
    requireNonNull(createdAt, "createdAt");
    createdAt = Database.stored(createdAt);
  }
}
