/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * Where an event happened when the sentence before it, in the same paragraph, put one of its
 * participants there: "Oleg Markov disappeared in Dubai. Markov was allegedly abducted by officers
 * of the FSB." places the abduction in Dubai. Only a place stated for that participant as (part of)
 * the subject of a verb ("X disappeared in Dubai", "his driver, X, was seen at the airport") is
 * taken; a place the event's own sentence gives always wins.
 */
public final class PlaceFromEarlierSentence {
  private static final Set<String> PLACE_RELATIONS = Set.of("obl:in", "obl:at", "obl:near");

  private PlaceFromEarlierSentence() {}

  /**
   * {@code event}, with the place {@code earlier} states for one of its participants if it has
   * none.
   */
  public static ExtractedEvent placed(ExtractedEvent event, MentionedSentence earlier) {
    if (event.place().isPresent()) {
      return event;
    }
    for (EventRole r : event.roles()) {
      Optional<String> place = placeOf(r.mention(), earlier);
      if (place.isPresent()) {
        return event.withPlace(place.get());
      }
    }
    return event;
  }

  private static Optional<String> placeOf(Mention participant, MentionedSentence s) {
    for (Dependency d : s.parse().dependencies()) {
      if ((d.is("nsubj") || d.is("nsubj:pass")) && names(s, d.dependent(), participant)) {
        for (Dependency p : s.parse().dependents(d.governor())) {
          if (PLACE_RELATIONS.contains(p.relation())) {
            Optional<Mention> place = s.mentionAt(p.dependent(), MentionType.LOCATION);
            if (place.isPresent()) {
              return Optional.of(place.get().name());
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the phrase headed by {@code word} names {@code participant}: a word of it (its lists
   * and appositions included, "his driver, Oleg Markov") is a mention of the same one.
   */
  private static boolean names(MentionedSentence s, int word, Mention participant) {
    List<Integer> phrase = new ArrayList<>(List.of(word));
    for (int i = 0; i < phrase.size() && phrase.size() < 60; i++) {
      for (Dependency d : s.parse().dependents(phrase.get(i))) {
        if (!d.is("acl") && !phrase.contains(d.dependent())) {
          phrase.add(d.dependent());
        }
      }
    }
    return phrase.stream()
        .map(s::mentionAt)
        .flatMap(Optional::stream)
        .anyMatch(m -> m.entityId().equals(participant.entityId()));
  }
}
