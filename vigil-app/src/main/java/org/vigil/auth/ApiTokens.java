/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import java.time.Clock;
import java.time.Duration;
import org.vigil.access.User;
import org.vigil.model.InvalidValueException;
import org.vigil.store.AccountRepository;

/** Issues API tokens: random, shown once, stored only as a digest. */
public final class ApiTokens {
  private ApiTokens() {}

  /**
   * Creates a token for {@code user}, valid for {@code validity}, and returns the raw token.
   *
   * @throws InvalidValueException if the label is empty or longer than 200 characters
   */
  public static String issue(
      AccountRepository accounts, User user, String label, Duration validity, Clock clock) {
    String cleaned = label.strip();
    if (cleaned.isEmpty() || cleaned.length() > 200) {
      throw new InvalidValueException("a token label needs 1 to 200 characters");
    }
    String token = Secrets.newToken();
    accounts.createApiToken(
        Secrets.digest(token), user.id(), cleaned, clock.instant().plus(validity));
    return token;
  }
}
