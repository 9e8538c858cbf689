/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

/** Where a source's statements came from. */
public enum SourceKind {
  DOCUMENT,
  LIST_RELEASE,
  TIP,
  STIX_BUNDLE,
  ANALYST
}
