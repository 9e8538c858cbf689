/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * A gold relation of re3d between two annotated entities.
 *
 * @param type re3d's relation type, such as "BelongsTo" or "InChargeOf"
 * @param source the source entity's span and re3d type
 * @param target the target entity's span and re3d type
 */
public record Re3dRelation(String type, End source, End target) {
  public Re3dRelation {
    requireNonNull(type, "type");
    requireNonNull(source, "source");
    requireNonNull(target, "target");
  }

  /** One end: its span and the re3d type of the entity there ("Person", "Weapon", ...). */
  public record End(int start, int end, String entityType) {
    public End {
      requireNonNull(entityType, "entityType");
    }

    boolean overlaps(int otherStart, int otherEnd) {
      return start < otherEnd && otherStart < end;
    }
  }
}
