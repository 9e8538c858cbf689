/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

/** When a predicted span counts as finding a gold one of the same type. */
public enum MatchMode {
  /** Same first and last char. */
  EXACT,
  /** The spans share at least one char; each gold span is found at most once. */
  OVERLAP
}
