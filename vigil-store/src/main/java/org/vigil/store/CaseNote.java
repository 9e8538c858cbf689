/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;

/**
 * An analyst's note in a case, in Markdown, under a marking of its own: its level, owned by the
 * author's organisation.
 *
 * @param body the Markdown as written; it is rendered for each reader, never shown raw to others
 * @param authorId the author's user id
 * @param authorName the author's username
 * @param writtenAt when the version in force was written (the note's first writing, or its last
 *     edit)
 * @param editedBy the username of who edited it last; empty when it was never edited
 */
public record CaseNote(
    long id,
    String caseId,
    String body,
    Tlp tlp,
    String ownerOrg,
    String authorId,
    String authorName,
    Instant writtenAt,
    Optional<String> editedBy) {
  /** The longest note kept, in chars. */
  public static final int MAX_BODY = 20_000;

  public CaseNote {
    requireNonNull(caseId, "caseId");
    body = checkedBody(body);
    requireNonNull(tlp, "tlp");
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(authorId, "authorId");
    requireNonNull(authorName, "authorName");
    requireNonNull(writtenAt, "writtenAt");
    requireNonNull(editedBy, "editedBy");
  }

  /**
   * A body as kept: not blank, at most {@link #MAX_BODY} chars.
   *
   * @throws InvalidValueException when it is blank or too long
   */
  public static String checkedBody(String body) {
    requireNonNull(body, "body");
    if (body.isBlank()) {
      throw new InvalidValueException("a note needs some text");
    }
    if (body.length() > MAX_BODY) {
      throw new InvalidValueException(
          "a note has at most " + MAX_BODY + " chars; this one has " + body.length());
    }
    return body;
  }

  /**
   * The note's marking. A TLP:RED note names its author and {@code caseReaders} (the users a RED
   * case names), so that it reaches no one the case does not.
   */
  public Marking marking(Set<String> caseReaders) {
    if (tlp == Tlp.RED) {
      java.util.TreeSet<String> named = new java.util.TreeSet<>(caseReaders);
      named.add(authorId);
      return Marking.red(ownerOrg, named);
    }
    return Marking.of(tlp, ownerOrg);
  }
}
