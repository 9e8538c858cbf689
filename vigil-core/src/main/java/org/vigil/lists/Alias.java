/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import static java.util.Objects.requireNonNull;

import org.vigil.model.InvalidValueException;
import org.vigil.names.Script;

/**
 * Another name of a list entry.
 *
 * @param name the alias as published
 * @param weak whether the list calls it a weak or low-quality alias (OFAC "weak aka", UN "Low")
 * @param script the script it is written in
 */
public record Alias(String name, boolean weak, Script script) {
  public Alias {
    requireNonNull(name, "name");
    requireNonNull(script, "script");
    if (name.isBlank()) {
      throw new InvalidValueException("an alias cannot be blank");
    }
  }

  public static Alias of(String name, boolean weak) {
    String stripped = name.strip();
    return new Alias(stripped, weak, Script.detect(stripped));
  }
}
