/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.AccountRepository;
import org.vigil.store.Store;

/**
 * Checks passwords and second factors, opens and closes sessions, and resolves session ids and API
 * tokens to the user they belong to. Logins, failed logins, logouts and account changes are written
 * to the audit log, each in the transaction of what it records.
 *
 * <p>Password guessing is slowed by three throttles, each counted before the password hash is
 * computed: per account at one address (tight), per address (looser, for shared addresses) and per
 * account from addresses the account has never signed in from (against guesses spread over many
 * addresses). None is a hard lock and none is cleared by another account's success, and the
 * account's owner at an address they signed in from before is subject only to the first two: no one
 * can lock everyone, or an account's owner, out by failing.
 */
public final class Authenticator {
  /** Longest username looked up or logged; longer input is refused without a lookup. */
  private static final int MAX_USERNAME = 128;

  /** A session's last use is written at most this often, not on every request. */
  private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

  /**
   * Addresses remembered per account as ones it signed in from, in the store: every node on one
   * database knows them.
   */
  private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 16;

  private final Store store;
  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final LoginThrottle pairThrottle;
  private final LoginThrottle addressThrottle;
  private final LoginThrottle accountThrottle;
  private final Clock clock;
  private final Duration sessionTtl;
  private final Duration sessionIdle;
  // Each Argon2 run holds ~19 MiB; bounding concurrent runs keeps a login flood from exhausting
  // the heap. Callers beyond the bound queue.
  private final Semaphore hashing =
      new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
  private volatile String decoyHash;

  /**
   * @param sessionTtl how long a session lasts at most
   * @param sessionIdle how long a session lasts unused
   */
  public Authenticator(
      Store store, PasswordHasher hasher, Clock clock, Duration sessionTtl, Duration sessionIdle) {
    this.store = requireNonNull(store, "store");
    this.accounts = store.accounts();
    this.hasher = requireNonNull(hasher, "hasher");
    this.clock = requireNonNull(clock, "clock");
    this.sessionTtl = requireNonNull(sessionTtl, "sessionTtl");
    this.sessionIdle = requireNonNull(sessionIdle, "sessionIdle");
    // counted in the store, so that every node on one database counts the same failures
    this.pairThrottle =
        new LoginThrottle(
            LoginThrottle.Policy.ACCOUNT_AT_ADDRESS,
            clock,
            LoginThrottle.stored(store.loginFailures(), "pair"));
    this.addressThrottle =
        new LoginThrottle(
            LoginThrottle.Policy.ADDRESS,
            clock,
            LoginThrottle.stored(store.loginFailures(), "address"));
    this.accountThrottle =
        new LoginThrottle(
            LoginThrottle.Policy.ACCOUNT,
            clock,
            LoginThrottle.stored(store.loginFailures(), "account"));
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }

  /** Checks a username and password from {@code remoteAddress}; on success opens a session. */
  public LoginOutcome login(String username, String password, String remoteAddress) {
    return login(username, password, "", remoteAddress);
  }

  /**
   * Checks a username, password and (for a user with a second factor) TOTP code from {@code
   * remoteAddress}; on success opens a session. The attempt is counted by the throttles before the
   * password hash is computed, and forgiven only when it succeeds.
   */
  public LoginOutcome login(String username, String password, String code, String remoteAddress) {
    String name = username.strip();
    String accountKey = name.toLowerCase(Locale.ROOT);
    String pairKey = accountKey + "\n" + remoteAddress;
    boolean knownAddress = isKnownAddress(accountKey, remoteAddress);
    Optional<Duration> wait = pairThrottle.attempt(pairKey);
    if (wait.isEmpty()) {
      wait = addressThrottle.attempt(remoteAddress);
      if (wait.isPresent()) {
        pairThrottle.forgive(pairKey);
      } else if (!knownAddress) {
        wait = accountThrottle.attempt(accountKey);
        if (wait.isPresent()) {
          pairThrottle.forgive(pairKey);
          addressThrottle.forgive(remoteAddress);
        }
      }
    }
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
      record(
          user.map(User::id).orElse("anonymous"),
          AuditAction.LOGIN_FAILED,
          printable(name),
          user.isEmpty() ? "unknown user" : user.get().enabled() ? "wrong password" : "disabled",
          remoteAddress);
      return new LoginOutcome.Refused();
    }
    User signedIn = user.get();
    AccountRepository.TotpState totp = accounts.totp(signedIn.id());
    if (totp.secret().isEmpty() && accounts.requiresTotp(signedIn.orgId())) {
      record(
          signedIn.id(),
          AuditAction.LOGIN_FAILED,
          signedIn.username(),
          "second factor required by the organisation, none enrolled",
          remoteAddress);
      return new LoginOutcome.SecondFactorRequired(true);
    }
    if (totp.secret().isPresent()) {
      OptionalLong step = Totp.verify(totp.secret().get(), code, clock.instant());
      if (step.isEmpty() || !accounts.useTotpStep(signedIn.id(), step.getAsLong())) {
        record(
            signedIn.id(),
            AuditAction.LOGIN_FAILED,
            signedIn.username(),
            code.isBlank() ? "second factor missing" : "second factor wrong or used before",
            remoteAddress);
        return new LoginOutcome.SecondFactorRequired(false);
      }
    }
    // Right: this attempt is taken back from the counts, and nothing else is cleared, so that a
    // guesser's own successful sign-ins do not reset their count against others.
    pairThrottle.clear(pairKey);
    addressThrottle.forgive(remoteAddress);
    if (!knownAddress) {
      accountThrottle.forgive(accountKey);
    }
    rememberAddress(accountKey, remoteAddress);
    if (hasher.needsRehash(signedIn.passwordHash())) {
      accounts.setPasswordHash(signedIn.id(), hasher.hash(password));
    }
    return store.audited(
        () -> openSession(signedIn, remoteAddress),
        outcome ->
            event(
                signedIn.id(),
                AuditAction.LOGIN,
                signedIn.username(),
                totp.secret().isPresent() ? "password and second factor" : "password",
                remoteAddress));
  }

  /**
   * Opens a session for a user whose identity was established otherwise (the demo's automatic
   * sign-in on loopback). The caller audits why.
   */
  public LoginOutcome.SignedIn openSession(User user) {
    return openSession(user, "");
  }

  private LoginOutcome.SignedIn openSession(User user, String remoteAddress) {
    String token = Secrets.newToken();
    String hash = Secrets.digest(token);
    String csrf = Secrets.newToken();
    Instant expires = clock.instant().plus(sessionTtl);
    accounts.createSession(hash, user.id(), csrf, expires, remoteAddress);
    Principal principal =
        new Principal(user, accounts.viewer(user), Optional.of(hash), Optional.of(csrf));
    return new LoginOutcome.SignedIn(principal, token, expires);
  }

  /**
   * The signed-in user of a raw session id, if the session exists, has not expired, has been used
   * within the idle timeout, and its user is enabled. An idle session is ended.
   */
  public Optional<Principal> session(String sessionToken) {
    if (sessionToken.isEmpty() || sessionToken.length() > 128) {
      return Optional.empty();
    }
    String hash = Secrets.digest(sessionToken);
    Instant now = clock.instant();
    Optional<AccountRepository.Session> found = accounts.session(hash, now);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AccountRepository.Session s = found.get();
    if (s.lastSeenAt().plus(sessionIdle).isBefore(now)) {
      accounts.deleteSession(hash);
      return Optional.empty();
    }
    if (s.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
      accounts.touchSession(hash, now);
    }
    return accounts
        .userById(s.userId())
        .filter(User::enabled)
        .map(
            u ->
                new Principal(
                    u, accounts.viewer(u), Optional.of(hash), Optional.of(s.csrfToken())));
  }

  /** The user of a raw API token, if it exists and has not expired, with the token's scopes. */
  public Optional<Principal> apiToken(String token) {
    if (token.isEmpty() || token.length() > 128) {
      return Optional.empty();
    }
    return accounts
        .apiToken(Secrets.digest(token), clock.instant())
        .filter(g -> g.user().enabled())
        .map(
            g ->
                new Principal(
                    g.user(),
                    accounts.viewer(g.user()),
                    Optional.empty(),
                    Optional.empty(),
                    ApiTokens.permissions(g.scopes())));
  }

  /** Ends the principal's session (an API token is not ended by a logout). */
  public void logout(Principal principal, String remoteAddress) {
    store.audited(
        () -> principal.sessionHash().ifPresent(accounts::deleteSession),
        event(
            principal.user().id(),
            AuditAction.LOGOUT,
            principal.user().username(),
            principal.bySession() ? "session" : "api token",
            remoteAddress));
  }

  /**
   * Changes the principal's own password, after checking the current one (counted by the throttles
   * like a login): ends every other session and revokes every API token of the user.
   *
   * @return false if the current password is wrong
   * @throws org.vigil.model.InvalidValueException if the new password is not allowed
   */
  public boolean changePassword(Principal who, String current, String next, String remoteAddress) {
    String accountKey = who.user().username().toLowerCase(Locale.ROOT);
    String pairKey = accountKey + "\n" + remoteAddress;
    Optional<Duration> wait = pairThrottle.attempt(pairKey);
    if (wait.isPresent()) {
      return false;
    }
    if (!verify(current, who.user().passwordHash())) {
      record(
          who.user().id(),
          AuditAction.ADMIN,
          who.user().username(),
          "password change refused: the current password is wrong",
          remoteAddress);
      return false;
    }
    pairThrottle.clear(pairKey);
    PasswordRules.checkNew(next, who.user().username());
    String hash = hasher.hash(next);
    store.audited(
        () -> accounts.changePassword(who.user().id(), hash, who.sessionHash()),
        event(
            who.user().id(),
            AuditAction.ADMIN,
            who.user().username(),
            "password changed; other sessions and all API tokens ended",
            remoteAddress));
    return true;
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

  private boolean isKnownAddress(String accountKey, String address) {
    return store.loginFailures().isKnownAddress(accountKey, address);
  }

  private void rememberAddress(String accountKey, String address) {
    store.loginFailures().rememberAddress(accountKey, address, KNOWN_ADDRESSES_PER_ACCOUNT);
  }

  private AuditEvent event(
      String actor, AuditAction action, String target, String detail, String remoteAddress) {
    return new AuditEvent(actor, action, target, detail, remoteAddress, clock.instant());
  }

  private void record(
      String actor, AuditAction action, String target, String detail, String remoteAddress) {
    store.audit().append(event(actor, action, target, detail, remoteAddress));
  }

  /** A username as it may appear in the log: bounded, without control characters. */
  private static String printable(String name) {
    String cut = name.length() > MAX_USERNAME ? name.substring(0, MAX_USERNAME) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
