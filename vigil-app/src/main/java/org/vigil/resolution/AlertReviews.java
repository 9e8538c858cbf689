/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditEvent;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.ListAlert;
import org.vigil.store.Store;

/**
 * Marking alerts reviewed, for the API and the alert page alike: who and when are stored with the
 * alert, and the change and its audit row are one transaction. An alert can be reviewed only by
 * someone who sees it ({@link VisibleAlerts}: a reader of the audience that raised it who may see
 * its entity); for anyone else it does not exist.
 */
public final class AlertReviews {
  private AlertReviews() {}

  /**
   * Marks the possible-match alert {@code id} reviewed by {@code username}.
   *
   * @return the alert as reviewed; empty when {@code viewer} cannot see it (nothing is written)
   */
  public static Optional<PossibleMatch> review(
      Store store,
      Viewer viewer,
      String username,
      long id,
      Instant at,
      Function<PossibleMatch, AuditEvent> audit) {
    requireNonNull(store, "store");
    requireNonNull(viewer, "viewer");
    requireNonNull(username, "username");
    requireNonNull(audit, "audit");
    Optional<PossibleMatch> seen = store.resolution().alert(id, viewer);
    if (seen.isEmpty() || store.statements().entity(seen.get().entityId(), viewer).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        store.audited(
            () -> store.resolution().review(id, viewer, username, at).orElseThrow(), audit));
  }

  /**
   * Marks the list failure alert {@code id} reviewed by {@code username}.
   *
   * @return the alert as reviewed; empty when there is none with that id
   */
  public static Optional<ListAlert> reviewListAlert(
      Store store, String username, long id, Instant at, Function<ListAlert, AuditEvent> audit) {
    requireNonNull(store, "store");
    requireNonNull(username, "username");
    if (store.resolution().listAlerts(VisibleAlerts.SCAN).stream().noneMatch(a -> a.id() == id)) {
      return Optional.empty();
    }
    return Optional.of(
        store.audited(
            () -> store.resolution().reviewListAlert(id, username, at).orElseThrow(), audit));
  }
}
