/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.claims.Proposition;
import org.vigil.model.Entity;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.store.Grade;
import org.vigil.store.Store;

/** Sources, entities and grades looked up once per request, as one reader may see them. */
final class Lookups {
  private final Store store;
  private final Viewer viewer;
  private final Map<String, Optional<Source>> sources = new HashMap<>();
  private final Map<String, Optional<Entity>> entities = new HashMap<>();

  Lookups(Store store, Viewer viewer) {
    this.store = store;
    this.viewer = viewer;
  }

  Optional<Source> source(String id) {
    return sources.computeIfAbsent(id, k -> store.statements().source(k, viewer));
  }

  Optional<Entity> entity(String id) {
    return entities.computeIfAbsent(id, k -> store.statements().entity(k, viewer));
  }

  /** Whether the reader sees this end of a link: a quoted party, or a source or entity. */
  boolean seen(String end) {
    return end.startsWith("party:") || source(end).isPresent() || entity(end).isPresent();
  }

  /** The newest grade in force of the reader's organisation on a target. */
  Optional<Grade> latest(Grade.Target target, String id) {
    List<Grade> grades = new ArrayList<>(store.grades().grades(target, id, viewer));
    grades.removeIf(g -> !g.inForce());
    return grades.isEmpty() ? Optional.empty() : Optional.of(grades.get(grades.size() - 1));
  }

  /** A source's reliability: the analysts' grade in force, else its own (F unless set). */
  Reliability reliability(String sourceId) {
    return latest(Grade.Target.SOURCE, sourceId)
        .map(g -> Reliability.parse(g.grade()))
        .orElseGet(() -> source(sourceId).map(Source::reliability).orElse(Reliability.F));
  }

  /** "arrest · Ministry of Intelligence and Security": the subject's ids read as names. */
  String caption(Proposition p) {
    List<String> names = new ArrayList<>();
    for (String id : p.subject().split(" ")) {
      names.add(entity(id).map(Entity::caption).orElse(id));
    }
    String subject = String.join(" — ", names);
    return p.value().isEmpty()
        ? p.predicate() + " · " + subject
        : p.predicate() + " · " + subject + " · " + p.value();
  }

  /** How an origin reads: a quoted party's name as a claim gave it, else the source's title. */
  String originLabel(String origin, List<StoredClaims.Read> reads) {
    if (origin.startsWith("party:")) {
      for (StoredClaims.Read r : reads) {
        if (r.attributed() && StoredClaims.partyId(r.claimant()).equals(origin)) {
          return r.claimant();
        }
      }
      return origin.substring("party:".length());
    }
    return source(origin).map(Source::title).orElse(origin);
  }
}
