/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The STIX objects of an export, ordered by id, and the ids of the entities that have no STIX form
 * for this recipient (an address without a place, a link whose other end they may not receive).
 */
public record StixObjects(List<ObjectNode> objects, List<String> leftOut) {
  public StixObjects {
    objects = List.copyOf(objects);
    leftOut = List.copyOf(leftOut);
  }
}
