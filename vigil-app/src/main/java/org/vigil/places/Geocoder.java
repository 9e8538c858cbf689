/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Places a name only when it names one place, and leaves it unplaced otherwise, saying why: a name
 * that is also a common word ("Reading"), a country that is also a division of another country
 * ("Georgia", unless the context names the country), several places far apart with nothing to
 * choose between them ("Paris" without a country). Context is a country (a name or an ISO code),
 * given apart or after a comma ("Paris, France"; "Tbilisi, GE"). Thread-safe.
 */
public final class Geocoder {
  /** Places of one name closer than this are one place (a city and its twin entry). */
  static final double SAME_PLACE_KM = 50;

  /** The longest name geocoded. */
  static final int MAX_NAME = 200;

  /**
   * Words that describe the place before its name ("the Iraqi city of Mosul", "the port city of
   * Tartus", "the town of Tel Tamer"): the name is what follows them.
   */
  private static final Pattern DESCRIBED =
      Pattern.compile(
          "^(?:the\\s+)?(?:[\\p{L}.]+\\s+){0,2}?(?:city|town|village|port|capital|vicinity)\\s+of\\s+(?=\\S)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final Gazetteer gazetteer;

  public Geocoder(Gazetteer gazetteer) {
    this.gazetteer = requireNonNull(gazetteer, "gazetteer");
  }

  /** Geocodes a name, with an optional country (name or ISO code) from its context. */
  public Geocoding geocode(String mention, Optional<String> country) {
    return geocode(mention, country, Set.of());
  }

  /**
   * Geocodes a name as {@link #geocode(String, Optional)} does, and, where places of the name lie
   * far apart with nothing to choose between them, takes the one place among them that lies in a
   * country the document names ({@code documentCountries}, ISO alpha-2): "Palmyra" in a report that
   * names Syria. Several places in those countries are still left unplaced.
   */
  public Geocoding geocode(
      String mention, Optional<String> country, Set<String> documentCountries) {
    requireNonNull(mention, "mention");
    requireNonNull(country, "country");
    requireNonNull(documentCountries, "documentCountries");
    String text = DESCRIBED.matcher(mention.strip()).replaceFirst("").strip();
    if (text.isEmpty() || text.length() > MAX_NAME) {
      return new Geocoding.Unplaced(
          mention, Geocoding.Reason.UNKNOWN, "no place name of 1 to " + MAX_NAME + " characters");
    }
    List<String> parts = Gazetteer.parts(text);
    String name = Gazetteer.fold(parts.isEmpty() ? text : parts.get(0));
    Optional<String> context = country.map(Gazetteer::fold).flatMap(gazetteer::country);
    for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
      Optional<String> named = gazetteer.country(Gazetteer.fold(part));
      if (named.isPresent()) {
        context = named;
      }
    }
    Optional<String> asCountry = gazetteer.country(name);
    // Two letters name a country only as a short form written in capitals ("UK", "US"), never as
    // an ISO code alone ("in", "at" are words).
    String written = parts.isEmpty() ? text : parts.get(0);
    boolean shortForm =
        gazetteer.isShortName(name.replace(".", ""))
            && written.equals(written.toUpperCase(Locale.ROOT));
    if (asCountry.isPresent() && (name.replace(".", "").length() > 2 || shortForm)) {
      return country(mention, name, asCountry.get(), context);
    }
    if (gazetteer.isRegion(name)) {
      return new Geocoding.Unplaced(
          mention,
          Geocoding.Reason.REGION,
          "'" + text + "' is a region that spans countries, not one place");
    }
    if (gazetteer.isCommonWord(name) && context.isEmpty()) {
      return new Geocoding.Unplaced(
          mention,
          Geocoding.Reason.COMMON_WORD,
          "'" + text + "' is also a common word; give its country to place it");
    }
    List<Place> found = gazetteer.cities(name);
    boolean otherwise = found.isEmpty();
    if (otherwise) {
      found = gazetteer.citiesWrittenOtherwise(name);
    }
    if (context.isPresent()) {
      String code = context.get();
      found = found.stream().filter(p -> p.country().equals(code)).toList();
    }
    // "Woodbridge, Virginia", "Washington, D.C.": a part after the name that names a division of
    // some of the places keeps those.
    for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
      List<Place> inDivision = found.stream().filter(p -> gazetteer.inDivision(p, part)).toList();
      if (!inDivision.isEmpty()) {
        found = inDivision;
      }
    }
    if (found.isEmpty()) {
      return new Geocoding.Unplaced(
          mention,
          Geocoding.Reason.UNKNOWN,
          "the gazetteer knows no place '"
              + text
              + "'"
              + context.map(c -> " in " + countryName(c)).orElse(""));
    }
    Place first = found.get(0);
    boolean onePlace = onePlace(found);
    if (!onePlace && context.isEmpty()) {
      List<Place> named =
          found.stream().filter(p -> documentCountries.contains(p.country())).toList();
      if (!named.isEmpty() && onePlace(named)) {
        return new Geocoding.Placed(
            mention, named.get(0), "the one place of that name in a country the text names");
      }
    }
    if (!onePlace) {
      long countries = found.stream().map(Place::country).distinct().count();
      return new Geocoding.Unplaced(
          mention,
          Geocoding.Reason.SEVERAL_PLACES,
          found.size()
              + " places are called '"
              + text
              + "'"
              + (countries > 1
                  ? " in " + countries + " countries"
                  : " in " + countryName(first.country()))
              + "; nothing says which");
    }
    return new Geocoding.Placed(
        mention,
        first,
        (found.size() == 1 ? "the only place of that name" : "places of that name lie together")
            + (otherwise ? " (written " + first.name() + ")" : ""));
  }

  private static boolean onePlace(List<Place> found) {
    Place first = found.get(0);
    return found.stream().allMatch(p -> p.kilometresTo(first) < SAME_PLACE_KM);
  }

  /**
   * Places a country-valued statement (an ISO 3166 code such as "ir", or an English name) at the
   * country's point; the mention is the country's English name.
   */
  public Geocoding country(String value) {
    requireNonNull(value, "value");
    Optional<Place> point =
        value.length() > MAX_NAME
            ? Optional.empty()
            : gazetteer.country(Gazetteer.fold(value)).flatMap(gazetteer::countryPoint);
    return point
        .<Geocoding>map(p -> new Geocoding.Placed(p.name(), p, "a country"))
        .orElseGet(
            () ->
                new Geocoding.Unplaced(
                    value.strip(),
                    Geocoding.Reason.UNKNOWN,
                    "no country the gazetteer knows is called '" + value.strip() + "'"));
  }

  private Geocoding country(String mention, String name, String code, Optional<String> context) {
    List<String> divisions = gazetteer.divisions(name);
    boolean elsewhere = divisions.stream().anyMatch(d -> !d.startsWith(code + "."));
    if (elsewhere && !context.equals(Optional.of(code))) {
      return new Geocoding.Unplaced(
          mention,
          Geocoding.Reason.COUNTRY_OR_DIVISION,
          "'"
              + mention.strip()
              + "' is a country and a division of "
              + divisions.stream()
                  .filter(d -> !d.startsWith(code + "."))
                  .map(d -> countryName(d.substring(0, 2)))
                  .distinct()
                  .sorted()
                  .reduce((a, b) -> a + ", " + b)
                  .orElse("")
              + "; nothing says which");
    }
    return gazetteer
        .countryPoint(code)
        .<Geocoding>map(p -> new Geocoding.Placed(mention, p, "a country"))
        .orElseGet(
            () ->
                new Geocoding.Unplaced(
                    mention, Geocoding.Reason.UNKNOWN, "the gazetteer has no point for " + code));
  }

  private static String countryName(String code) {
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }
}
