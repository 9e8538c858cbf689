/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.Clock;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.auth.Principal;
import org.vigil.store.AuditLog;

/** Writes what a signed-in user did over HTTP to the audit log, with the client's address. */
public final class AuditTrail {
  private static final int MAX_FIELD = 512;

  private final AuditLog log;
  private final Clock clock;

  AuditTrail(AuditLog log, Clock clock) {
    this.log = requireNonNull(log, "log");
    this.clock = requireNonNull(clock, "clock");
  }

  public void record(Context ctx, Principal who, AuditAction action, String target, String detail) {
    log.append(
        new AuditEvent(
            who.user().id(),
            action,
            bounded(target),
            bounded(detail),
            Requests.remoteAddress(ctx),
            clock.instant()));
  }

  /**
   * A screening of {@code queries} names ({@code rejected} of them not valid queries), by the API
   * or, with {@code from} " from the page", by the screening page.
   */
  public void screened(Context ctx, Principal who, int queries, int rejected, String from) {
    record(
        ctx,
        who,
        AuditAction.SEARCH,
        "screening",
        "screen "
            + queries
            + " queries"
            + (rejected < 0 ? "" : " (" + rejected + " rejected)")
            + from);
  }

  /** Request text (a search string) is logged bounded and without control characters. */
  private static String bounded(String text) {
    String cut = text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", " ");
  }
}
