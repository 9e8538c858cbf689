/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.model.Marking;
import org.vigil.places.Geocoding;
import org.vigil.store.CaseMember;
import org.vigil.store.StoredCase;

/**
 * A case as one reader sees it: only the items and notes they may read themselves (what they may
 * not read is left out, and not counted), with what they may do to it.
 */
public record CaseView(
    StoredCase stored,
    List<Member> members,
    List<Item> entities,
    List<Item> documents,
    List<Item> claims,
    List<Note> notes,
    List<Dated> timeline,
    List<Located> places,
    List<Path> paths,
    boolean mayWrite,
    boolean mayManage,
    int timelineRecords,
    CaseGraph graph) {
  public CaseView {
    requireNonNull(stored, "stored");
    members = List.copyOf(members);
    entities = List.copyOf(entities);
    documents = List.copyOf(documents);
    claims = List.copyOf(claims);
    notes = List.copyOf(notes);
    timeline = List.copyOf(timeline);
    places = List.copyOf(places);
    paths = List.copyOf(paths);
    if (timelineRecords < timeline.size()) {
      throw new IllegalArgumentException(
          timelineRecords + " dated records, fewer than the " + timeline.size() + " shown");
    }
    requireNonNull(graph, "graph");
  }

  /**
   * A place named by one of the case's entities: the entity (id, caption, schema and page), the
   * property that names it, when the statement was first seen, the date of what happened there (an
   * event's date, when the entity is an event that has one), the statement's credibility grade (1
   * to 6, when graded), the entities the event involves, and where the gazetteer placed it, or why
   * it left it unplaced.
   */
  public record Located(
      String entityId,
      String entity,
      String schema,
      String href,
      String property,
      String seen,
      Optional<String> date,
      Optional<Integer> grade,
      List<String> involves,
      Geocoding geocoding) {
    public Located {
      requireNonNull(entityId, "entityId");
      requireNonNull(entity, "entity");
      requireNonNull(schema, "schema");
      requireNonNull(href, "href");
      requireNonNull(property, "property");
      requireNonNull(seen, "seen");
      requireNonNull(date, "date");
      requireNonNull(grade, "grade");
      involves = List.copyOf(involves);
      requireNonNull(geocoding, "geocoding");
    }
  }

  /**
   * A person's (or any entity's) movements: the placed, dated events that involve it, oldest first.
   * Only entities with two such places or more have a path.
   */
  public record Path(String entityId, String entity, String href, List<Located> stops) {
    public Path {
      requireNonNull(entityId, "entityId");
      requireNonNull(entity, "entity");
      requireNonNull(href, "href");
      stops = List.copyOf(stops);
    }
  }

  /**
   * A dated item of the case's timeline: its date ("2021", "2021-08" or "2021-08-29"), what
   * happened, the case's entity it was reached from (caption and page), and the words of the source
   * that dates it, when the reader may see them.
   */
  public record Dated(
      String date, String label, String entity, String href, Optional<String> quote) {
    public Dated {
      requireNonNull(date, "date");
      requireNonNull(label, "label");
      requireNonNull(entity, "entity");
      requireNonNull(href, "href");
      requireNonNull(quote, "quote");
    }
  }

  /** The owner's or a member's line: a user by name, an organisation by id. */
  public record Member(CaseMember.Kind kind, String id, String label, CaseMember.Rights rights) {
    public Member {
      requireNonNull(kind, "kind");
      requireNonNull(id, "id");
      requireNonNull(label, "label");
      requireNonNull(rights, "rights");
    }
  }

  /**
   * An item the reader may see: its id, caption, kind of thing (an FtM schema, "document" or
   * "claim"), its page and, for a document, its marking.
   */
  public record Item(
      String id, String caption, String kind, String href, Optional<Marking> marking) {
    public Item {
      requireNonNull(id, "id");
      requireNonNull(caption, "caption");
      requireNonNull(kind, "kind");
      requireNonNull(href, "href");
      requireNonNull(marking, "marking");
    }
  }

  /**
   * A note the reader may see, rendered for them; its Markdown only for its author (it may name
   * evidence others may not see).
   */
  public record Note(
      long id,
      String author,
      Instant writtenAt,
      Marking marking,
      NoteMarkdown.Rendered rendered,
      Optional<String> markdown) {
    public Note {
      requireNonNull(author, "author");
      requireNonNull(writtenAt, "writtenAt");
      requireNonNull(marking, "marking");
      requireNonNull(rendered, "rendered");
      requireNonNull(markdown, "markdown");
    }

    /** The anchor prefix of the note's references on a page. */
    public String anchor() {
      return "note-" + id + "-cite";
    }
  }
}
