/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
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
 */
public record ServerSettings(
    String bindAddress,
    int port,
    long maxBodyBytes,
    Duration sessionTtl,
    String version,
    Optional<String> loopbackUser,
    IngestLimits ingestLimits) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);

  public ServerSettings {
    requireNonNull(bindAddress, "bindAddress");
    requireNonNull(sessionTtl, "sessionTtl");
    requireNonNull(version, "version");
    requireNonNull(loopbackUser, "loopbackUser");
    requireNonNull(ingestLimits, "ingestLimits");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
    }
    if (sessionTtl.isNegative() || sessionTtl.isZero()) {
      throw new IllegalArgumentException("sessionTtl must be positive: " + sessionTtl);
    }
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
    return new ServerSettings(
        bindAddress, port, bytes, sessionTtl, version, loopbackUser, ingestLimits);
  }

  public ServerSettings withLoopbackUser(String username) {
    return new ServerSettings(
        bindAddress, port, maxBodyBytes, sessionTtl, version, Optional.of(username), ingestLimits);
  }

  public ServerSettings withIngestLimits(IngestLimits limits) {
    return new ServerSettings(
        bindAddress, port, maxBodyBytes, sessionTtl, version, loopbackUser, limits);
  }
}
