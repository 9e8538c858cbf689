/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.resolve.RecordKind;
import org.vigil.resolve.ResolutionRecord;
import org.vigil.store.Store;

/**
 * Reads the records to resolve from the store: every person and organisation with a statement from
 * reporting (not from a list release), with its names, birth dates and countries, the documents it
 * was read in, and its context: the entities it is linked to by edges and events, and those events'
 * dates and places. Designations (Sanction entities, from lists or reporting) give each record its
 * sanctions proximity.
 */
public final class StoreRecords {
  /** The schemata of things with names worth resolving. */
  static final Set<Schema> PARTIES =
      Set.of(
          Schema.PERSON,
          Schema.ORGANIZATION,
          Schema.PUBLIC_BODY,
          Schema.COMPANY,
          Schema.LEGAL_ENTITY);

  /** A record and the entity it was read from. */
  public record Read(List<ResolutionRecord> records, Map<String, Entity> entities) {}

  private StoreRecords() {}

  public static Read read(Store store) {
    Map<String, Boolean> listSource = new HashMap<>();
    Map<String, Entity> parties = new LinkedHashMap<>();
    Map<String, Set<String>> links = new HashMap<>();
    Map<String, Set<String>> eventContext = new HashMap<>();
    Set<String> sanctioned = new HashSet<>();
    store
        .statements()
        .scanEntities(
            entity -> {
              if (PARTIES.contains(entity.schema())) {
                boolean fromReporting =
                    entity.statements().stream()
                        .anyMatch(s -> !isList(store, listSource, s.sourceId()));
                if (fromReporting) {
                  parties.put(entity.id(), entity);
                }
                return;
              }
              List<String> ends = new ArrayList<>();
              for (Statement s : entity.statements()) {
                if (s.isReference()) {
                  ends.add(s.value());
                }
              }
              if (entity.schema() == Schema.SANCTION) {
                sanctioned.addAll(entity.values("entity"));
              }
              Set<String> keys = new LinkedHashSet<>();
              entity.values("date").forEach(d -> keys.add("date:" + d));
              entity.values("startDate").forEach(d -> keys.add("date:" + d));
              entity.values("location").forEach(p -> keys.add("place:" + key(p)));
              for (String end : ends) {
                for (String other : ends) {
                  if (!other.equals(end)) {
                    links.computeIfAbsent(end, k -> new HashSet<>()).add(other);
                  }
                }
                eventContext.computeIfAbsent(end, k -> new HashSet<>()).addAll(keys);
              }
            });
    List<ResolutionRecord> records = new ArrayList<>();
    for (Entity entity : parties.values()) {
      Optional<ResolutionRecord> record =
          record(entity, links, eventContext, sanctioned, listSource);
      record.ifPresent(records::add);
    }
    return new Read(records, parties);
  }

  private static Optional<ResolutionRecord> record(
      Entity entity,
      Map<String, Set<String>> links,
      Map<String, Set<String>> eventContext,
      Set<String> sanctioned,
      Map<String, Boolean> listSource) {
    List<String> names = names(entity);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    Set<String> documents = new LinkedHashSet<>();
    for (Statement s : entity.statements()) {
      if (!listSource.getOrDefault(s.sourceId(), false)) {
        documents.add(s.sourceId());
      }
    }
    Set<String> neighbours = links.getOrDefault(entity.id(), Set.of());
    Set<String> context = new LinkedHashSet<>(neighbours);
    context.addAll(eventContext.getOrDefault(entity.id(), Set.of()));
    List<PartialDate> births = new ArrayList<>();
    for (String value : entity.values("birthDate")) {
      try {
        births.add(PartialDate.parse(value));
      } catch (InvalidValueException e) {
        // A birth date the model stored but that is no partial date cannot conflict with anything.
      }
    }
    List<String> countries = new ArrayList<>(entity.values("nationality"));
    entity.values("country").stream().filter(c -> !countries.contains(c)).forEach(countries::add);
    double proximity =
        sanctioned.contains(entity.id())
            ? 1.0
            : neighbours.stream().anyMatch(sanctioned::contains) ? 0.5 : 0.0;
    try {
      return Optional.of(
          new ResolutionRecord(
              entity.id(),
              entity.schema(),
              names,
              RecordKind.REPORTING,
              Optional.empty(),
              documents,
              context,
              births,
              entity.schema() == Schema.PERSON ? entity.values("nationality") : countries,
              entity.statements().size(),
              neighbours.size(),
              proximity));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  /** The names, the most often stated first, then the aliases; weak aliases left out. */
  public static List<String> names(Entity entity) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Statement s : entity.statements()) {
      if (s.property().equals("name")) {
        counts.merge(s.value(), 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>(counts.keySet());
    out.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
    for (String alias : entity.values("alias")) {
      if (!out.contains(alias)) {
        out.add(alias);
      }
    }
    return out.stream().filter(n -> !n.isBlank()).toList();
  }

  private static boolean isList(Store store, Map<String, Boolean> cache, String sourceId) {
    return cache.computeIfAbsent(
        sourceId,
        id ->
            store
                .statements()
                .source(id, Viewer.system())
                .map(s -> s.kind() == SourceKind.LIST_RELEASE)
                .orElse(false));
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
