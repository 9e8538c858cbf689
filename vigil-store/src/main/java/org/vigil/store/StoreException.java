/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

/**
 * The database or the index failed (connection lost, disk full, a constraint the model does not
 * know of). Not the caller's fault and not something a user can fix by changing their input; the
 * transaction it interrupted was rolled back.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
