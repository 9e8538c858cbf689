/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.util.Locale;

/** Why the intake refused a submission: each is the tipster's to fix, and nothing was kept. */
public enum IntakeProblem {
  /** Neither text nor a file. */
  EMPTY,
  /** A text over {@link TipIntake#MAX_TEXT_CHARS}. */
  TEXT_TOO_LONG,
  /** More than {@link TipIntake#MAX_ATTACHMENTS} files. */
  TOO_MANY_FILES,
  /** A file the attachment cleaner refused for a reason the tipster can fix (its type, a lock). */
  BAD_FILE,
  /** A file or the whole request over the listener's size caps. */
  TOO_LARGE,
  /** The listener's cap of accepted submissions per minute is reached. */
  BUSY,
  /**
   * The listener's smaller cap for submissions without a proof-of-work (sent without JavaScript) is
   * reached.
   */
  BUSY_UNPROVEN,
  /** The form's proof-of-work was wrong, not for a challenge of this listener, or used before. */
  PROOF_REJECTED,
  /** The receipt opens no tip (wrong, mistyped, or the tip was deleted). */
  UNKNOWN_RECEIPT;

  /** The stable code, for pages and logs that count refusals. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
