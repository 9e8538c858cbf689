/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/**
 * Removes the characters a name carries without showing them: bidirectional marks, embeddings,
 * overrides and isolates (which pasted right-to-left names bring along), zero-width spaces and
 * joiners, the byte-order mark and soft hyphens. The zero-width non-joiner is kept apart: Persian
 * writes it between the parts of a compound ("زیبایی‌نژاد"), so it becomes a space.
 */
public final class RemoveInvisibleCharacters implements NameStep {

  @Override
  public String apply(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean zwnj = c == '\u200C';
      if (zwnj || isInvisible(c)) {
        if (out == null) {
          out = new StringBuilder(text.length());
          out.append(text, 0, i);
        }
        if (zwnj) {
          out.append(' ');
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  static boolean isInvisible(char c) {
    return c == '\u200B'
        || c == '\u200D'
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2060' && c <= '\u2069')
        || c == '\uFEFF'
        || c == '\u00AD';
  }
}
