/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

/**
 * One part of a normalised name.
 *
 * @param surface the part as written, lower-case Latin ASCII ("mohammed")
 * @param form the part with spelling variants folded ("mohammad"); what comparison uses
 * @param skeleton its consonant skeleton ("mhmd"), empty when it has none
 */
public record NamePart(String surface, String form, String skeleton) {
  public NamePart {
    requireNonNull(surface, "surface");
    requireNonNull(form, "form");
    requireNonNull(skeleton, "skeleton");
  }

  /** Whether the part is a number, which only ever matches itself. */
  public boolean isNumeric() {
    for (int i = 0; i < form.length(); i++) {
      if (Character.isDigit(form.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
