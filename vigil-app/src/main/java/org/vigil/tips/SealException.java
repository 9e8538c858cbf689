/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

/** A sealed box that does not open with the key given: another key's, altered, or not a box. */
public final class SealException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SealException(String message) {
    super(message);
  }
}
