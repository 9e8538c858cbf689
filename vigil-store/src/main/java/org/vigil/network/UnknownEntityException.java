/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

/**
 * A query named an entity that does not exist or that the reader may not see; the message says
 * which, in the same words for both cases.
 */
public final class UnknownEntityException extends RuntimeException {
  private final String entityId;

  public UnknownEntityException(String entityId) {
    super("no entity " + entityId, null, false, false);
    this.entityId = entityId;
  }

  public String entityId() {
    return entityId;
  }
}
