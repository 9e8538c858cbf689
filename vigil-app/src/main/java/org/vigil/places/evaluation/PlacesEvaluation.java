/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.places.Geocoder;
import org.vigil.places.Geocoding;
import org.vigil.places.Place;

/**
 * The geocoder measured on Vigil's labelled set of place mentions: every gold Location mention of
 * the public-domain Dstl re3d releases CENTCOM and US State Department (519 mentions), each
 * labelled by hand as a city (its coordinates), a country, another named place (a region, sea, base
 * or site) or no place name at all. A city is geocoded right when placed within {@link #RIGHT_KM}
 * of its labelled point; a country when placed at that country's point; every other placement is
 * wrong. Precision is right placements over all placements, recall right placements over the city
 * and country mentions.
 */
public final class PlacesEvaluation {
  /** How far from the labelled point a city may be placed and still be right. */
  public static final double RIGHT_KM = 50;

  private static final String DEV = "re3d-places.tsv";

  private static final String SECOND = "re3d-places-uk.tsv";

  private PlacesEvaluation() {}

  /** What a mention is, as labelled. */
  public enum Kind {
    CITY,
    COUNTRY,
    OTHER,
    NONE
  }

  /** One labelled mention. */
  public record Labelled(
      String source,
      String document,
      int begin,
      String mention,
      Kind kind,
      String country,
      double lat,
      double lng) {
    public Labelled {
      requireNonNull(source, "source");
      requireNonNull(document, "document");
      requireNonNull(mention, "mention");
      requireNonNull(kind, "kind");
      requireNonNull(country, "country");
    }

    /** Whether a geocoder should place it (a city or a country). */
    public boolean isPlace() {
      return kind == Kind.CITY || kind == Kind.COUNTRY;
    }
  }

  /** One mention geocoded. */
  public record Outcome(Labelled gold, Geocoding answer) {
    public boolean placed() {
      return answer instanceof Geocoding.Placed;
    }

    /** Placed, and where the label says. */
    public boolean right() {
      if (!(answer instanceof Geocoding.Placed p)) {
        return false;
      }
      Place at = p.place();
      return switch (gold.kind()) {
        case CITY ->
            at.country().equals(gold.country())
                && at.kilometresTo(new Place("gold", gold.country(), "", gold.lat(), gold.lng()))
                    <= RIGHT_KM;
        case COUNTRY -> at.country().equals(gold.country()) && p.how().equals("a country");
        case OTHER, NONE -> false;
      };
    }

    public String describe() {
      String said =
          answer instanceof Geocoding.Placed p
              ? "placed at "
                  + p.place().name()
                  + " ("
                  + p.place().country()
                  + String.format(Locale.ROOT, " %.2f,%.2f", p.place().lat(), p.place().lng())
                  + ")"
              : "unplaced: " + ((Geocoding.Unplaced) answer).why();
      return "'"
          + gold.mention()
          + "' ("
          + gold.kind().name().toLowerCase(Locale.ROOT)
          + (gold.country().isEmpty() ? "" : " " + gold.country())
          + "): "
          + said;
    }
  }

  /** Precision and recall over a run. */
  public record Tally(int mentions, int places, int placed, int right) {
    public double precision() {
      return placed == 0 ? 0 : (double) right / placed;
    }

    public double recall() {
      return places == 0 ? 0 : (double) right / places;
    }
  }

  /**
   * The development set (CENTCOM and US State Department, 519 mentions; the geocoder's rules were
   * written while looking at its errors), in the order of the file.
   */
  public static List<Labelled> labelled() {
    return read(DEV);
  }

  /**
   * The second set (UK Government, 251 mentions, Open Government Licence v3.0), labelled before the
   * geocoder ever ran on it; its first figures (precision 0.770, recall 0.702) are in
   * docs/benchmarks.md, and its errors were then read once ("UK", "Middle East"), so it is no
   * longer held out.
   */
  public static List<Labelled> second() {
    return read(SECOND);
  }

  private static List<Labelled> read(String set) {
    List<Labelled> out = new ArrayList<>();
    try (InputStream in = PlacesEvaluation.class.getResourceAsStream(set)) {
      if (in == null) {
        throw new IllegalStateException("the labelled set " + set + " is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(
            new Labelled(
                f[0],
                f[1],
                Integer.parseInt(f[2]),
                f[4],
                Kind.valueOf(f[5].toUpperCase(Locale.ROOT)),
                f[6],
                f[7].isEmpty() ? 0 : Double.parseDouble(f[7]),
                f[8].isEmpty() ? 0 : Double.parseDouble(f[8])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + set, e);
    }
    return out;
  }

  /** Each mention geocoded alone, with no context. */
  public static List<Outcome> alone(Geocoder geocoder, List<Labelled> set) {
    return set.stream()
        .map(l -> new Outcome(l, geocoder.geocode(l.mention(), Optional.empty())))
        .toList();
  }

  /**
   * Each mention geocoded with its document's countries as context: the countries that the geocoder
   * itself placed among the document's mentions (never the labels), which choose between places of
   * one name that lie in different countries.
   */
  public static List<Outcome> withDocumentCountries(Geocoder geocoder, List<Labelled> set) {
    Map<String, Set<String>> countries = new LinkedHashMap<>();
    for (Labelled l : set) {
      Geocoding g = geocoder.geocode(l.mention(), Optional.empty());
      if (g instanceof Geocoding.Placed p && p.how().equals("a country")) {
        countries
            .computeIfAbsent(l.source() + "/" + l.document(), k -> new LinkedHashSet<>())
            .add(p.place().country());
      }
    }
    return set.stream()
        .map(
            l ->
                new Outcome(
                    l,
                    geocoder.geocode(
                        l.mention(),
                        Optional.empty(),
                        countries.getOrDefault(l.source() + "/" + l.document(), Set.of()))))
        .toList();
  }

  public static Tally tally(List<Outcome> outcomes) {
    int places = 0;
    int placed = 0;
    int right = 0;
    for (Outcome o : outcomes) {
      places += o.gold().isPlace() ? 1 : 0;
      placed += o.placed() ? 1 : 0;
      right += o.right() ? 1 : 0;
    }
    return new Tally(outcomes.size(), places, placed, right);
  }
}
