/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.vigil.model.Tlp;

/**
 * A note as it read before one of its edits: its Markdown and marking level then, who wrote that
 * version (username) and when. Version 1 is the note as first written.
 */
public record CaseNoteVersion(
    long noteId, int version, String body, Tlp tlp, String writtenBy, Instant writtenAt) {
  public CaseNoteVersion {
    if (version < 1) {
      throw new IllegalArgumentException("a version counts from 1, not " + version);
    }
    requireNonNull(body, "body");
    requireNonNull(tlp, "tlp");
    requireNonNull(writtenBy, "writtenBy");
    requireNonNull(writtenAt, "writtenAt");
  }
}
