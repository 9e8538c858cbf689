/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.Span;

/**
 * Why a link or a timeline item is there: the statement that says so, its source (and the document
 * when the source is an ingested one), the sentence or quote it was read from and where, the
 * extractor and its confidence, and the Admiralty grade (source reliability, then the statement's
 * credibility when known, such as "B2"). The source's title and grade appear only when the reader
 * may see the source itself.
 */
public record Evidence(
    String statementId,
    String sourceId,
    Optional<String> sourceTitle,
    Optional<String> documentId,
    Optional<String> text,
    Optional<Span> span,
    String extractor,
    double confidence,
    Optional<String> grade) {
  public Evidence {
    requireNonNull(statementId, "statementId");
    requireNonNull(sourceId, "sourceId");
    requireNonNull(sourceTitle, "sourceTitle");
    requireNonNull(documentId, "documentId");
    requireNonNull(text, "text");
    requireNonNull(span, "span");
    requireNonNull(extractor, "extractor");
    requireNonNull(grade, "grade");
  }
}
