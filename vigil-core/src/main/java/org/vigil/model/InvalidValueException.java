/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

/**
 * A value, property or entity that breaks the model's rules: an unknown property, a date that is
 * not a date, an edge without its ends. The message names the offending value; it is safe to show
 * to the user who sent it.
 */
public class InvalidValueException extends IllegalArgumentException {
  public InvalidValueException(String message) {
    super(message);
  }
}
