/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.access.Viewer;
import org.vigil.claims.Claim;
import org.vigil.claims.Origin;
import org.vigil.claims.Period;
import org.vigil.claims.Proposition;
import org.vigil.claims.Stance;
import org.vigil.claims.Standing;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.store.Store;

/**
 * Reads claims from stored statements as one reader sees them. An event or a link read from a
 * document is a claim of that document; its summary names the claimant and the stance when a named
 * party says it ("claimant: Trump; stance: denies"), and then the claimant is its origin. A
 * claimant is known by its name (the extractor's canonical name), so the same party quoted in two
 * documents is one origin whatever entity the text made of it.
 */
final class StoredClaims {
  /** Events and links read per entity; more are left out. */
  static final int MAX_CLAIMS = 500;

  private final Store store;
  private final Viewer viewer;

  StoredClaims(Store store, Viewer viewer) {
    this.store = store;
    this.viewer = viewer;
  }

  /**
   * Properties whose stored values are weighed as claims of their sources: dates a subject has one
   * of, positions held, a status. Other properties (names, aliases, countries) are not.
   */
  static final Set<String> WEIGHED_PROPERTIES =
      Set.of(
          "birthDate", "deathDate", "incorporationDate", "dissolutionDate", "position", "status");

  /** Between an entity id and a statement id in the id of a property claim. */
  static final String PROPERTY_CLAIM = "~";

  /**
   * The claims about {@code entityId}: every event and link the reader sees that involves it, and
   * its own weighed property values the reader sees, each stored value a claim of its source.
   */
  List<Read> about(String entityId) {
    return about(List.of(entityId));
  }

  /** The claims about any of {@code entityIds}, each once, as {@link #about(String)} reads them. */
  List<Read> about(List<String> entityIds) {
    List<Read> out = new ArrayList<>();
    Set<String> taken = new java.util.HashSet<>();
    for (String entityId : entityIds) {
      for (Entity e : store.statements().referencing(entityId, viewer, MAX_CLAIMS)) {
        read(e).filter(r -> taken.add(r.claim().id())).ifPresent(out::add);
      }
      store
          .statements()
          .entity(entityId, viewer)
          .ifPresent(
              e ->
                  e.statements().stream()
                      .filter(st -> WEIGHED_PROPERTIES.contains(st.property()))
                      .limit(MAX_CLAIMS)
                      .map(st -> property(e, st))
                      .filter(r -> taken.add(r.claim().id()))
                      .forEach(out::add));
    }
    return sameHappenings(out);
  }

  /** Entities besides those read whose claims a standing may clash with, at most this many. */
  static final int MAX_CONTEXT = 20;

  /**
   * {@code first}, then the entities whose claims may exclude the standings of {@code reads}: the
   * body whose single post a claim gives someone (its other holders are claimed about it), the
   * person a claim holds or frees (the other arrests and escapes are claimed about them).
   */
  static List<String> withContext(String first, List<Read> reads) {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    ids.add(first);
    for (Read r : reads) {
      for (Standing s : r.claim().standings()) {
        if (ids.size() > MAX_CONTEXT) {
          return List.copyOf(ids);
        }
        if (s instanceof Standing.Holds h) {
          ids.add(h.body());
        } else if (s instanceof Standing.Custody c) {
          ids.add(c.person());
        }
      }
    }
    return List.copyOf(ids);
  }

  /**
   * A stored property value as a claim of its source: "birthDate · Darius Testfigure · 1957-03-02".
   * Its id is the entity's id, {@link #PROPERTY_CLAIM} and the statement's id.
   */
  private Read property(Entity e, Statement st) {
    Claim c =
        new Claim(
            e.id() + PROPERTY_CLAIM + st.id(),
            new Proposition(canonical(e.id()), st.property(), st.value()),
            Stance.ASSERTS,
            st.sourceId(),
            new Origin.Party(st.sourceId()));
    Entity one = new Entity(e.id(), e.schema(), e.memberIds(), List.of(st));
    return new Read(c, one, "source", Optional.empty(), new TreeSet<>());
  }

  /**
   * One document often tells one happening several times: "the ministry announced it arrested 17
   * spies", then "an official described the arrests", then "Trump called the claims false", each
   * read as an event of the same kind with more or fewer participants. Within one document, events
   * of one kind whose participants overlap, when one of them is a named party's claim, are taken as
   * one happening, with all their participants. And a document that attributes a claim to a named
   * party relays that party when it repeats the claim unattributed: such a repetition has the
   * party's origin, not the document's (the circular reporting of a claim as fact).
   */
  static List<Read> sameHappenings(List<Read> reads) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < reads.size(); i++) {
      Read r = reads.get(i);
      if (r.entity().schema() == Schema.EVENT) {
        groups
            .computeIfAbsent(
                r.claim().sourceId() + "\u001f" + r.claim().proposition().predicate(),
                k -> new ArrayList<>())
            .add(i);
      }
    }
    List<Read> out = new ArrayList<>(reads);
    for (List<Integer> group : groups.values()) {
      int[] parent = new int[group.size()];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
      for (int a = 0; a < group.size(); a++) {
        for (int b = a + 1; b < group.size(); b++) {
          Read ra = reads.get(group.get(a));
          Read rb = reads.get(group.get(b));
          if ((ra.attributed() || rb.attributed()) && overlap(ra, rb)) {
            parent[root(parent, a)] = root(parent, b);
          }
        }
      }
      Map<Integer, List<Integer>> components = new LinkedHashMap<>();
      for (int i = 0; i < group.size(); i++) {
        components.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(group.get(i));
      }
      for (List<Integer> component : components.values()) {
        if (component.size() > 1) {
          merge(reads, component, out);
        }
      }
    }
    return out;
  }

  private static void merge(List<Read> reads, List<Integer> component, List<Read> out) {
    TreeSet<String> participants = new TreeSet<>();
    component.forEach(i -> participants.addAll(reads.get(i).participants()));
    Proposition first = reads.get(component.get(0)).claim().proposition();
    Proposition joined =
        new Proposition(String.join(" ", participants), first.predicate(), first.value());
    for (int i : component) {
      Read r = reads.get(i);
      Origin origin = r.claim().origin();
      if (!r.attributed()) {
        for (int j : component) {
          Read named = reads.get(j);
          if (named.attributed()
              && named.claim().stance().supports() == r.claim().stance().supports()) {
            origin = named.claim().origin();
            break;
          }
        }
      }
      Claim c = r.claim();
      out.set(
          i,
          new Read(
              new Claim(c.id(), joined, c.stance(), c.sourceId(), origin, c.standings()),
              r.entity(),
              r.claimant(),
              r.evidence(),
              r.participants()));
    }
  }

  private static boolean overlap(Read a, Read b) {
    return a.participants().stream().anyMatch(b.participants()::contains);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  /**
   * The claim {@code id} (an event or link entity, or an entity's weighed property value), if the
   * reader sees it and it is one.
   */
  Optional<Read> claim(String id) {
    int cut = id.indexOf(PROPERTY_CLAIM);
    if (cut > 0) {
      String statementId = id.substring(cut + 1);
      return store
          .statements()
          .entity(id.substring(0, cut), viewer)
          .flatMap(
              e ->
                  e.statements().stream()
                      .filter(st -> st.id().equals(statementId))
                      .filter(st -> WEIGHED_PROPERTIES.contains(st.property()))
                      .findFirst()
                      .map(st -> property(e, st)));
    }
    return store.statements().entity(id, viewer).flatMap(this::read);
  }

  /** A claim with what it was read from; {@code claimant} is "source" for the source's own. */
  record Read(
      Claim claim,
      Entity entity,
      String claimant,
      Optional<String> evidence,
      java.util.SortedSet<String> participants) {
    boolean attributed() {
      return !claimant.equals("source");
    }
  }

  private Optional<Read> read(Entity e) {
    if (e.statements().isEmpty()) {
      return Optional.empty();
    }
    Optional<Proposition> p = proposition(e);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    String sourceId = e.statements().get(0).sourceId();
    String claimant = "source";
    Stance stance = Stance.ASSERTS;
    for (String part : e.first("summary").orElse("").split("; ")) {
      if (part.startsWith("claimant: ")) {
        claimant = part.substring("claimant: ".length()).strip();
      } else if (part.startsWith("stance: ")) {
        stance = Stance.parse(part.substring("stance: ".length()));
      }
    }
    Origin origin =
        claimant.equals("source")
            ? new Origin.Party(sourceId)
            : new Origin.Party(partyId(claimant));
    Claim c = new Claim(e.id(), p.get(), stance, sourceId, origin, standings(e));
    TreeSet<String> participants = new TreeSet<>();
    if (schema(e) == Schema.EVENT) {
      participants.addAll(List.of(p.get().subject().split(" ")));
    }
    return Optional.of(new Read(c, e, claimant, e.first("description"), participants));
  }

  /** Roles of an event's participants that the event holds or frees. */
  private static final Set<String> HELD_ROLES =
      Set.of("subject", "detainee", "prisoner", "escapee", "fugitive");

  /**
   * Where a stored link or event puts parties: a person employed or directing with the title of a
   * body's single post holds it from its start to its end date (or on its one date); an arrest or
   * an escape puts its subject in custody or at large on its date. Memberships hold no such post.
   */
  private List<Standing> standings(Entity e) {
    Schema schema = e.schema();
    if (schema == Schema.EMPLOYMENT || schema == Schema.DIRECTORSHIP) {
      Optional<String> holder = schema.sourceProperty().flatMap(e::first);
      Optional<String> body = schema.targetProperty().flatMap(e::first);
      if (holder.isEmpty() || body.isEmpty()) {
        return List.of();
      }
      Period when = when(e);
      List<Standing> out = new ArrayList<>();
      for (String role : e.values("role")) {
        Standing.singleHolderPost(role)
            .map(
                post ->
                    new Standing.Holds(canonical(holder.get()), canonical(body.get()), post, when))
            .filter(h -> !out.contains(h))
            .ifPresent(out::add);
      }
      return out;
    }
    if (schema == Schema.EVENT) {
      Optional<Standing.State> state = e.first("name").flatMap(Standing::custodyOf);
      if (state.isEmpty()) {
        return List.of();
      }
      Period when = when(e);
      List<Standing> out = new ArrayList<>();
      for (String participant : e.values("participant")) {
        int cut = participant.lastIndexOf(": ");
        if (cut > 0
            && HELD_ROLES.contains(
                participant.substring(0, cut).strip().toLowerCase(Locale.ROOT))) {
          String person = canonical(participant.substring(cut + 2).strip());
          Standing.Custody c = new Standing.Custody(person, state.get(), when);
          if (!person.isBlank() && !out.contains(c)) {
            out.add(c);
          }
        }
      }
      return out;
    }
    return List.of();
  }

  /** A link's or event's dates: its one date, else its start and end. */
  private static Period when(Entity e) {
    Optional<String> date = e.first("date");
    return date.isPresent()
        ? Period.lenient(date, date)
        : Period.lenient(e.first("startDate"), e.first("endDate"));
  }

  /** The id of a quoted party: "party:" and its name in lower case. */
  static String partyId(String name) {
    return "party:" + name.strip().toLowerCase(Locale.ROOT);
  }

  private static Schema schema(Entity e) {
    return e.schema();
  }

  private Optional<Proposition> proposition(Entity e) {
    Schema schema = e.schema();
    if (schema == Schema.EVENT) {
      TreeSet<String> involved = new TreeSet<>();
      e.values("involved").forEach(id -> involved.add(canonical(id)));
      Optional<String> name = e.first("name");
      if (involved.isEmpty() || name.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Proposition(String.join(" ", involved), name.get(), ""));
    }
    if (schema == Schema.SANCTION) {
      return e.first("entity")
          .map(id -> new Proposition(canonical(id), "sanction", e.first("program").orElse("")));
    }
    if (schema.isEdge()) {
      Optional<String> from = schema.sourceProperty().flatMap(e::first);
      Optional<String> to = schema.targetProperty().flatMap(e::first);
      if (from.isEmpty() || to.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Proposition(canonical(from.get()) + " " + canonical(to.get()), schema.ftmName(), ""));
    }
    return Optional.empty();
  }

  private String canonical(String id) {
    return store.judgements().canonicalId(id, viewer);
  }
}
