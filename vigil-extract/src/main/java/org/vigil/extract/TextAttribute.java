/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

/**
 * A nationality, religion or ethnic group named in a text. It describes the text and is kept as
 * such: Vigil never turns it into a fact about a person, and never into a risk signal.
 */
public record TextAttribute(Kind kind, String text, int start, int end) {
  /** Which sort of group the word names. */
  public enum Kind {
    NATIONALITY,
    RELIGION,
    ETHNIC_GROUP
  }

  public TextAttribute {
    requireNonNull(kind, "kind");
    requireNonNull(text, "text");
  }
}
