/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A place the gazetteer knows stays a place: a recogniser's organisation or other name whose words
 * are a known place ("Izmir", "the Netherlands", a dateline's "ISTANBUL" in capitals) is read as
 * that place. Whether a country acts as a state is decided later, from the words around it.
 */
final class RetypeKnownPlaces {
  private RetypeKnownPlaces() {}

  static List<Mention> apply(Places places, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if ((m.type() == MentionType.ORGANIZATION || m.type() == MentionType.MISC)
          && isPlace(places, m.text())) {
        out.add(
            new Mention(
                m.text(),
                MentionType.LOCATION,
                m.start(),
                m.end(),
                EntityIds.forName(MentionType.LOCATION, m.text()),
                Optional.empty(),
                Optional.empty(),
                m.extractor(),
                m.confidence()));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean isPlace(Places places, String name) {
    String bare = name.startsWith("the ") || name.startsWith("The ") ? name.substring(4) : name;
    return places.isPlace(bare) || places.isCountry(bare) || places.isPlace(capitalised(bare));
  }

  /** "ISTANBUL" as "Istanbul", "NEW YORK" as "New York": a name set in capitals. */
  private static String capitalised(String name) {
    if (!name.equals(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    for (String w : name.split(" ", -1)) {
      if (out.length() > 0) {
        out.append(' ');
      }
      if (!w.isEmpty()) {
        out.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
