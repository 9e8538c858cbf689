/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The provenance of a statement an analyst wrote by hand rather than an extractor read: its
 * extractor field names the author ("note:analyst"), so that every page, export and evidence panel
 * says "note by analyst …" and never passes the note off as a reading of its source.
 */
public final class AnalystNote {
  /** How an analyst's note starts its extractor field. */
  public static final String PREFIX = "note:";

  private AnalystNote() {}

  /** The extractor field of a note by {@code author}. */
  public static String by(String author) {
    requireNonNull(author, "author");
    if (author.isBlank()) {
      throw new InvalidValueException("an analyst's note needs its author");
    }
    return PREFIX + author;
  }

  /** The author, when {@code extractor} is an analyst's note. */
  public static Optional<String> author(String extractor) {
    return extractor.startsWith(PREFIX) && extractor.length() > PREFIX.length()
        ? Optional.of(extractor.substring(PREFIX.length()))
        : Optional.empty();
  }

  /** Who gave a statement, as a page says it: "note by analyst NAME" or "read by EXTRACTOR". */
  public static String provenance(String extractor) {
    return author(extractor).map(a -> "note by analyst " + a).orElse("read by " + extractor);
  }
}
