/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.vigil.auth.Principal;

/** What the guard learned about a request, for the handlers that run after it. */
public final class Requests {
  private static final String PRINCIPAL = "vigil.principal";

  private Requests() {}

  static void setPrincipal(Context ctx, Principal principal) {
    ctx.attribute(PRINCIPAL, principal);
  }

  private static Optional<Principal> principalIfAny(Context ctx) {
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
   * The address of the peer that connected. Forwarding headers are ignored on purpose: they are set
   * by the client unless a trusted proxy strips them, and throttling and the demo's loopback
   * sign-in must not be fooled by them.
   */
  public static String remoteAddress(Context ctx) {
    return Optional.ofNullable(ctx.req().getRemoteAddr()).orElse("unknown");
  }
}
