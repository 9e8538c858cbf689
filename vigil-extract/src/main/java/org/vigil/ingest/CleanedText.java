/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A text with its junk taken out, and what was taken out and why, in the order it was found.
 *
 * @param text what remains; extraction spans refer to this text
 * @param removed the lines removed
 */
public record CleanedText(String text, List<Removed> removed) {
  public CleanedText {
    requireNonNull(text, "text");
    removed = List.copyOf(removed);
  }

  /** How many lines were removed for {@code reason}. */
  public long count(Reason reason) {
    return removed.stream().filter(r -> r.reason() == reason).count();
  }

  /** One removed line. */
  public record Removed(String line, Reason reason) {
    public Removed {
      requireNonNull(line, "line");
      requireNonNull(reason, "reason");
    }
  }

  /** Why a line was removed. */
  public enum Reason {
    SHARE_BUTTONS,
    COOKIE_BANNER,
    NOTIFICATION_BANNER,
    NAVIGATION,
    PAGE_CHROME,
    TIMESTAMP_LIST,
    REPEATED_PARAGRAPH,
    BYLINE
  }
}
