/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vigil.model.Marking;

/**
 * What reporting says about one entity, or in one document, as the pages show it: relations,
 * events, properties and the claims of quoted parties, each with the sentence it was read from, a
 * link to its document and who gave it. Built once per page from what the page's one read found
 * ({@link ReportedReader}); the section renderers only write it.
 */
record Reported(
    List<Relation> relations, List<Event> events, List<Property> properties, List<Claim> claims) {
  Reported {
    relations = List.copyOf(relations);
    events = List.copyOf(events);
    properties = List.copyOf(properties);
    claims = List.copyOf(claims);
  }

  /** An entity a finding names: a link when the reader may see it, else only that it exists. */
  record Party(Optional<String> href, String label) {
    Party {
      requireNonNull(href, "href");
      requireNonNull(label, "label");
    }
  }

  /** A document a finding was read from. */
  record DocumentLink(String href, String title) {
    DocumentLink {
      requireNonNull(href, "href");
      requireNonNull(title, "title");
    }
  }

  /**
   * Where a finding comes from.
   *
   * @param sentence the sentence it was read from; empty when it has no span in a document
   * @param document the document, when the reader may see it
   * @param source the source's title when it is not a document the reader may open
   * @param givenBy "read by EXTRACTOR" or "note by analyst NAME"
   * @param marking who may see it
   */
  record Evidence(
      Optional<String> sentence,
      Optional<DocumentLink> document,
      Optional<String> source,
      String givenBy,
      Marking marking) {
    Evidence {
      requireNonNull(marking, "marking");
      requireNonNull(sentence, "sentence");
      requireNonNull(document, "document");
      requireNonNull(source, "source");
      requireNonNull(givenBy, "givenBy");
    }
  }

  /**
   * Who asserts a finding and how.
   *
   * @param claimant the quoted party; empty when the source says it in its own voice
   * @param stance asserts, denies, alleges or speculates
   */
  record Attribution(Optional<String> claimant, String stance) {
    static final Attribution SOURCE = new Attribution(Optional.empty(), "asserts");

    Attribution {
      requireNonNull(claimant, "claimant");
      requireNonNull(stance, "stance");
    }

    /** Whether a party other than the source holds it, or it is held otherwise than asserted. */
    boolean isClaim() {
      return claimant.isPresent() || !stance.equals("asserts");
    }
  }

  /** A link between two entities (Employment, Membership, UnknownLink, ...). */
  record Relation(
      String schema,
      Party from,
      Party to,
      Optional<String> role,
      Optional<String> since,
      boolean disputed,
      Attribution attribution,
      Evidence evidence) {
    Relation {
      requireNonNull(schema, "schema");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(role, "role");
      requireNonNull(since, "since");
      requireNonNull(attribution, "attribution");
      requireNonNull(evidence, "evidence");
    }
  }

  /** One participant of an event and its part ("perpetrator", "victim", "involved"). */
  record Participant(String role, Party party) {
    Participant {
      requireNonNull(role, "role");
      requireNonNull(party, "party");
    }
  }

  /**
   * An event (attack, arrest, defection, ...) or a sanction.
   *
   * @param details further facts as written ("authority: OFAC", "programme: SDGT")
   */
  record Event(
      String kind,
      List<Participant> participants,
      Optional<String> place,
      Optional<String> date,
      List<String> details,
      boolean disputed,
      Attribution attribution,
      Evidence evidence) {
    Event {
      requireNonNull(kind, "kind");
      participants = List.copyOf(participants);
      requireNonNull(place, "place");
      requireNonNull(date, "date");
      details = List.copyOf(details);
      requireNonNull(attribution, "attribution");
      requireNonNull(evidence, "evidence");
    }
  }

  /**
   * A property of a person or organisation: position, address (where it lives or is based), birth
   * date, alias, country.
   *
   * @param of the entity it belongs to
   * @param place whether the value names a place
   */
  record Property(Party of, String property, String value, boolean place, Evidence evidence) {
    Property {
      requireNonNull(of, "of");
      requireNonNull(property, "property");
      requireNonNull(value, "value");
      requireNonNull(evidence, "evidence");
    }
  }

  /**
   * What a quoted party says, or what the source only alleges or supposes: the claimant, its stance
   * and the relation or event claimed, in words ("arrest: Ali Karimi").
   */
  record Claim(Attribution attribution, String claimed, Evidence evidence) {
    Claim {
      requireNonNull(attribution, "attribution");
      requireNonNull(claimed, "claimed");
      requireNonNull(evidence, "evidence");
    }
  }
}
