/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * Marks an exported object at the level of what it cannot be without, and each property that is
 * more restricted than that with STIX 2.1 {@code granular_markings}. What an object cannot be
 * without: its names (its {@code name} is one of them), its topics (they decide its type), the
 * properties its schema requires (a relationship's ends, a note's subject) and, for a note, every
 * property (its content joins them all). Every other value more restricted than those gets a
 * granular marking whose selector is where it is in the object: {@code aliases.[1]}, {@code
 * description}, {@code x_vigil_properties.birthDate.[0]} ... So an entity whose name is GREEN and
 * whose alias is AMBER is a GREEN object with its alias marked AMBER.
 */
final class GranularMarkings {
  private GranularMarkings() {}

  /** Sets {@code o}'s object marking and granular markings from {@code e}'s statements. */
  static void apply(Entity e, ObjectNode o) {
    Set<String> base = new TreeSet<>(List.of("name", "topics"));
    base.addAll(e.schema().required());
    e.schema().sourceProperty().ifPresent(base::add);
    e.schema().targetProperty().ifPresent(base::add);
    boolean note = e.schema() == Schema.SANCTION || e.schema() == Schema.EVENT;
    Optional<Tlp> baseLevel = Optional.empty();
    Tlp highest = Tlp.CLEAR;
    for (Statement s : e.statements()) {
      Tlp t = s.marking().tlp();
      highest = max(highest, t);
      if (note || base.contains(s.property())) {
        baseLevel = Optional.of(baseLevel.map(b -> max(b, t)).orElse(t));
      }
    }
    Tlp objectLevel = baseLevel.orElse(highest);
    o.putArray("object_marking_refs").add(TlpMarkings.id(objectLevel));
    o.remove("granular_markings");
    if (objectLevel == highest) {
      return;
    }
    Map<Tlp, List<String>> selectors = new TreeMap<>();
    for (Map.Entry<String, Tlp> p : paths(e, o).entrySet()) {
      if (p.getValue().compareTo(objectLevel) > 0) {
        selectors.computeIfAbsent(p.getValue(), k -> new ArrayList<>()).add(p.getKey());
      }
    }
    if (selectors.isEmpty()) {
      return;
    }
    ArrayNode granular = o.putArray("granular_markings");
    selectors.forEach(
        (tlp, paths) -> {
          ObjectNode g = granular.addObject();
          g.put("marking_ref", TlpMarkings.id(tlp));
          ArrayNode array = g.putArray("selectors");
          paths.forEach(array::add);
        });
  }

  /** Every selectable place of a value in {@code o}, with the level of the value there. */
  private static Map<String, Tlp> paths(Entity e, ObjectNode o) {
    Map<String, Tlp> out = new TreeMap<>();
    for (String field : List.of("aliases", "x_vigil_aliases")) {
      int i = 0;
      for (var alias : o.path(field)) {
        final int index = i;
        level(e, "alias", alias.asText()).ifPresent(l -> out.put(field + ".[" + index + "]", l));
        i++;
      }
    }
    Map<String, List<String>> fields =
        Map.of(
            "description", List.of("description", "summary", "role", "relationship"),
            "street_address", List.of("full"),
            "city", List.of("city"),
            "region", List.of("region"),
            "country", List.of("country"),
            "postal_code", List.of("postalCode"),
            "latitude", List.of("latitude"),
            "longitude", List.of("longitude"),
            "x_vigil_start_date", List.of("startDate"),
            "x_vigil_end_date", List.of("endDate"));
    for (Map.Entry<String, List<String>> f : fields.entrySet()) {
      if (o.has(f.getKey())) {
        for (String property : f.getValue()) {
          Optional<Tlp> l = level(e, property, o.get(f.getKey()).asText());
          if (l.isPresent()) {
            out.merge(f.getKey(), l.get(), GranularMarkings::max);
          }
        }
        if (!out.containsKey(f.getKey())) {
          // a value the object shows in another form (a country in upper case, a number)
          f.getValue().stream()
              .flatMap(p -> e.statements().stream().filter(s -> s.property().equals(p)))
              .map(s -> s.marking().tlp())
              .reduce(GranularMarkings::max)
              .ifPresent(l -> out.put(f.getKey(), l));
        }
      }
    }
    o.path("x_vigil_properties")
        .fields()
        .forEachRemaining(
            p -> {
              // A selector names lower-case properties only; a property such as birthDate is
              // marked by marking x_vigil_properties whole at its level (more, never less).
              boolean selectable = p.getKey().matches("[a-z0-9_-]{1,250}");
              int i = 0;
              for (var v : p.getValue()) {
                String path =
                    selectable
                        ? "x_vigil_properties." + p.getKey() + ".[" + i + "]"
                        : "x_vigil_properties";
                level(e, p.getKey(), v.asText())
                    .ifPresent(l -> out.merge(path, l, GranularMarkings::max));
                i++;
              }
            });
    return out;
  }

  /** The most restrictive level of the statements that say {@code value} for {@code property}. */
  private static Optional<Tlp> level(Entity e, String property, String value) {
    return e.statements().stream()
        .filter(s -> s.property().equals(property) && s.value().equals(value))
        .map(s -> s.marking().tlp())
        .reduce(GranularMarkings::max);
  }

  private static Tlp max(Tlp a, Tlp b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
