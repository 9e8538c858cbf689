/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import java.time.Duration;
import java.time.Instant;

/** What came of a login attempt. Refusals do not say whether the name or the password was wrong. */
public sealed interface LoginOutcome {

  /**
   * @param sessionToken the raw session id for the cookie; only its digest is stored
   */
  record SignedIn(Principal principal, String sessionToken, Instant expiresAt)
      implements LoginOutcome {}

  record Refused() implements LoginOutcome {}

  /**
   * The password was right but the account needs a second factor: a code was not sent or was wrong
   * ({@code enrolmentNeeded} false), or the organisation requires one and the user has none yet
   * ({@code enrolmentNeeded} true; an administrator enrols them with {@code vigil users totp}).
   */
  record SecondFactorRequired(boolean enrolmentNeeded) implements LoginOutcome {}

  /** Too many recent failures for this account or address; try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements LoginOutcome {}
}
