/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import org.vigil.model.InvalidValueException;

/**
 * A reference from a case to a piece of evidence: an entity, a document or a claim, by id. The case
 * holds the reference only; who may see the evidence is decided by the evidence's own markings,
 * reader by reader.
 */
public record CaseItem(Kind kind, String itemId, String addedBy, Instant addedAt) {
  /** What an item points at. */
  public enum Kind {
    ENTITY,
    DOCUMENT,
    CLAIM;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidValueException naming the text
     */
    public static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.code().equalsIgnoreCase(text.strip())) {
          return k;
        }
      }
      throw new InvalidValueException(
          "unknown item kind '" + text + "'; use entity, document or claim");
    }
  }

  public CaseItem {
    requireNonNull(kind, "kind");
    requireNonNull(itemId, "itemId");
    if (itemId.isBlank() || itemId.length() > 256) {
      throw new InvalidValueException("'" + itemId + "' is not an entity, document or claim id");
    }
    requireNonNull(addedBy, "addedBy");
    requireNonNull(addedAt, "addedAt");
  }
}
