/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Statement;
import org.vigil.places.Gazetteer;
import org.vigil.places.Geocoder;
import org.vigil.places.Geocoding;
import org.vigil.places.StatedPlaces;
import org.vigil.store.Store;

/**
 * The places of a case: the place-valued statements of its entities (birth places, addresses,
 * cities, locations; an event's country when it names no location) as one reader sees them,
 * geocoded against the offline gazetteer with the entity's own country as context; a name that does
 * not say one place is kept, unplaced, with the reason, never guessed. An event's places carry its
 * date and the entities it involves, and each entity involved in two placed, dated events or more
 * gets a path through them in time order (a person's movements).
 */
public final class CasePlaces {
  /** The properties whose values name places. */
  static final Set<String> PLACE_PROPERTIES = StatedPlaces.PLACE_PROPERTIES;

  /** The properties of an event that name the entities it involves. */
  static final Set<String> INVOLVING = Set.of("involved", "organizer");

  /** Places listed at most. */
  static final int MAX_PLACES = 10_000;

  /** Entities read at once. */
  static final int BATCH = 250;

  private CasePlaces() {}

  /** The places and the paths through them. */
  public record Found(List<CaseView.Located> places, List<CaseView.Path> paths) {
    public Found {
      places = List.copyOf(places);
      paths = List.copyOf(paths);
    }
  }

  static Found of(Store store, Viewer viewer, List<CaseView.Item> entities) {
    Placing placing = new Placing();
    // Every entity of the case is read (a case holds at most 5,000 items), a batch at a time so
    // that no one read holds the whole case's statements; the places stop at MAX_PLACES.
    for (int from = 0; from < entities.size() && !placing.full(); from += BATCH) {
      List<CaseView.Item> batch = entities.subList(from, Math.min(entities.size(), from + BATCH));
      Map<String, Entity> seen =
          store.statements().entities(batch.stream().map(CaseView.Item::id).toList(), viewer);
      for (CaseView.Item item : batch) {
        Entity e = seen.get(item.id());
        if (e != null) {
          placing.add(item, e);
        }
      }
    }
    return new Found(placing.out, paths(entities, placing.out));
  }

  /**
   * The places and paths of entities already read with only the statements their reader may see (a
   * report's entities, as both the exporting analyst and the recipient may read them).
   */
  public static Found of(List<Entity> read) {
    Placing placing = new Placing();
    List<CaseView.Item> items = new ArrayList<>();
    for (Entity e : read) {
      CaseView.Item item =
          new CaseView.Item(
              e.id(),
              e.caption(),
              e.schema().ftmName(),
              StoreEvidence.href(e.id(), e.schema()),
              Optional.empty());
      items.add(item);
      placing.add(item, e);
    }
    return new Found(placing.out, paths(items, placing.out));
  }

  /** Geocodes place statements up to {@link #MAX_PLACES}, loading the gazetteer on first use. */
  private static final class Placing {
    private final List<CaseView.Located> out = new ArrayList<>();
    private Geocoder geocoder;

    boolean full() {
      return out.size() >= MAX_PLACES;
    }

    void add(CaseView.Item item, Entity e) {
      for (Statement s : placeStatements(e)) {
        if (full()) {
          return;
        }
        // The gazetteer loads on first use (a second or more); a case naming no place never waits.
        if (geocoder == null) {
          geocoder = new Geocoder(Gazetteer.shipped());
        }
        out.add(located(item, e, s, geocoder));
      }
    }
  }

  private static CaseView.Located located(
      CaseView.Item item, Entity e, Statement s, Geocoder geocoder) {
    boolean event = e.schema().isA("Event");
    return new CaseView.Located(
        item.id(),
        item.caption(),
        e.schema().ftmName(),
        item.href(),
        s.property(),
        s.firstSeen().toString().substring(0, 10),
        event ? first(e, "date").or(() -> first(e, "startDate")) : Optional.empty(),
        s.credibility().map(Credibility::grade),
        event ? involved(e) : List.of(),
        s.property().equals("country")
            ? geocoder.country(s.value())
            : geocoder.geocode(s.value(), country(e)));
  }

  /** The place-valued statements of an entity; an event's country when it names no location. */
  private static List<Statement> placeStatements(Entity e) {
    List<Statement> out =
        e.statements().stream().filter(s -> PLACE_PROPERTIES.contains(s.property())).toList();
    if (out.isEmpty() && e.schema().isA("Event")) {
      return e.statements().stream().filter(s -> s.property().equals("country")).limit(1).toList();
    }
    return out;
  }

  private static Optional<String> country(Entity e) {
    return e.statements().stream()
        .filter(s -> s.schema().expectProperty(s.property()).type() == PropertyType.COUNTRY)
        .map(Statement::value)
        .findFirst();
  }

  private static Optional<String> first(Entity e, String property) {
    return e.statements().stream()
        .filter(s -> s.property().equals(property))
        .map(Statement::value)
        .sorted()
        .findFirst();
  }

  /** The entities an event involves: its refs and its participants ("role: entity id"). */
  private static List<String> involved(Entity e) {
    List<String> out = new ArrayList<>();
    for (Statement s : e.statements()) {
      if (INVOLVING.contains(s.property())) {
        out.add(s.value());
      } else if (s.property().equals("participant") && s.value().contains(":")) {
        out.add(s.value().substring(s.value().indexOf(':') + 1).strip());
      }
    }
    return out.stream().distinct().toList();
  }

  /** Each case entity's placed, dated events in time order, when there are two or more. */
  static List<CaseView.Path> paths(List<CaseView.Item> entities, List<CaseView.Located> places) {
    Map<String, List<CaseView.Located>> stops = new LinkedHashMap<>();
    for (CaseView.Located l : places) {
      if (l.date().isEmpty() || !(l.geocoding() instanceof Geocoding.Placed)) {
        continue;
      }
      for (String who : l.involves()) {
        stops.computeIfAbsent(who, k -> new ArrayList<>()).add(l);
      }
    }
    List<CaseView.Path> out = new ArrayList<>();
    for (CaseView.Item item : entities) {
      List<CaseView.Located> mine = stops.getOrDefault(item.id(), List.of());
      // One stop per event: an event that names two places is placed at its first.
      Map<String, CaseView.Located> perEvent = new LinkedHashMap<>();
      mine.forEach(l -> perEvent.putIfAbsent(l.entityId(), l));
      if (perEvent.size() < 2) {
        continue;
      }
      List<CaseView.Located> ordered = new ArrayList<>(perEvent.values());
      // Partial ISO dates sort as text: "2021" before "2021-08".
      ordered.sort(
          Comparator.comparing((CaseView.Located l) -> l.date().orElseThrow())
              .thenComparing(CaseView.Located::entityId));
      out.add(new CaseView.Path(item.id(), item.caption(), item.href(), ordered));
    }
    return out;
  }
}
