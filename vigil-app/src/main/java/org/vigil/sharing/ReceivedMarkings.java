/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.stix.TlpMarkings;

/**
 * The TLP levels a received STIX object says for itself and for each of its properties: its {@code
 * object_marking_refs}, and its {@code granular_markings} whose selectors name the property a
 * statement was read from ({@code name}, {@code aliases.[2]}, {@code description} ...). Only the
 * official TLP 2.0 marking definitions are read; a level is never below the floor the importer
 * gives. A statement takes the most restrictive level that applies to its property, so a property
 * marked AMBER on an object marked GREEN is stored as AMBER and the rest as GREEN.
 */
final class ReceivedMarkings {
  private final Tlp floor;
  private final Tlp unmarked;
  private final Function<Tlp, Optional<Marking>> marking;

  /**
   * @param floor the least level of anything received
   * @param unmarked the level of an object with no TLP level of its own
   * @param marking the marking a level becomes in the receiving store; empty when nothing of that
   *     level may be stored
   */
  ReceivedMarkings(Tlp floor, Tlp unmarked, Function<Tlp, Optional<Marking>> marking) {
    this.floor = requireNonNull(floor, "floor");
    this.unmarked = requireNonNull(unmarked, "unmarked");
    this.marking = requireNonNull(marking, "marking");
  }

  /**
   * The level of the object as a whole: its object markings' (the unmarked level when it has no TLP
   * marking), at least the floor.
   */
  Tlp objectLevel(JsonNode object) {
    Optional<Tlp> own = Optional.empty();
    for (JsonNode ref : object.path("object_marking_refs")) {
      Optional<Tlp> level = TlpMarkings.levelOf(ref.asText());
      if (level.isPresent()) {
        own = Optional.of(own.map(o -> max(o, level.get())).orElse(level.get()));
      }
    }
    return max(floor, own.orElse(unmarked));
  }

  /** The most restrictive level anywhere in the object: what its whole JSON may be stored under. */
  Tlp highestLevel(JsonNode object) {
    Tlp level = objectLevel(object);
    for (JsonNode g : object.path("granular_markings")) {
      level = max(level, TlpMarkings.levelOf(g.path("marking_ref").asText()).orElse(Tlp.CLEAR));
    }
    return level;
  }

  /** The level of the value at {@code path} ({@code aliases.[1]}) of the object. */
  Tlp levelAt(JsonNode object, String path) {
    Tlp level = objectLevel(object);
    for (JsonNode g : object.path("granular_markings")) {
      Optional<Tlp> ref = TlpMarkings.levelOf(g.path("marking_ref").asText());
      if (ref.isEmpty()) {
        continue;
      }
      for (JsonNode selector : g.path("selectors")) {
        String s = selector.asText();
        if (path.equals(s) || path.startsWith(s + ".")) {
          level = max(level, ref.get());
        }
      }
    }
    return level;
  }

  /** The marking {@code level} becomes here, if anything of it may be stored. */
  Optional<Marking> marking(Tlp level) {
    return marking.apply(level);
  }

  /**
   * The path in {@code object} of the value a statement was read from by {@code
   * org.vigil.stix.StixBundleReader}; empty for what it infers (an intrusion set's topics).
   */
  static Optional<String> pathOf(JsonNode object, Statement s) {
    if (s.schema() == Schema.UNKNOWN_LINK) {
      return switch (s.property()) {
        case "subject" -> Optional.of("source_ref");
        case "object" -> Optional.of("target_ref");
        case "role" -> Optional.of("relationship_type");
        default -> Optional.of(s.property());
      };
    }
    return switch (s.property()) {
      case "full" -> Optional.of("street_address");
      case "alias" -> aliasPath(object, s.value());
      case "topics" -> Optional.empty();
      default -> Optional.of(s.property());
    };
  }

  private static Optional<String> aliasPath(JsonNode object, String value) {
    for (String field : new String[] {"aliases", "x_mitre_aliases", "x_vigil_aliases"}) {
      int i = 0;
      for (JsonNode alias : object.path(field)) {
        if (alias.asText().strip().equals(value.strip())) {
          return Optional.of(field + ".[" + i + "]");
        }
        i++;
      }
    }
    return Optional.of("aliases");
  }

  /**
   * The level of the receiving organisation's collection that may hold objects of {@code marking}:
   * its own level, AMBER+STRICT (the owner's alone) when it is restricted to named organisations,
   * none for RED (collections are read by organisations; RED names people).
   */
  static Optional<Tlp> collectionLevel(Marking marking) {
    if (marking.tlp() == Tlp.RED) {
      return Optional.empty();
    }
    return Optional.of(marking.restrictedToOrgs().isEmpty() ? marking.tlp() : Tlp.AMBER_STRICT);
  }

  static Tlp max(Tlp a, Tlp b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
