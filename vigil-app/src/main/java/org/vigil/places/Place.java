/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import static java.util.Objects.requireNonNull;

/**
 * A place of the gazetteer: its name as GeoNames writes it, its country (ISO 3166 alpha-2), its
 * first-level division code (possibly empty) and its coordinates in degrees (WGS 84).
 */
public record Place(String name, String country, String admin1, double lat, double lng) {
  public Place {
    requireNonNull(name, "name");
    requireNonNull(country, "country");
    requireNonNull(admin1, "admin1");
    if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
      throw new IllegalArgumentException("no place lies at " + lat + ", " + lng);
    }
  }

  /** The great-circle distance to another place, in kilometres. */
  public double kilometresTo(Place other) {
    double p1 = Math.toRadians(lat);
    double p2 = Math.toRadians(other.lat);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.lng - lng);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
