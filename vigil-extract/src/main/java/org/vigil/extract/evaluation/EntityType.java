/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

/** The entity types every evaluated corpus shares. */
public enum EntityType {
  PERSON("Person"),
  ORGANISATION("Organisation"),
  LOCATION("Location");

  private final String label;

  EntityType(String label) {
    this.label = label;
  }

  /** The name printed in reports. */
  public String label() {
    return label;
  }
}
