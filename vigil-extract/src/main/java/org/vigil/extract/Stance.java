/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

/** How a claimant holds what it says. */
public enum Stance {
  /** States it as fact. */
  ASSERTS,
  /** Says it is not so. */
  DENIES,
  /** Says it is so, as an accusation or a claim not yet shown ("accused", "alleged"). */
  ALLEGES,
  /** Says it may be so ("reportedly", "suspected", "may have"). */
  SPECULATES
}
