/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.AccountRepository;
import org.vigil.store.AuditLog;

/**
 * Checks passwords, opens and closes sessions, and resolves session ids and API tokens to the user
 * they belong to. Logins, failed logins and logouts are written to the audit log.
 */
public final class Authenticator {
  /** Longest username looked up or logged; longer input is refused without a lookup. */
  private static final int MAX_USERNAME = 128;

  private final AccountRepository accounts;
  private final AuditLog audit;
  private final PasswordHasher hasher;
  private final LoginThrottle accountThrottle;
  private final LoginThrottle addressThrottle;
  private final Clock clock;
  private final Duration sessionTtl;
  // Each Argon2 run holds ~19 MiB; bounding concurrent runs keeps a login flood from exhausting
  // the heap. Callers beyond the bound queue.
  private final Semaphore hashing =
      new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
  private volatile String decoyHash;

  public Authenticator(
      AccountRepository accounts,
      AuditLog audit,
      PasswordHasher hasher,
      Clock clock,
      Duration sessionTtl) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.audit = requireNonNull(audit, "audit");
    this.hasher = requireNonNull(hasher, "hasher");
    this.clock = requireNonNull(clock, "clock");
    this.sessionTtl = requireNonNull(sessionTtl, "sessionTtl");
    this.accountThrottle = new LoginThrottle(LoginThrottle.Policy.ACCOUNT, clock);
    this.addressThrottle = new LoginThrottle(LoginThrottle.Policy.ADDRESS, clock);
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }

  /** Checks a username and password from {@code remoteAddress}; on success opens a session. */
  public LoginOutcome login(String username, String password, String remoteAddress) {
    String name = username.strip();
    String accountKey = name.toLowerCase(Locale.ROOT);
    Optional<Duration> wait =
        longer(accountThrottle.waitFor(accountKey), addressThrottle.waitFor(remoteAddress));
    if (wait.isPresent()) {
      record("anonymous", AuditAction.LOGIN_FAILED, printable(name), "throttled", remoteAddress);
      return new LoginOutcome.Throttled(wait.get());
    }
    Optional<User> user =
        name.isEmpty() || name.length() > MAX_USERNAME
            ? Optional.empty()
            : accounts.userByName(name);
    // Unknown names are checked against a decoy hash so that they take as long as wrong passwords.
    String hash = user.map(User::passwordHash).orElseGet(this::decoyHash);
    boolean matches = verify(password, hash);
    if (user.isEmpty() || !matches || !user.get().enabled()) {
      accountThrottle.failed(accountKey);
      addressThrottle.failed(remoteAddress);
      record(
          user.map(User::id).orElse("anonymous"),
          AuditAction.LOGIN_FAILED,
          printable(name),
          user.isEmpty() ? "unknown user" : user.get().enabled() ? "wrong password" : "disabled",
          remoteAddress);
      return new LoginOutcome.Refused();
    }
    accountThrottle.succeeded(accountKey);
    addressThrottle.succeeded(remoteAddress);
    User signedIn = user.get();
    if (hasher.needsRehash(signedIn.passwordHash())) {
      accounts.setPasswordHash(signedIn.id(), hasher.hash(password));
    }
    LoginOutcome.SignedIn outcome = openSession(signedIn);
    record(signedIn.id(), AuditAction.LOGIN, signedIn.username(), "password", remoteAddress);
    return outcome;
  }

  /**
   * Opens a session for a user whose identity was established otherwise (the demo's automatic
   * sign-in on loopback). The caller audits why.
   */
  public LoginOutcome.SignedIn openSession(User user) {
    String token = Secrets.newToken();
    String hash = Secrets.digest(token);
    String csrf = Secrets.newToken();
    Instant expires = clock.instant().plus(sessionTtl);
    accounts.createSession(hash, user.id(), csrf, expires);
    Principal principal =
        new Principal(user, accounts.viewer(user), Optional.of(hash), Optional.of(csrf));
    return new LoginOutcome.SignedIn(principal, token, expires);
  }

  /** The signed-in user of a raw session id, if the session exists and has not expired. */
  public Optional<Principal> session(String sessionToken) {
    if (sessionToken.isEmpty() || sessionToken.length() > 128) {
      return Optional.empty();
    }
    String hash = Secrets.digest(sessionToken);
    return accounts
        .session(hash, clock.instant())
        .flatMap(
            s ->
                accounts
                    .userById(s.userId())
                    .filter(User::enabled)
                    .map(
                        u ->
                            new Principal(
                                u,
                                accounts.viewer(u),
                                Optional.of(hash),
                                Optional.of(s.csrfToken()))));
  }

  /** The user of a raw API token, if it exists and has not expired. */
  public Optional<Principal> apiToken(String token) {
    if (token.isEmpty() || token.length() > 128) {
      return Optional.empty();
    }
    return accounts
        .userByApiToken(Secrets.digest(token), clock.instant())
        .filter(User::enabled)
        .map(u -> new Principal(u, accounts.viewer(u), Optional.empty(), Optional.empty()));
  }

  /** Ends the principal's session (an API token is not ended by a logout). */
  public void logout(Principal principal, String remoteAddress) {
    principal.sessionHash().ifPresent(accounts::deleteSession);
    record(
        principal.user().id(),
        AuditAction.LOGOUT,
        principal.user().username(),
        principal.bySession() ? "session" : "api token",
        remoteAddress);
  }

  private boolean verify(String password, String hash) {
    hashing.acquireUninterruptibly();
    try {
      return hasher.verify(password, hash);
    } finally {
      hashing.release();
    }
  }

  private String decoyHash() {
    String decoy = decoyHash;
    if (decoy == null) {
      decoy = hasher.hash(Secrets.newToken());
      decoyHash = decoy;
    }
    return decoy;
  }

  private void record(
      String actor, AuditAction action, String target, String detail, String remoteAddress) {
    audit.append(new AuditEvent(actor, action, target, detail, remoteAddress, clock.instant()));
  }

  private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
  }

  /** A username as it may appear in the log: bounded, without control characters. */
  private static String printable(String name) {
    String cut = name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
