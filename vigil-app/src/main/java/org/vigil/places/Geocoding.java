/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import static java.util.Objects.requireNonNull;

/** What came of geocoding one name: a place, or the reason it was left unplaced. */
public sealed interface Geocoding permits Geocoding.Placed, Geocoding.Unplaced {
  /** The name as it was given. */
  String mention();

  /** Placed: {@code how} says why this place ("the only city of that name", "a country"). */
  record Placed(String mention, Place place, String how) implements Geocoding {
    public Placed {
      requireNonNull(mention, "mention");
      requireNonNull(place, "place");
      requireNonNull(how, "how");
    }
  }

  /** Left unplaced, rather than guessed, with the reason a reader is shown. */
  record Unplaced(String mention, Reason reason, String why) implements Geocoding {
    public Unplaced {
      requireNonNull(mention, "mention");
      requireNonNull(reason, "reason");
      requireNonNull(why, "why");
    }
  }

  /** Why a name was left unplaced. */
  enum Reason {
    /** The gazetteer knows no place of that name (in the country given). */
    UNKNOWN,
    /** The name is also a common word ("Reading", "Nice"). */
    COMMON_WORD,
    /** The name is a country and also a division of another country ("Georgia"). */
    COUNTRY_OR_DIVISION,
    /** Several places far apart have the name, and nothing says which. */
    SEVERAL_PLACES,
    /** The name is a region of the world that spans countries ("Middle East"). */
    REGION
  }
}
