/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Entity;
import org.vigil.model.Schema;

/**
 * The observations among Vigil's facts, as STIX {@code sighting}s. An Event that reporting says
 * happened (not one a source disputes or denies) is an observation of each of its participants: the
 * source saw that party there, on that date. Each participant that is exported gets one sighting
 * ({@code sighting_of_ref} its object, {@code count} 1, {@code first_seen}/{@code last_seen} the
 * event's dates when they are whole dates, the event's caption as description), under the event's
 * markings. A list match is not a sighting: it says a name resembles a designation, not that anyone
 * was seen; it stays with the screening alerts.
 */
final class Sightings {
  private Sightings() {}

  /** The sightings of {@code event}'s participants that are among {@code nodeIds}. */
  static List<ObjectNode> of(Entity event, Map<String, String> nodeIds) {
    List<ObjectNode> out = new ArrayList<>();
    if (event.schema() != Schema.EVENT
        || event.values("status").contains("disputed")
        || event.values("stance").stream().anyMatch(s -> s.equals("denies"))
        || event.values("summary").stream().anyMatch(Sightings::saysDenied)) {
      return out;
    }
    Optional<String> first =
        event.first("startDate").or(() -> event.first("date")).flatMap(Sightings::start);
    Optional<String> last =
        event.first("endDate").or(() -> event.first("date")).flatMap(Sightings::end);
    for (String participant : event.values("involved")) {
      String target = nodeIds.get(participant);
      if (target == null) {
        continue;
      }
      ObjectNode o =
          StixMapping.common(
              event, "sighting", StixIds.of("sighting", event.id() + "|" + participant));
      o.put("sighting_of_ref", target);
      o.put("count", 1);
      o.put("summary", false);
      o.put("description", "Event: " + event.caption());
      if (first.isPresent() && last.isPresent() && first.get().compareTo(last.get()) <= 0) {
        o.put("first_seen", first.get());
        o.put("last_seen", last.get());
      }
      GranularMarkings.apply(event, o);
      out.add(StixMapping.custom(event, o));
    }
    return out;
  }

  /**
   * A claim read from reporting keeps its stance in its summary ("claimant: X; stance: denies").
   */
  private static boolean saysDenied(String summary) {
    for (String part : summary.split("; ")) {
      if (part.strip().equals("stance: denies")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> start(String date) {
    return day(date).map(d -> StixTime.format(d.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  private static Optional<String> end(String date) {
    return day(date)
        .map(
            d ->
                StixTime.format(
                    d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)));
  }

  private static Optional<LocalDate> day(String date) {
    try {
      return date.length() == 10 ? Optional.of(LocalDate.parse(date)) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
