/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.auth.Principal;
import org.vigil.store.AuditLog;

/** Writes what a signed-in user did over HTTP to the audit log, with the client's address. */
public final class AuditTrail {
  static final int MAX_FIELD = 512;
  private static final String AUDITED = "vigil.audited";

  private final AuditLog log;
  private final Clock clock;

  AuditTrail(AuditLog log, Clock clock) {
    this.log = requireNonNull(log, "log");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Records a read, a refusal or another act that changes nothing. A write is recorded with {@link
   * #event} inside {@link org.vigil.store.Store#audited}, in the write's transaction.
   */
  public void record(Context ctx, Principal who, AuditAction action, String target, String detail) {
    ctx.attribute(AUDITED, Boolean.TRUE);
    log.append(event(ctx, who, action, target, detail));
  }

  /** Records rows that belong together (the ids one read released) in one transaction, in order. */
  void recordAll(
      Context ctx, Principal who, AuditAction action, String target, List<String> details) {
    ctx.attribute(AUDITED, Boolean.TRUE);
    List<AuditEvent> events = new ArrayList<>(details.size());
    details.forEach(d -> events.add(event(ctx, who, action, target, d)));
    log.appendAll(events);
  }

  /**
   * After every request: records a refusal (401, 403 or 404 from a guarded route) and a read that
   * the route did not record itself, so that no guarded page or route is read without a row.
   * Anonymous routes (health, login) and the static assets are left out; login audits itself.
   */
  void afterRequest(Context ctx) {
    if (!concerns(ctx)) {
      return;
    }
    int status = ctx.statusCode();
    Optional<Principal> who = Requests.principalIfAny(ctx);
    String target =
        ctx.path()
            + Optional.ofNullable(ctx.queryString())
                // A token sent in the URL (the reconciliation routes) is a secret, not a target.
                .map(q -> "?" + q.replaceAll("(^|&)api_key=[^&]*", "$1api_key=redacted"))
                .orElse("");
    if (status == 401 || status == 403 || status == 404) {
      log.append(
          new AuditEvent(
              who.map(p -> p.user().id()).orElse("anonymous"),
              AuditAction.REFUSED,
              bounded(target),
              ctx.method().name() + " answered " + status,
              Requests.remoteAddress(ctx),
              clock.instant()));
    } else if (status < 400 && ctx.method() == HandlerType.GET && who.isPresent()) {
      record(ctx, who.get(), AuditAction.READ, target, "answered " + status);
    }
  }

  /** Whether {@link #afterRequest} has anything to record of this request. */
  static boolean concerns(Context ctx) {
    Optional<Permission> required = Routes.required(ctx.routeRoles());
    return required.isPresent()
        && required.get() != Permission.ANONYMOUS
        && !Boolean.TRUE.equals(ctx.attribute(AUDITED))
        && !ctx.path().startsWith("/assets/");
  }

  /** The audit event of what {@code who} did in this request, for {@code Store.audited}. */
  public AuditEvent event(
      Context ctx, Principal who, AuditAction action, String target, String detail) {
    return new AuditEvent(
        who.user().id(),
        action,
        bounded(target),
        bounded(detail),
        Requests.remoteAddress(ctx),
        clock.instant());
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

  /**
   * Records what a request handed out: one row saying {@code what}, then the ids of everything it
   * released, in as many rows as the log's field size needs (none released: the first row says so).
   */
  public void released(
      Context ctx,
      Principal who,
      AuditAction action,
      String target,
      String what,
      List<String> ids) {
    if (ids.isEmpty()) {
      record(ctx, who, action, target, what + "; released 0 ids");
      return;
    }
    List<String> rows = new ArrayList<>();
    StringBuilder row = new StringBuilder();
    int from = 1;
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (row.length() > 0 && row.length() + id.length() + 80 > MAX_FIELD) {
        rows.add(releasedRow(what, from, i, ids.size(), row));
        row.setLength(0);
        from = i + 1;
      }
      row.append(row.length() == 0 ? "" : ",").append(id);
    }
    rows.add(releasedRow(what, from, ids.size(), ids.size(), row));
    recordAll(ctx, who, action, target, rows);
  }

  private static String releasedRow(String what, int from, int to, int total, CharSequence ids) {
    return what + "; released " + from + "-" + to + " of " + total + ": " + ids;
  }

  /** Request text (a search string) is logged bounded and without control characters. */
  private static String bounded(String text) {
    String cut = text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", " ");
  }
}
