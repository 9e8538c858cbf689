/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

/**
 * The database could not be reached, or cut the connection (restarting, shutting down, a network
 * fault): nothing of the failed work was committed unless the cut came during its commit, and the
 * same work may be tried again once the database answers (the pool replaces dead connections by
 * itself). A server answers it with 503 and {@code Retry-After}.
 */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
