/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.vigil.model.InvalidValueException;

/**
 * A task of a case: what is to be done, who does it (the case's owner or one of its user members,
 * by user id; or no one yet), how far it is, and by when.
 *
 * @param createdBy the username of who set it
 */
public record CaseTask(
    long id,
    String caseId,
    String title,
    Optional<String> assignee,
    Status status,
    Optional<LocalDate> due,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {
  /** The longest title kept. */
  public static final int MAX_TITLE = 300;

  /** How far a task is. */
  public enum Status {
    OPEN,
    DOING,
    DONE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidValueException naming the text
     */
    public static Status parse(String text) {
      for (Status s : values()) {
        if (s.code().equalsIgnoreCase(text.strip())) {
          return s;
        }
      }
      throw new InvalidValueException(
          "unknown task status '" + text + "'; use open, doing or done");
    }
  }

  public CaseTask {
    requireNonNull(caseId, "caseId");
    title = checkedTitle(title);
    requireNonNull(assignee, "assignee");
    requireNonNull(status, "status");
    requireNonNull(due, "due");
    requireNonNull(createdBy, "createdBy");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A title as kept: stripped, not blank, at most {@link #MAX_TITLE} chars.
   *
   * @throws InvalidValueException when it is blank or too long
   */
  public static String checkedTitle(String title) {
    requireNonNull(title, "title");
    String t = title.strip();
    if (t.isEmpty()) {
      throw new InvalidValueException("a task needs a title");
    }
    if (t.length() > MAX_TITLE) {
      throw new InvalidValueException(
          "a task title has at most " + MAX_TITLE + " chars; this one has " + t.length());
    }
    return t;
  }
}
