/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

/**
 * Who first said a claim, as far as is known: a party (the quoted claimant, else the source
 * itself), or no one known ("sources said", "reportedly"). An unknown origin is never counted as an
 * independent one.
 */
public sealed interface Origin {

  /** A party or source that said it; its id is a node of the origin links. */
  record Party(String id) implements Origin {
    public Party {
      if (id == null || id.isBlank() || id.length() > OriginLink.MAX_ID) {
        throw new IllegalArgumentException("'" + id + "' is not a party id");
      }
    }
  }

  /** No one known. */
  record Unknown() implements Origin {}

  static Origin party(String id) {
    return new Party(id);
  }

  static Origin unknown() {
    return new Unknown();
  }
}
