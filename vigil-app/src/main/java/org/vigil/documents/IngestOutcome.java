/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.ingest.ReadStatus;

/**
 * What became of one document offered for ingest. A rejected document is an outcome, not an
 * exception, so a batch goes on past it.
 *
 * @param name the file name it was offered under
 * @param kind stored, stored as a near copy, an exact copy not stored again, or rejected
 * @param readStatus how reading it went
 * @param reason why, in a sentence
 * @param documentId the id it is stored under; for an exact copy, the id of the stored original
 * @param copyOf for a near copy, the document it nearly copies
 * @param similarity for a copy, the estimated share of text in common with the original, else 0
 * @param counts what was extracted, for a stored document
 * @param originalKept whether the file's original is kept in the store for a retry (a rejected or
 *     truncated file)
 */
public record IngestOutcome(
    String name,
    Kind kind,
    ReadStatus readStatus,
    String reason,
    Optional<String> documentId,
    Optional<String> copyOf,
    double similarity,
    Counts counts,
    boolean originalKept) {

  /** What became of a document. */
  public enum Kind {
    STORED,
    NEAR_DUPLICATE,
    EXACT_DUPLICATE,
    REJECTED
  }

  /** How many mentions, relations, events and statements a stored document gave. */
  public record Counts(int mentions, int relations, int events, int statements) {
    static final Counts NONE = new Counts(0, 0, 0, 0);
  }

  public IngestOutcome {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(readStatus, "readStatus");
    requireNonNull(reason, "reason");
    requireNonNull(documentId, "documentId");
    requireNonNull(copyOf, "copyOf");
    requireNonNull(counts, "counts");
    if ((kind == Kind.REJECTED) == documentId.isPresent()) {
      throw new IllegalArgumentException("a " + kind + " outcome " + name + " has a wrong id");
    }
  }

  static IngestOutcome rejected(String name, ReadStatus status, String reason) {
    return new IngestOutcome(
        name,
        Kind.REJECTED,
        status,
        reason,
        Optional.empty(),
        Optional.empty(),
        0.0,
        Counts.NONE,
        false);
  }

  /** The same outcome, saying whether the original file is kept for a retry. */
  IngestOutcome withOriginalKept(boolean kept) {
    return new IngestOutcome(
        name, kind, readStatus, reason, documentId, copyOf, similarity, counts, kept);
  }

  /** Whether the document was stored with only the first part of its text. */
  public boolean isTruncated() {
    return readStatus == ReadStatus.TRUNCATED
        && (kind == Kind.STORED || kind == Kind.NEAR_DUPLICATE);
  }

  /** Whether the document's text is in the store now (stored now, or stored before). */
  public boolean isKept() {
    return kind != Kind.REJECTED;
  }
}
