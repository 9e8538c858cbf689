/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.http.Context;
import java.time.Clock;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.resolution.AlertReviews;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.ListAlert;

/**
 * A request to mark an alert reviewed, read the same way for the JSON API and the alert page: the
 * alert id from the path, the signed-in analyst, and the audit row's wording. Each surface then
 * answers in its own form (JSON, or a redirect back to the page).
 */
public final class AlertReviewRequests {
  private AlertReviewRequests() {}

  /** Marks the possible-match alert in the path reviewed; 404 when the caller cannot see it. */
  public static PossibleMatch reviewAlert(Context ctx, Backend b, Clock clock) {
    Principal who = Requests.principal(ctx);
    long id = alertId(ctx);
    return AlertReviews.review(
            b.store(),
            who.viewer(),
            who.user().username(),
            id,
            clock.instant(),
            m ->
                b.audit()
                    .event(
                        ctx,
                        who,
                        AuditAction.REVIEW_ALERT,
                        "alert:" + m.id(),
                        "reviewed " + m.change().code() + " " + m.listEntityId()))
        .orElseThrow(() -> ApiException.notFound("no alert " + id));
  }

  /** Marks the failed list update's alert in the path reviewed; 404 when there is none. */
  public static ListAlert reviewListAlert(Context ctx, Backend b, Clock clock) {
    Principal who = Requests.principal(ctx);
    long id = alertId(ctx);
    return AlertReviews.reviewListAlert(
            b.store(),
            who.user().username(),
            id,
            clock.instant(),
            a ->
                b.audit()
                    .event(
                        ctx,
                        who,
                        AuditAction.REVIEW_ALERT,
                        "list-alert:" + a.id(),
                        "reviewed the failed update of " + a.listSource()))
        .orElseThrow(() -> ApiException.notFound("no list alert " + id));
  }

  private static long alertId(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidValue("id: '" + raw + "' is not an alert id");
  }
}
