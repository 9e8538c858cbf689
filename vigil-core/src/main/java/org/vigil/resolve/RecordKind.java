/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

/** Where a record to resolve comes from. */
public enum RecordKind {
  /** Read from reporting: documents, tips, analysts' notes. */
  REPORTING,
  /** An entry of a published list (a sanctions list, a threat-actor catalogue). */
  LIST
}
