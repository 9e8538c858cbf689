/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Statement;

/**
 * The places one entity's statements name (birth place, address, city, location; an event's country
 * when it names no location), geocoded with the entity's own country as context: what the entity
 * page shows, each placed or left unplaced with the reason.
 */
public final class StatedPlaces {
  /** The properties whose values name places. */
  public static final Set<String> PLACE_PROPERTIES =
      Set.of("birthPlace", "address", "city", "location");

  /** Places read per entity at most. */
  static final int MAX = 200;

  /** One statement's place: the property that names it and where it was placed, or why not. */
  public record Stated(String property, Geocoding geocoding) {
    public Stated {
      requireNonNull(property, "property");
      requireNonNull(geocoding, "geocoding");
    }
  }

  private StatedPlaces() {}

  /** The entity's place statements geocoded; empty (and no gazetteer loaded) when it names none. */
  public static List<Stated> of(Entity e) {
    requireNonNull(e, "e");
    List<Statement> named =
        e.statements().stream()
            .filter(s -> PLACE_PROPERTIES.contains(s.property()))
            .limit(MAX)
            .toList();
    if (named.isEmpty()) {
      return List.of();
    }
    Geocoder geocoder = new Geocoder(Gazetteer.shipped());
    Optional<String> country =
        e.statements().stream()
            .filter(s -> s.schema().expectProperty(s.property()).type() == PropertyType.COUNTRY)
            .map(Statement::value)
            .findFirst();
    List<Stated> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Statement s : named) {
      if (seen.add(s.property() + "\u001f" + s.value())) {
        out.add(new Stated(s.property(), geocoder.geocode(s.value(), country)));
      }
    }
    return out;
  }
}
