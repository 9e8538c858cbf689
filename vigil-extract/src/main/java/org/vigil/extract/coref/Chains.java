/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.extract.Attribution;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * A text's mention chains: its mentions with short forms joined, and its pronouns and definite
 * descriptions each resolved to a named mention or left out. What the reading rules find is re-told
 * in terms of the chains: a participant that is a pronoun becomes the named mention it stands for,
 * and one that is an unresolved description is dropped. Immutable.
 */
public final class Chains {
  private final List<Mention> mentions;
  private final List<Resolution> resolutions;
  private final Map<String, Mention> bySpan = new HashMap<>();
  private final Map<String, Mention> firstNamed = new LinkedHashMap<>();

  Chains(List<Mention> mentions, List<Resolution> resolutions) {
    this.mentions = List.copyOf(mentions);
    this.resolutions = List.copyOf(resolutions);
    for (Mention m : this.mentions) {
      if (!ResolveDescriptions.isDescription(m) && !m.extractor().startsWith("coref:")) {
        firstNamed.putIfAbsent(m.entityId(), m);
      }
    }
    for (Mention m : this.mentions) {
      bySpan.putIfAbsent(span(m), m);
    }
  }

  /**
   * The mentions to show and store: names, with short forms joined to their full names; no pronoun,
   * and no definite description (resolved or not), so that no entity is made of one.
   */
  public List<Mention> mentions() {
    List<Mention> out = new ArrayList<>();
    for (Mention m : mentions) {
      boolean anaphor =
          resolutions.stream()
              .anyMatch(r -> r.anaphor().start() < m.end() && m.start() < r.anaphor().end());
      if (!anaphor || !ResolveDescriptions.isDescription(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The mentions the reading rules see: {@link #mentions()} and every resolved pronoun or
   * description as a mention of its antecedent's entity, in text order.
   */
  public List<Mention> forReading() {
    List<Mention> out = new ArrayList<>(mentions());
    for (Resolution r : resolutions) {
      String reader =
          r.anaphor().extractor().equals(ResolveDescriptions.EXTRACTOR)
              ? ResolveDescriptions.EXTRACTOR
              : "coref:pronoun";
      r.resolved(reader).ifPresent(out::add);
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  /**
   * The named mention {@code m} stands for: itself when it is a name; the first name of its chain
   * when it is a resolved pronoun or description; empty when it is a description left unresolved.
   */
  public Optional<Mention> named(Mention m) {
    requireNonNull(m, "m");
    boolean description =
        ResolveDescriptions.isDescription(m) || m.extractor().startsWith("coref:");
    for (Resolution r : resolutions) {
      Mention a = r.anaphor();
      if (a.start() < m.end() && m.start() < a.end() && (description || a.equals(m))) {
        return r.antecedent().map(this::first);
      }
    }
    Mention known = bySpan.getOrDefault(span(m), m);
    return Optional.of(known.extractor().startsWith("coref:") ? first(known) : known);
  }

  /** The relations with both ends named; a relation of an entity with itself is dropped. */
  public List<Relation> relations(List<Relation> read) {
    List<Relation> out = new ArrayList<>();
    for (Relation r : read) {
      Optional<Mention> source = named(r.source());
      Optional<Mention> target = named(r.target());
      if (source.isEmpty()
          || target.isEmpty()
          || source.get().entityId().equals(target.get().entityId())) {
        continue;
      }
      out.add(
          new Relation(
              r.schema(),
              source.get(),
              target.get(),
              r.role(),
              r.startDate(),
              r.evidence(),
              r.start(),
              r.end(),
              r.confidence(),
              r.extractor(),
              r.disputed(),
              attribution(r.attribution())));
    }
    return out;
  }

  /**
   * The events with their participants named, each entity once; a sanction whose target is left out
   * is dropped.
   */
  public List<ExtractedEvent> events(List<ExtractedEvent> read) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (ExtractedEvent e : read) {
      List<Mention> participants = new ArrayList<>();
      for (Mention p : e.participants()) {
        named(p)
            .filter(n -> participants.stream().noneMatch(x -> x.entityId().equals(n.entityId())))
            .ifPresent(participants::add);
      }
      List<EventRole> roles = new ArrayList<>();
      for (EventRole r : e.roles()) {
        named(r.mention()).ifPresent(n -> roles.add(new EventRole(r.role(), n)));
      }
      if (e.schema() == Schema.SANCTION
          && (e.participants().isEmpty()
              || named(e.participants().get(0)).isEmpty()
              || participants.isEmpty())) {
        continue;
      }
      out.add(
          new ExtractedEvent(
              e.schema(),
              e.kind(),
              e.date(),
              e.place(),
              participants,
              e.authority(),
              e.program(),
              e.evidence(),
              e.start(),
              e.end(),
              e.confidence(),
              e.extractor(),
              e.disputed(),
              roles,
              attribution(e.attribution())));
    }
    return out;
  }

  /** The properties of named entities. */
  public List<ExtractedProperty> properties(List<ExtractedProperty> read) {
    List<ExtractedProperty> out = new ArrayList<>();
    for (ExtractedProperty p : read) {
      named(p.entity())
          .ifPresent(
              n ->
                  out.add(
                      new ExtractedProperty(
                          n,
                          p.property(),
                          p.value(),
                          p.evidence(),
                          p.start(),
                          p.end(),
                          p.extractor(),
                          p.confidence())));
    }
    return out;
  }

  /** The first name in the text of {@code m}'s entity. */
  private Mention first(Mention m) {
    return firstNamed.getOrDefault(m.entityId(), m);
  }

  private Attribution attribution(Attribution a) {
    if (a.claimant().isEmpty()) {
      return a;
    }
    return new Attribution(named(a.claimant().get()), a.stance(), a.cue());
  }

  private static String span(Mention m) {
    return m.start() + ":" + m.end();
  }
}
