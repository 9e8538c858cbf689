/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Property;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Store;

/**
 * FollowTheMoney entities as Aleph and OpenSanctions read them: one JSON object per entity (id,
 * schema, properties, datasets = the sources its statements came from that the recipient may read,
 * first and last seen, and its most restrictive marking), made only of the statements one recipient
 * organisation may read under {@link MarkingPolicy} (TLP:RED never leaves; AMBER+STRICT only to its
 * owner). A reference to an entity the recipient receives nothing of is left out, and an edge or
 * sanction left without one of its ends is left out whole, so every reference resolves inside the
 * export. Properties that Vigil adds to FtM (a claim's claimant and stance, an event's
 * participants, and the few that FollowTheMoney 3.8 does not define on that schema) are counted,
 * not written. Every released id is audited. Thread-safe; the caller owns the store.
 */
public final class FtmExport {

  /** Vigil's own properties, on every schema that has them. */
  private static final Set<String> VIGIL_ONLY = Set.of("claimant", "stance", "participant");

  /** Properties FollowTheMoney 3.8 does not define on these schemata, though Vigil does. */
  private static final Map<String, Set<String>> NOT_IN_FTM =
      Map.of(
          "status", Set.of("Event", "Family", "Associate"),
          "role", Set.of("Family", "Associate", "Sanction"),
          "proof",
              Set.of(
                  "Membership",
                  "Employment",
                  "Directorship",
                  "Ownership",
                  "Family",
                  "Associate",
                  "UnknownLink",
                  "Sanction"));

  private final Store store;
  private final Clock clock;

  public FtmExport(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * What an export released.
   *
   * @param entities the entities, one FtM JSON object each, in id order
   * @param bySchema how many of each schema
   * @param leftOut entities that had readable statements but no end left to stand on
   * @param valuesNotInFtm property values kept out because FtM does not define the property
   */
  public record Outcome(
      List<ObjectNode> entities, Map<String, Integer> bySchema, int leftOut, int valuesNotInFtm) {
    public Outcome {
      entities = List.copyOf(entities);
      bySchema = Map.copyOf(bySchema);
    }
  }

  /**
   * Everything {@code recipientOrg} may read as FtM entities, audited for {@code actor}.
   *
   * @throws InvalidValueException when the organisation does not exist
   */
  public Outcome exportFor(String recipientOrg, String actor, String address) {
    Viewer reader = Release.organisationViewer(store, recipientOrg);
    return audited(build(reader), recipientOrg, actor, address);
  }

  /**
   * Like {@link #exportFor(String, String, String)}, served from {@code cache} while the store has
   * not changed; audited on every call.
   */
  public Outcome exportFor(String recipientOrg, String actor, String address, FeedCache cache) {
    Viewer reader = Release.organisationViewer(store, recipientOrg);
    return audited(cache.get("ftm", reader, () -> build(reader)), recipientOrg, actor, address);
  }

  private Outcome audited(Outcome outcome, String recipientOrg, String actor, String address) {
    Release.audit(
        store,
        actor,
        address,
        "ftm:" + recipientOrg,
        "FtM entities",
        outcome.entities().stream().map(o -> o.get("id").asText()).toList(),
        clock.instant());
    return outcome;
  }

  private Outcome build(Viewer reader) {
    Map<String, Entity> entities = new TreeMap<>();
    Map<String, String> canonical = new HashMap<>();
    store
        .statements()
        .scanEntities(
            e -> {
              List<Statement> kept =
                  e.statements().stream()
                      .filter(s -> MarkingPolicy.canSee(reader, s.marking()))
                      .toList();
              if (!kept.isEmpty()) {
                entities.put(e.id(), Entity.assemble(e.id(), e.memberIds(), kept));
                canonical.put(e.id(), e.id());
                for (Statement s : kept) {
                  canonical.putIfAbsent(s.entityId(), e.id());
                }
                e.memberIds().forEach(m -> canonical.putIfAbsent(m, e.id()));
              }
            });
    int before = entities.size();
    // Leaving an edge out can leave another one without its end: repeat until nothing changes.
    boolean changed = true;
    while (changed) {
      changed = entities.values().removeIf(e -> !standing(e, entities.keySet(), canonical));
    }
    int[] notInFtm = {0};
    List<ObjectNode> out = new ArrayList<>();
    Map<String, Integer> bySchema = new TreeMap<>();
    Map<String, Boolean> readableSource = new HashMap<>();
    java.util.function.Predicate<String> sourceReleased =
        id ->
            readableSource.computeIfAbsent(
                id,
                k ->
                    store
                        .statements()
                        .source(k, Viewer.system())
                        .filter(src -> MarkingPolicy.canSee(reader, src.marking()))
                        .isPresent());
    for (Entity e : entities.values()) {
      out.add(json(e, entities.keySet(), canonical, sourceReleased, notInFtm));
      bySchema.merge(e.schema().ftmName(), 1, Integer::sum);
    }
    return new Outcome(out, bySchema, before - entities.size(), notInFtm[0]);
  }

  /** Whether every end the schema requires points at an entity that is exported. */
  private static boolean standing(Entity e, Set<String> exported, Map<String, String> canonical) {
    for (String required : e.schema().required()) {
      boolean any = false;
      for (String v : e.values(required)) {
        any |= exported.contains(canonical.getOrDefault(v, v));
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode json(
      Entity e,
      Set<String> exported,
      Map<String, String> canonical,
      java.util.function.Predicate<String> sourceReleased,
      int[] notInFtm) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", e.id());
    o.put("schema", e.schema().ftmName());
    ObjectNode properties = o.putObject("properties");
    Map<String, Set<String>> values = new LinkedHashMap<>();
    Set<String> datasets = new TreeSet<>();
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    Tlp marking = Tlp.CLEAR;
    for (Statement s : e.statements()) {
      if (sourceReleased.test(s.sourceId())) {
        datasets.add(s.sourceId());
      }
      first = s.firstSeen().isBefore(first) ? s.firstSeen() : first;
      last = s.lastSeen().isAfter(last) ? s.lastSeen() : last;
      marking = s.marking().tlp().compareTo(marking) > 0 ? s.marking().tlp() : marking;
      if (!inFtm(e.schema(), s.property())) {
        notInFtm[0]++;
        continue;
      }
      String value = s.value();
      boolean reference =
          e.schema()
              .property(s.property())
              .map(Property::type)
              .filter(t -> t == PropertyType.ENTITY)
              .isPresent();
      if (reference) {
        value = canonical.getOrDefault(value, value);
        if (!exported.contains(value)) {
          continue;
        }
      }
      values.computeIfAbsent(s.property(), k -> new LinkedHashSet<>()).add(value);
    }
    values.forEach(
        (property, vs) -> {
          ArrayNode array = properties.putArray(property);
          vs.forEach(array::add);
        });
    ArrayNode ds = o.putArray("datasets");
    datasets.forEach(ds::add);
    o.put("first_seen", first.toString());
    o.put("last_seen", last.toString());
    o.put("marking", marking.label());
    return o;
  }

  private static boolean inFtm(Schema schema, String property) {
    return !VIGIL_ONLY.contains(property)
        && !NOT_IN_FTM.getOrDefault(property, Set.of()).contains(schema.ftmName());
  }
}
