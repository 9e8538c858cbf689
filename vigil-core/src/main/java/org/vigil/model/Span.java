/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

/**
 * A stretch of a source's text, in UTF-16 chars from its start, end exclusive: where a statement
 * was read.
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new InvalidValueException("span [" + start + ", " + end + ") is not a valid range");
    }
  }

  public int length() {
    return end - start;
  }
}
