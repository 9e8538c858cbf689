/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

/**
 * What an action needs. Every HTTP route and CLI command names one; {@link #ANONYMOUS} is the
 * explicit choice of the few routes (health, login) that anyone may call.
 */
public enum Permission {
  ANONYMOUS,
  READ,
  SCREEN,
  WRITE,
  JUDGE,
  EXPORT,
  ADMIN,
  /** The tip line's queue: reading, replying to and prioritising tips (tip handlers only). */
  TIPS
}
