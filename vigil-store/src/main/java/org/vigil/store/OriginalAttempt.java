/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;

/**
 * One offer of a file for ingest, as recorded among the {@link KeptOriginal kept originals}: the
 * first offer of a file inserts its row, a later one updates status, reason and attempts.
 *
 * @param fileHash "sha256:" and the hex digest of the file's bytes
 * @param fileName the name it was offered under
 * @param sizeBytes its size; {@code content} must give exactly this many bytes
 * @param status what became of it: a pending status, or a settled one, which lets its bytes go
 * @param reason why, in a sentence (cut to 2,000 chars)
 * @param marking the marking its statements are to carry
 * @param reliability the Admiralty reliability of its source
 * @param originPath where it was read from, when it came from a path
 * @param documentId the document stored from it, if any
 * @param at when it was offered
 * @param content its bytes, to keep when the row has none yet; empty when they cannot or need not
 *     be kept (too large to copy, or settled)
 */
public record OriginalAttempt(
    String fileHash,
    String fileName,
    long sizeBytes,
    String status,
    String reason,
    Marking marking,
    Reliability reliability,
    Optional<String> originPath,
    Optional<String> documentId,
    Instant at,
    Optional<Content> content) {

  /** The bytes of a file, opened when the store copies them; the store closes the stream. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }

  static final int MAX_REASON = 2000;
  static final int MAX_PATH = 4096;

  public OriginalAttempt {
    requireNonNull(fileHash, "fileHash");
    if (!fileHash.matches("sha256:[0-9a-f]{64}")) {
      throw new InvalidValueException("'" + fileHash + "' is not a sha256: file hash");
    }
    requireNonNull(fileName, "fileName");
    if (fileName.length() > Document.MAX_FILE_NAME) {
      fileName = fileName.substring(0, Document.MAX_FILE_NAME);
    }
    if (sizeBytes < 0) {
      throw new InvalidValueException("a file size cannot be negative: " + sizeBytes);
    }
    requireNonNull(status, "status");
    if (!status.matches("[a-z_]{1,32}")) {
      throw new InvalidValueException("'" + status + "' is not an original's status");
    }
    requireNonNull(reason, "reason");
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON);
    }
    requireNonNull(marking, "marking");
    requireNonNull(reliability, "reliability");
    requireNonNull(originPath, "originPath");
    if (originPath.isPresent() && originPath.get().length() > MAX_PATH) {
      originPath = Optional.empty();
    }
    requireNonNull(documentId, "documentId");
    requireNonNull(at, "at");
    at = Database.stored(at);
    requireNonNull(content, "content");
  }

  /** The same attempt with {@code status}, {@code reason} and {@code documentId}, no bytes. */
  public OriginalAttempt settled(String settledStatus, String why, String document) {
    return new OriginalAttempt(
        fileHash,
        fileName,
        sizeBytes,
        settledStatus,
        why,
        marking,
        reliability,
        originPath,
        Optional.of(document),
        at,
        Optional.empty());
  }
}
