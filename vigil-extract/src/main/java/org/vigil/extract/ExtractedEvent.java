/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * Something that happened, read from one sentence: a sanction (FtM Sanction, one per sanctioned
 * entity) or an FtM Event of a kind the event triggers know (an arrest, attack, killing,
 * kidnapping, defection, recruitment, plot, meeting, travel, payment, funding or smuggling). A
 * denial is not an event of its own: it is a claim with the stance "denies" about the event.
 *
 * @param schema Sanction or Event
 * @param kind the trigger's kind: "sanction", "arrest", "attack", "killing", "kidnapping", …
 * @param date when, when the sentence says
 * @param place where, as written, when the sentence says
 * @param participants the entities involved; for a sanction, the sanctioned entity comes first
 * @param authority for a sanction, who imposed it ("OFAC; UK")
 * @param program for a sanction, the programme when named
 * @param evidence the sentence
 * @param start the sentence's start in the text
 * @param end its end
 * @param confidence from 0 to 1
 * @param extractor the rule family or model that read it
 * @param disputed whether a source in the text denies it
 * @param roles the participants with the part each plays, when the reading knows them
 * @param attribution who asserts it and how
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
    boolean disputed,
    List<EventRole> roles,
    Attribution attribution)
    implements Claim.Claimed {

  /** An event without participants' roles, asserted by the document's source. */
  public ExtractedEvent(
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
    this(
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
        disputed,
        List.of(),
        Attribution.SOURCE);
  }

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
    roles = List.copyOf(roles);
    requireNonNull(attribution, "attribution");
  }

  /** The participants in {@code role}, in the order read. */
  public List<Mention> inRole(String role) {
    return roles.stream().filter(r -> r.role().equals(role)).map(EventRole::mention).toList();
  }

  /** The same event, attributed to {@code by}. */
  public ExtractedEvent attributed(Attribution by) {
    return with(date, place, disputed || by.stance() == Stance.DENIES, by);
  }

  /** The same event, dated {@code date}. */
  public ExtractedEvent withDate(Optional<PartialDate> date) {
    return with(date, place, disputed, attribution);
  }

  /** The same event, placed in {@code place} as written. */
  public ExtractedEvent withPlace(String place) {
    return with(date, Optional.of(place), disputed, attribution);
  }

  ExtractedEvent asDisputed() {
    return with(date, place, true, attribution);
  }

  /** The same event with what its readers after the rules change: when, where, who says it. */
  private ExtractedEvent with(
      Optional<PartialDate> date,
      Optional<String> place,
      boolean disputed,
      Attribution attribution) {
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
        disputed,
        roles,
        attribution);
  }
}
