/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.vigil.auth.Principal;

/** What the guard learned about a request, for the handlers that run after it. */
public final class Requests {
  private static final String PRINCIPAL = "vigil.principal";
  private static final String CLIENT_ADDRESS = "vigil.client-address";
  private static final String SECURE = "vigil.secure";

  private Requests() {}

  static void setPrincipal(Context ctx, Principal principal) {
    ctx.attribute(PRINCIPAL, principal);
  }

  static Optional<Principal> principalIfAny(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  /**
   * The signed-in principal of a route that needs one; the guard has already refused the request if
   * there is none, so a missing principal here is a bug.
   */
  public static Principal principal(Context ctx) {
    return principalIfAny(ctx)
        .orElseThrow(() -> new IllegalStateException("no principal on " + ctx.path()));
  }

  /**
   * The client's address: the one the guard established (see {@link #establishClient}), else the
   * peer that connected.
   */
  public static String remoteAddress(Context ctx) {
    return Optional.ofNullable(ctx.<String>attribute(CLIENT_ADDRESS)).orElseGet(() -> peer(ctx));
  }

  /** Whether the client reached Vigil over TLS, directly or through a declared proxy. */
  public static boolean overTls(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(SECURE)) || "https".equalsIgnoreCase(ctx.scheme());
  }

  /**
   * Establishes the client's address and scheme. Forwarding headers are believed only when the peer
   * that connected is one of {@code trustedProxies}: anyone else can set them, and the throttles
   * and the demo's loopback sign-in must not be fooled by them. Of X-Forwarded-For, the right-most
   * address that is not itself a trusted proxy is the client (the left part is the client's to
   * write).
   */
  static void establishClient(Context ctx, Set<String> trustedProxies, boolean secureCookies) {
    String peer = peer(ctx);
    String client = peer;
    boolean tls = "https".equalsIgnoreCase(ctx.scheme());
    if (trustedProxies.contains(peer)) {
      String forwarded = Optional.ofNullable(ctx.header("X-Forwarded-For")).orElse("");
      String[] hops = forwarded.split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        String hop = hops[i].strip();
        if (!hop.isEmpty() && hop.length() <= 64 && !trustedProxies.contains(hop)) {
          client = hop;
          break;
        }
      }
      tls |= "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
    ctx.attribute(CLIENT_ADDRESS, client);
    ctx.attribute(SECURE, tls || secureCookies);
  }

  private static String peer(Context ctx) {
    return Optional.ofNullable(ctx.req().getRemoteAddr()).orElse("unknown");
  }
}
