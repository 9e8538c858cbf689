/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Traffic Light Protocol 2.0 levels, from the most to the least shareable. */
public enum Tlp {
  CLEAR("TLP:CLEAR"),
  GREEN("TLP:GREEN"),
  AMBER("TLP:AMBER"),
  AMBER_STRICT("TLP:AMBER+STRICT"),
  RED("TLP:RED");

  private final String label;

  Tlp(String label) {
    this.label = label;
  }

  /** The label TLP 2.0 prints on a document, such as "TLP:AMBER+STRICT". */
  public String label() {
    return label;
  }

  /** The level's short code, such as "AMBER+STRICT". */
  public String code() {
    return label.substring("TLP:".length());
  }

  /**
   * Reads "AMBER+STRICT", "amber_strict", "TLP:AMBER+STRICT" or "tlp:red".
   *
   * @throws InvalidValueException naming the text and listing the levels
   */
  public static Tlp parse(String text) {
    String code = text.strip().toUpperCase(Locale.ROOT);
    if (code.startsWith("TLP:")) {
      code = code.substring(4);
    }
    code = code.replace('_', '+').replace(' ', '+');
    if (code.equals("WHITE")) {
      return CLEAR; // TLP 1.0's name for CLEAR, still common in partner feeds
    }
    for (Tlp tlp : values()) {
      if (tlp.code().equals(code)) {
        return tlp;
      }
    }
    throw new InvalidValueException(
        "unknown TLP level '"
            + text
            + "'; use one of "
            + Arrays.stream(values()).map(Tlp::code).collect(Collectors.joining(", ")));
  }
}
