/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Known place names: the English names of the world's countries (from ICU) and the shipped list of
 * regions, states and cities (places.txt). Matched as written, capitals included, between word
 * boundaries; where matches overlap the leftmost longest wins.
 *
 * <p>Immutable and safe for concurrent use.
 */
final class Places {
  private static final String LIST = "places.txt";
  private static final Places SHARED = load();

  private final List<String> names;
  private final Set<String> known;
  private final Set<String> countries;
  private final AhoCorasick matcher;

  private Places(Set<String> names, Set<String> countries) {
    this.countries = Set.copyOf(countries);
    this.names = List.copyOf(names);
    this.known = Set.copyOf(names);
    this.matcher = new AhoCorasick(this.names);
  }

  static Places shared() {
    return SHARED;
  }

  private static Places load() {
    Set<String> names = new LinkedHashSet<>();
    Set<String> countries = new LinkedHashSet<>();
    for (String code : ULocale.getISOCountries()) {
      String name = new ULocale("", code).getDisplayCountry(ULocale.ENGLISH);
      // "Congo - Kinshasa", "Myanmar (Burma)", "Hong Kong SAR China": ICU's forms for menus.
      if (!name.isBlank()
          && !name.contains(" - ")
          && !name.contains("(")
          && !name.contains("SAR")) {
        names.add(name);
        countries.add(name);
      }
    }
    countries.addAll(
        List.of(
            "United States of America",
            "USA",
            "U.S.",
            "U.S.A.",
            "UK",
            "U.K.",
            "US",
            "Britain",
            "Great Britain",
            // English names that ICU now gives otherwise ("Türkiye", "Czechia", "Myanmar").
            "Turkey",
            "Czech Republic",
            "Burma",
            "Ivory Coast",
            "Macedonia",
            "Swaziland",
            "Cape Verde",
            "East Timor",
            // States of the last century that reporting and archives still name.
            "Soviet Union",
            "USSR",
            "Yugoslavia",
            "Czechoslovakia",
            "East Germany",
            "West Germany",
            "Zaire",
            "Rhodesia"));
    names.addAll(countries);
    try (InputStream in = Places.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LIST, e);
    }
    return new Places(names, countries);
  }

  /** Whether {@code name} is a country's name, as written, a leading "the" aside. */
  boolean isCountry(String name) {
    String bare = name.startsWith("the ") || name.startsWith("The ") ? name.substring(4) : name;
    return countries.contains(bare);
  }

  /** Whether {@code name} is a known place, as written. */
  boolean isPlace(String name) {
    return known.contains(name);
  }

  /** The known places in {@code text}, in text order, none overlapping. */
  List<Mention> find(String text) {
    List<AhoCorasick.Hit> hits = new ArrayList<>();
    for (AhoCorasick.Hit hit : matcher.find(text)) {
      if (atWordBoundaries(text, hit.start(), hit.end())) {
        hits.add(hit);
      }
    }
    hits.sort(
        Comparator.comparingInt(AhoCorasick.Hit::start)
            .thenComparing(Comparator.comparingInt(AhoCorasick.Hit::end).reversed()));
    List<Mention> out = new ArrayList<>();
    int covered = 0;
    for (AhoCorasick.Hit hit : hits) {
      if (hit.start() < covered) {
        continue;
      }
      String name = text.substring(hit.start(), hit.end());
      out.add(
          new Mention(
              name,
              MentionType.LOCATION,
              hit.start(),
              hit.end(),
              EntityIds.forName(MentionType.LOCATION, name),
              Optional.empty(),
              Optional.empty(),
              "gazetteer:place",
              0.8));
      covered = hit.end();
    }
    return out;
  }

  private static boolean atWordBoundaries(String text, int start, int end) {
    boolean before = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    boolean after =
        end == text.length()
            || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-');
    return before && after;
  }
}
