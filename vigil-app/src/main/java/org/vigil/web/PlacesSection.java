/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.List;
import java.util.Locale;
import org.vigil.model.Entity;
import org.vigil.places.Geocoding;
import org.vigil.places.StatedPlaces;

/**
 * The entity page's places: each place its statements name, where the offline gazetteer placed it,
 * or, for a name that does not say one place (Georgia, a common word, several cities of one name),
 * that it was left unplaced and why, rather than guessed.
 */
final class PlacesSection {
  private PlacesSection() {}

  static void write(Html page, Entity entity) {
    List<StatedPlaces.Stated> places = StatedPlaces.of(entity);
    if (places.isEmpty()) {
      return;
    }
    page.raw("<section id=\"entity-places\"><h2>Places on the map</h2><ul class=\"places\">");
    for (StatedPlaces.Stated s : places) {
      page.raw("<li>")
          .text(s.geocoding().mention())
          .raw(" <span class=\"hint\">")
          .text(s.property())
          .raw("</span> ");
      if (s.geocoding() instanceof Geocoding.Placed p) {
        page.raw("<span class=\"placed\">placed: ")
            .text(
                String.format(
                    Locale.ROOT,
                    "%s (%s), %.4f, %.4f — %s",
                    p.place().name(),
                    p.place().country(),
                    p.place().lat(),
                    p.place().lng(),
                    p.how()))
            .raw("</span>");
      } else if (s.geocoding() instanceof Geocoding.Unplaced u) {
        page.raw("<span class=\"unplaced\">left unplaced, not guessed: ")
            .text(u.why())
            .raw("</span>");
      }
      page.raw("</li>");
    }
    page.raw("</ul><p class=\"hint\">Placed by Vigil's offline gazetteer (GeoNames, CC BY 4.0);")
        .raw(" a case holding this entity shows the placed ones on its map.</p></section>");
  }
}
