/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

/** What the machine does with a scored pair. */
public enum Decision {
  /** Sure enough to merge, with nothing against it. */
  MERGE,
  /** Uncertain, or in conflict: an analyst should decide. */
  REVIEW,
  /** Not alike enough to be worth anyone's time. */
  APART
}
