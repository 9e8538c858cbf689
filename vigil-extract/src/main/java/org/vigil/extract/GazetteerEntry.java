/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;

/**
 * One entity a gazetteer knows by name.
 *
 * @param id its canonical entity id
 * @param schema its FtM schema (PublicBody, Organization, Person, ...)
 * @param name its canonical name
 * @param variants the other names it goes by, acronyms among them
 */
public record GazetteerEntry(String id, Schema schema, String name, List<String> variants) {
  public GazetteerEntry {
    if (!PropertyType.isEntityId(id)) {
      throw new IllegalArgumentException("'" + id + "' is not an entity id");
    }
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
    variants = List.copyOf(variants);
  }

  /** The canonical name, then the variants. */
  public List<String> allNames() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), variants.stream())
        .toList();
  }

  /** An acronym has no lower-case letter: "MOIS", "IRGC-QF", "F.B.I.". It matches only so. */
  static boolean isAcronym(String variant) {
    return variant.chars().noneMatch(Character::isLowerCase)
        && variant.chars().anyMatch(Character::isUpperCase);
  }
}
