/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;

/**
 * The named mentions an anaphor may stand for: those of the right type that stand before it in its
 * paragraph, one per entity (the latest). A mention without an entity (a description such as "a
 * spokesman") is a candidate too, so that it makes a choice unsafe, but it is never chosen.
 */
final class Candidates {
  private Candidates() {}

  /** The latest mention of each entity of {@code type} before {@code at} in its paragraph. */
  static List<Mention> before(
      Passages passages, List<Mention> mentions, int at, Predicate<Mention> type) {
    int from = passages.paragraphStart(at);
    Map<String, Mention> latest = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (m.start() >= from && m.end() <= at && type.test(m)) {
        latest.remove(m.entityId());
        latest.put(m.entityId(), m);
      }
    }
    return new ArrayList<>(latest.values());
  }

  /** The one candidate, if there is exactly one and it names an entity. */
  static Optional<Mention> single(List<Mention> candidates) {
    if (candidates.size() != 1 || candidates.get(0).schema().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(candidates.get(0));
  }

  static Predicate<Mention> ofType(MentionType type) {
    return m -> m.type() == type;
  }
}
