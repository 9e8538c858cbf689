/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.access.Permission;
import org.vigil.access.User;
import org.vigil.model.InvalidValueException;
import org.vigil.store.AccountRepository;

/** Issues API tokens: random, shown once, stored only as a digest, optionally scoped. */
public final class ApiTokens {
  /** The longest a token may be valid. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(3650);

  private ApiTokens() {}

  /**
   * Creates a token for {@code user} with every permission of the user's role, valid for {@code
   * validity}, and returns the raw token.
   *
   * @throws InvalidValueException if the label is empty or longer than 200 characters
   */
  public static String issue(
      AccountRepository accounts, User user, String label, Duration validity, Clock clock) {
    return issue(accounts, user, label, validity, Set.of(), clock);
  }

  /**
   * Creates a token for {@code user} limited to {@code scopes} (empty: every permission of the
   * user's role; {@code READ} alone makes a read-only token), valid for {@code validity}.
   *
   * @throws InvalidValueException if the label is empty or too long, the validity is not between a
   *     minute and ten years, or a scope is not a permission the user's role grants
   */
  public static String issue(
      AccountRepository accounts,
      User user,
      String label,
      Duration validity,
      Set<Permission> scopes,
      Clock clock) {
    String cleaned = label.strip();
    if (cleaned.isEmpty() || cleaned.length() > 200) {
      throw new InvalidValueException("a token label needs 1 to 200 characters");
    }
    if (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new InvalidValueException(
          "a token is valid for a minute to ten years, not " + validity);
    }
    for (Permission p : scopes) {
      if (p == Permission.ANONYMOUS || !user.role().grants(p)) {
        throw new InvalidValueException(
            "the scope '"
                + p.name().toLowerCase(Locale.ROOT)
                + "' is not a permission of the role "
                + user.role().code());
      }
    }
    String token = Secrets.newToken();
    accounts.createApiToken(
        Secrets.digest(token),
        user.id(),
        cleaned,
        clock.instant().plus(validity),
        scopes.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted().toList());
    return token;
  }

  /**
   * Reads scope names ("read", "write", ...) as permissions.
   *
   * @throws InvalidValueException naming a scope that is not a permission
   */
  public static Set<Permission> parseScopes(List<String> names) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    for (String name : names) {
      String clean = name.strip().toUpperCase(Locale.ROOT);
      if (clean.isEmpty()) {
        continue;
      }
      try {
        Permission p = Permission.valueOf(clean);
        if (p == Permission.ANONYMOUS) {
          throw new IllegalArgumentException(clean);
        }
        out.add(p);
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException(
            "'" + name + "' is not a token scope; use read, screen, write, judge, export or admin");
      }
    }
    return out;
  }

  /** The permissions of stored scope names; names no longer known grant nothing. */
  static Set<Permission> permissions(List<String> scopes) {
    if (scopes.isEmpty()) {
      return Set.of();
    }
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    for (String s : scopes) {
      for (Permission p : Permission.values()) {
        if (p.name().equalsIgnoreCase(s) && p != Permission.ANONYMOUS) {
          out.add(p);
        }
      }
    }
    // A scoped token whose every scope is unknown must not become an unscoped one.
    return out.isEmpty() ? EnumSet.of(Permission.ANONYMOUS) : out;
  }
}
