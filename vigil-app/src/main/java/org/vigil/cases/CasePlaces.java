/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Statement;
import org.vigil.places.Gazetteer;
import org.vigil.places.Geocoder;
import org.vigil.store.Store;

/**
 * The places of a case: the place-valued statements of its entities (birth places, addresses,
 * cities, locations) as one reader sees them, geocoded against the offline gazetteer with the
 * entity's own country as context; a name that does not say one place is kept, unplaced, with the
 * reason, never guessed.
 */
final class CasePlaces {
  /** The properties whose values name places. */
  static final Set<String> PLACE_PROPERTIES = Set.of("birthPlace", "address", "city", "location");

  /** Places listed at most. */
  static final int MAX_PLACES = 500;

  private CasePlaces() {}

  static List<CaseView.Located> of(Store store, Viewer viewer, List<CaseView.Item> entities) {
    // The gazetteer loads on first use (a second or more); a case naming no place never waits.
    Geocoder[] geocoder = new Geocoder[1];
    List<String> ids =
        entities.stream().limit(CaseTimeline.MAX_ENTITIES).map(CaseView.Item::id).toList();
    Map<String, Entity> seen = store.statements().entities(ids, viewer);
    List<CaseView.Located> out = new ArrayList<>();
    for (CaseView.Item item : entities.stream().limit(CaseTimeline.MAX_ENTITIES).toList()) {
      Entity e = seen.get(item.id());
      if (e == null) {
        continue;
      }
      Optional<String> country =
          e.statements().stream()
              .filter(s -> s.schema().expectProperty(s.property()).type() == PropertyType.COUNTRY)
              .map(Statement::value)
              .findFirst();
      for (Statement s : e.statements()) {
        if (!PLACE_PROPERTIES.contains(s.property()) || out.size() >= MAX_PLACES) {
          continue;
        }
        if (geocoder[0] == null) {
          geocoder[0] = new Geocoder(Gazetteer.shipped());
        }
        out.add(
            new CaseView.Located(
                item.caption(),
                item.href(),
                s.property(),
                s.firstSeen().toString().substring(0, 10),
                geocoder[0].geocode(s.value(), country)));
      }
    }
    return out;
  }
}
