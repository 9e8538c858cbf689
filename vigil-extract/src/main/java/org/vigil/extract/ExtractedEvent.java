/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * Something that happened, read from one sentence: a sanction (FtM Sanction, one per sanctioned
 * entity) or an FtM Event: an arrest, attack, defection, recruitment, a denial of earlier claims,
 * or a network's base in a place.
 *
 * @param schema Sanction or Event
 * @param kind "sanction", "arrest", "attack", "defection", "recruitment", "denial" or "base"
 * @param date when, when the sentence says
 * @param place where, as written, when the sentence says
 * @param participants the entities involved; for a sanction, the sanctioned entity comes first
 * @param authority for a sanction, who imposed it ("OFAC; UK")
 * @param program for a sanction, the programme when named
 * @param evidence the sentence
 * @param start the sentence's start in the text
 * @param end its end
 * @param confidence from 0 to 1
 * @param extractor such as "pattern:sanction"
 * @param disputed whether a source in the text denies it
 */
public record ExtractedEvent(
    Schema schema,
    String kind,
    Optional<PartialDate> date,
    Optional<String> place,
    List<Mention> participants,
    Optional<String> authority,
    Optional<String> program,
    String evidence,
    int start,
    int end,
    double confidence,
    String extractor,
    boolean disputed) {

  public ExtractedEvent {
    requireNonNull(schema, "schema");
    if (schema != Schema.SANCTION && schema != Schema.EVENT) {
      throw new IllegalArgumentException("an event is a Sanction or an Event, not " + schema);
    }
    requireNonNull(kind, "kind");
    requireNonNull(date, "date");
    requireNonNull(place, "place");
    participants = List.copyOf(participants);
    requireNonNull(authority, "authority");
    requireNonNull(program, "program");
    requireNonNull(evidence, "evidence");
    requireNonNull(extractor, "extractor");
    if (schema == Schema.SANCTION && participants.isEmpty()) {
      throw new IllegalArgumentException("a sanction needs the entity it targets");
    }
  }

  ExtractedEvent asDisputed() {
    return new ExtractedEvent(
        schema,
        kind,
        date,
        place,
        participants,
        authority,
        program,
        evidence,
        start,
        end,
        confidence,
        extractor,
        true);
  }
}
