/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.ingest.IngestLimits;

/**
 * How the HTTP server runs.
 *
 * @param bindAddress the interface to listen on ("127.0.0.1" keeps it to this machine)
 * @param port the TCP port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 before being read
 * @param sessionTtl how long a sign-in lasts
 * @param version the version reported by the health route
 * @param loopbackUser for the demo only: the username signed in automatically for requests from
 *     this machine; empty everywhere else
 * @param ingestLimits the limits each uploaded document is read under (size, text length, parse
 *     time); an upload is also bounded by {@code maxBodyBytes}
 * @param sessionIdle how long a sign-in lasts unused
 * @param trustedProxies addresses of reverse proxies in front of Vigil: only a request whose peer
 *     is one of them has its client address taken from X-Forwarded-For (and its scheme from
 *     X-Forwarded-Proto)
 * @param secureCookies whether the session cookie is always marked Secure, as behind a proxy that
 *     ends TLS (it is marked Secure anyway when the request itself came over TLS)
 * @param listsUpdateEvery how often the server runs {@code vigil lists update} itself and screens
 *     the stored entities again when a list changed; zero for never
 * @param tipKey the file of the tip team's private key, with which this server opens tips for tip
 *     handlers; empty where tips are not handled (the tip routes then answer 503)
 * @param tipRetentionDays how many days a tip not released into a case is kept before it is deleted
 *     with everything it held
 */
public record ServerSettings(
    String bindAddress,
    int port,
    long maxBodyBytes,
    Duration sessionTtl,
    String version,
    Optional<String> loopbackUser,
    IngestLimits ingestLimits,
    Duration sessionIdle,
    Set<String> trustedProxies,
    boolean secureCookies,
    Duration listsUpdateEvery,
    Optional<Path> tipKey,
    int tipRetentionDays) {

  /** Lists are updated once a day unless configured otherwise. */
  public static final Duration DEFAULT_LISTS_UPDATE_EVERY = Duration.ofDays(1);

  /** Tips not released into a case are kept 90 days unless configured otherwise. */
  public static final int DEFAULT_TIP_RETENTION_DAYS = 90;

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);
  public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);

  public ServerSettings {
    requireNonNull(bindAddress, "bindAddress");
    requireNonNull(sessionTtl, "sessionTtl");
    requireNonNull(version, "version");
    requireNonNull(loopbackUser, "loopbackUser");
    requireNonNull(ingestLimits, "ingestLimits");
    requireNonNull(sessionIdle, "sessionIdle");
    trustedProxies = Set.copyOf(trustedProxies);
    if (sessionIdle.isNegative() || sessionIdle.isZero()) {
      throw new IllegalArgumentException("sessionIdle must be positive: " + sessionIdle);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    if (sessionTtl.isNegative() || sessionTtl.isZero()) {
      throw new IllegalArgumentException("sessionTtl must be positive: " + sessionTtl);
    }
    requireNonNull(listsUpdateEvery, "listsUpdateEvery");
    requireNonNull(tipKey, "tipKey");
    if (tipRetentionDays < 1) {
      throw new IllegalArgumentException(
          "tips are kept at least a day, not " + tipRetentionDays + " days");
    }
    if (listsUpdateEvery.isNegative()) {
      throw new IllegalArgumentException(
          "listsUpdateEvery must not be negative: " + listsUpdateEvery);
    }
  }

  /** Settings with the default session idle timeout and no proxy. */
  public ServerSettings(
      String bindAddress,
      int port,
      long maxBodyBytes,
      Duration sessionTtl,
      String version,
      Optional<String> loopbackUser,
      IngestLimits ingestLimits) {
    this(
        bindAddress,
        port,
        maxBodyBytes,
        sessionTtl,
        version,
        loopbackUser,
        ingestLimits,
        DEFAULT_SESSION_IDLE,
        Set.of(),
        false,
        DEFAULT_LISTS_UPDATE_EVERY,
        Optional.empty(),
        DEFAULT_TIP_RETENTION_DAYS);
  }

  /** Settings with the default ingest limits. */
  public ServerSettings(
      String bindAddress,
      int port,
      long maxBodyBytes,
      Duration sessionTtl,
      String version,
      Optional<String> loopbackUser) {
    this(bindAddress, port, maxBodyBytes, sessionTtl, version, loopbackUser, IngestLimits.DEFAULT);
  }

  /** Settings with the defaults for everything but where to listen. */
  public static ServerSettings of(String bindAddress, int port, String version) {
    return new ServerSettings(
        bindAddress, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_SESSION_TTL, version, Optional.empty());
  }

  public ServerSettings withMaxBodyBytes(long bytes) {
    return copy(c -> c.maxBodyBytes = bytes);
  }

  public ServerSettings withLoopbackUser(String username) {
    return copy(c -> c.loopbackUser = Optional.of(username));
  }

  public ServerSettings withIngestLimits(IngestLimits limits) {
    return copy(c -> c.ingestLimits = limits);
  }

  /** Settings where a sign-in ends after {@code idle} unused. */
  public ServerSettings withSessionIdle(Duration idle) {
    return copy(c -> c.sessionIdle = idle);
  }

  /**
   * Settings behind reverse proxies at {@code proxies} (IP literals): their X-Forwarded-For and
   * X-Forwarded-Proto are believed, no one else's.
   */
  public ServerSettings withTrustedProxies(Set<String> proxies) {
    return copy(c -> c.trustedProxies = proxies);
  }

  /** Settings whose session cookie is always Secure (behind a proxy that ends TLS). */
  public ServerSettings withSecureCookies(boolean secure) {
    return copy(c -> c.secureCookies = secure);
  }

  /** Settings where the server updates the lists every {@code every}; zero for never. */
  public ServerSettings withListsUpdateEvery(Duration every) {
    return copy(c -> c.listsUpdateEvery = every);
  }

  /** Settings where tip handlers' requests open tips with the private key in {@code file}. */
  public ServerSettings withTipKey(Path file) {
    return copy(c -> c.tipKey = Optional.of(file));
  }

  /** Settings where tips not released into a case are deleted after {@code days} days. */
  public ServerSettings withTipRetentionDays(int days) {
    return copy(c -> c.tipRetentionDays = days);
  }

  /** These settings with what {@code change} sets changed, checked again as new ones are. */
  private ServerSettings copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new ServerSettings(
        c.bindAddress,
        c.port,
        c.maxBodyBytes,
        c.sessionTtl,
        c.version,
        c.loopbackUser,
        c.ingestLimits,
        c.sessionIdle,
        c.trustedProxies,
        c.secureCookies,
        c.listsUpdateEvery,
        c.tipKey,
        c.tipRetentionDays);
  }

  /** The fields of settings being copied, one of them about to change. */
  private static final class Copy {
    String bindAddress;
    int port;
    long maxBodyBytes;
    Duration sessionTtl;
    String version;
    Optional<String> loopbackUser;
    IngestLimits ingestLimits;
    Duration sessionIdle;
    Set<String> trustedProxies;
    boolean secureCookies;
    Duration listsUpdateEvery;
    Optional<Path> tipKey;
    int tipRetentionDays;

    Copy(ServerSettings s) {
      bindAddress = s.bindAddress;
      port = s.port;
      maxBodyBytes = s.maxBodyBytes;
      sessionTtl = s.sessionTtl;
      version = s.version;
      loopbackUser = s.loopbackUser;
      ingestLimits = s.ingestLimits;
      sessionIdle = s.sessionIdle;
      trustedProxies = s.trustedProxies;
      secureCookies = s.secureCookies;
      listsUpdateEvery = s.listsUpdateEvery;
      tipKey = s.tipKey;
      tipRetentionDays = s.tipRetentionDays;
    }
  }
}
