/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.vigil.model.Marking;

/**
 * A note of a case as a report carries it: only a note whose marking reaches both the exporting
 * analyst and the recipient, as plain text, each citation kept only when both may read its evidence
 * (else its words and "[citation withheld]").
 */
public record ReportNote(
    long id, String author, Instant writtenAt, Marking marking, NoteMarkdown.Plain text) {
  public ReportNote {
    requireNonNull(author, "author");
    requireNonNull(writtenAt, "writtenAt");
    requireNonNull(marking, "marking");
    requireNonNull(text, "text");
  }
}
