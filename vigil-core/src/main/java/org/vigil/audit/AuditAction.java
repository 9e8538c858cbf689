/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

/** What an audited event did. */
public enum AuditAction {
  LOGIN,
  LOGIN_FAILED,
  LOGOUT,
  READ_ENTITY,
  READ_DOCUMENT,
  SEARCH,
  WRITE,
  JUDGE,
  UNDO_JUDGEMENT,
  /** An analyst's grade, link of derivation or assessment of claims. */
  GRADE,
  UNDO_GRADE,
  EXPORT,
  SHARE,
  ADMIN,
  /** An alert (a possible list match, or a failed list update) marked reviewed. */
  REVIEW_ALERT,
  /** A case opened, shared, filled, annotated, closed or deleted. */
  CASE,
  /** Tips received by the public intake, counted per day (no address, no time of day). */
  INTAKE,
  /** A tip handler's read, reply, priority or release of a tip. */
  TIP,
  /** A read of a page or route that records nothing more specific. */
  READ,
  /** A request refused for want of credentials, permission or visibility (401, 403, 404). */
  REFUSED
}
