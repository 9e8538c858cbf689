/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A property of a schema, with FtM's name for it ("birthDate", "member") and the type of its
 * values. An entity-reference property names the schema its values must have ({@code range}).
 */
public record Property(String name, PropertyType type, Optional<String> range) {
  public Property {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(range, "range");
    if (range.isPresent() != (type == PropertyType.ENTITY)) {
      throw new IllegalArgumentException("only entity properties have a range: " + name);
    }
  }

  static Property of(String name, PropertyType type) {
    return new Property(name, type, Optional.empty());
  }

  static Property ref(String name, String range) {
    return new Property(name, PropertyType.ENTITY, Optional.of(range));
  }
}
