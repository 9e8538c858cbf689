/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;

/**
 * The record of a file that was rejected or truncated on ingest, kept so that it can be ingested
 * again: its hash, size, name, status and reason, the terms it is to be stored under, and whether
 * its bytes are kept.
 *
 * @param fileHash "sha256:" and the hex digest of the file's bytes
 * @param fileName the name it was offered under
 * @param sizeBytes its size
 * @param status a pending status (such as "encrypted", "too_large", "truncated") or a settled one
 *     ({@link #INGESTED}, {@link #DUPLICATE})
 * @param reason why, in a sentence
 * @param marking the marking its statements are to carry
 * @param reliability the Admiralty reliability of its source
 * @param originPath where it was read from, when it came from a path
 * @param documentId the document stored from it: the truncated one, or the one a retry stored or
 *     found
 * @param attempts how many times it was offered
 * @param firstSeen when it was first offered
 * @param lastAttempt when it was last offered
 * @param contentKept whether its bytes are in the store ({@link OriginalRepository#content})
 */
public record KeptOriginal(
    String fileHash,
    String fileName,
    long sizeBytes,
    String status,
    String reason,
    Marking marking,
    Reliability reliability,
    Optional<String> originPath,
    Optional<String> documentId,
    int attempts,
    Instant firstSeen,
    Instant lastAttempt,
    boolean contentKept) {

  /** A retry stored its document; the bytes are let go. */
  public static final String INGESTED = "ingested";

  /** A retry found its text already stored; the bytes are let go. */
  public static final String DUPLICATE = "duplicate";

  private static final Set<String> SETTLED = Set.of(INGESTED, DUPLICATE);

  public KeptOriginal {
    requireNonNull(fileHash, "fileHash");
    requireNonNull(fileName, "fileName");
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    requireNonNull(marking, "marking");
    requireNonNull(reliability, "reliability");
    requireNonNull(originPath, "originPath");
    requireNonNull(documentId, "documentId");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastAttempt, "lastAttempt");
  }

  /** Whether a status means the file is done with, its bytes no longer kept. */
  public static boolean isSettled(String status) {
    return SETTLED.contains(status);
  }

  /** Whether this file still waits for a retry. */
  public boolean isPending() {
    return !isSettled(status);
  }
}
