/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.Store;

/**
 * The stored alert feed as one viewer may see it: possible list matches whose entity from the
 * reporting the viewer may see, newest first, each with that entity as the viewer sees it (only the
 * statements the viewer may read). Alerts on an entity the viewer cannot see are left out, as if
 * they did not exist. The API's {@code GET /alerts} and the home page both read it from here.
 */
public final class VisibleAlerts {
  /** The newest stored alerts looked at; older ones are not shown. */
  public static final int SCAN = 1_000;

  /** A stored possible match and its reporting entity as the viewer sees it. */
  public record Alert(PossibleMatch match, Entity entity) {}

  private VisibleAlerts() {}

  /** An alert's status as the API and the pages name it: "new" or "reviewed". */
  public static String status(PossibleMatch m) {
    return m.reviewed() ? "reviewed" : "new";
  }

  /**
   * The alerts the viewer may see, newest first. The stream is lazy: each entity is looked up only
   * when the stream gets to it, so {@code limit} on it reads no more than needed.
   */
  public static Stream<Alert> newest(Store store, Viewer viewer) {
    Map<String, Optional<Entity>> seen = new HashMap<>();
    return store.resolution().alerts(SCAN).stream()
        .flatMap(
            m ->
                seen
                    .computeIfAbsent(m.entityId(), id -> store.statements().entity(id, viewer))
                    .map(e -> new Alert(m, e))
                    .stream());
  }
}
