/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.vigil.model.Tlp;
import org.vigil.stix.StixBundleReader;
import org.vigil.store.Store;

/**
 * Finds the references of received relationships, sightings, reports, notes, opinions and groupings
 * that name an object neither received with them nor already kept by the receiving organisation.
 * STIX 2.1 lets a bundle refer to objects it does not hold, so such an object is valid and is kept;
 * it is reported by id and reason so that the sender can be asked for the rest. Only the receiving
 * organisation's own collections are looked in: whether another organisation holds an object is
 * never told.
 */
public final class DanglingReferences {
  /** The levels an organisation's collections are kept at. */
  private static final List<Tlp> LEVELS =
      List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT);

  /** An object kept with a reference to nothing known, the id it names, and why it dangles. */
  public record Dangling(String object, String ref, String reason) {
    public Dangling {
      requireNonNull(object, "object");
      requireNonNull(ref, "ref");
      requireNonNull(reason, "reason");
    }
  }

  private final Store store;
  private final String ownerOrg;
  private final String unit;

  /**
   * Looks in {@code ownerOrg}'s collections; {@code unit} names what the objects came in ("bundle",
   * "request") in the reasons.
   */
  public DanglingReferences(Store store, String ownerOrg, String unit) {
    this.store = requireNonNull(store, "store");
    this.ownerOrg = requireNonNull(ownerOrg, "ownerOrg");
    this.unit = requireNonNull(unit, "unit");
  }

  /**
   * The dangling references of {@code objects}: those {@code received} does not hold and the
   * organisation's collections do not either; one entry per object and property.
   */
  public List<Dangling> of(List<? extends JsonNode> objects, Predicate<String> received) {
    Map<String, List<StixBundleReader.Reference>> outside = new LinkedHashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode o : objects) {
      for (StixBundleReader.Reference r : StixBundleReader.references(o)) {
        if (!received.test(r.ref())) {
          outside.computeIfAbsent(o.path("id").asText(), k -> new ArrayList<>()).add(r);
          ids.add(r.ref());
        }
      }
    }
    if (outside.isEmpty()) {
      return List.of();
    }
    Set<String> known = kept(ids);
    List<Dangling> out = new ArrayList<>();
    Set<String> said = new HashSet<>();
    for (Map.Entry<String, List<StixBundleReader.Reference>> e : outside.entrySet()) {
      for (StixBundleReader.Reference r : e.getValue()) {
        if (!known.contains(r.ref()) && said.add(e.getKey() + "|" + r.property())) {
          out.add(
              new Dangling(
                  e.getKey(),
                  r.ref(),
                  r.property()
                      + " "
                      + safe(r.ref())
                      + " names no object of this "
                      + unit
                      + " or of "
                      + ownerOrg
                      + "'s collections (kept as it is)"));
        }
      }
    }
    return out;
  }

  /** Which of {@code ids} are in the organisation's collections. */
  private Set<String> kept(Set<String> ids) {
    Set<String> found = new HashSet<>();
    for (Tlp level : LEVELS) {
      Set<String> left = new LinkedHashSet<>(ids);
      left.removeAll(found);
      if (!left.isEmpty()) {
        found.addAll(store.taxii().held(TaxiiCollections.idOf(ownerOrg, level), left));
      }
    }
    return found;
  }

  /** A reference from outside, echoed only when it has an identifier's shape. */
  private static String safe(String ref) {
    return org.vigil.stix.StixIds.isValid(ref) ? ref : "(not a STIX identifier)";
  }
}
