/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What triage read from one tip: its language, the people, organisations and places it names, the
 * relations and attributed claims read from it, the known entities those names meet in the store
 * (only ones the tip line's organisation may read), the list entries they may match, its group of
 * near copies, and signs of spam. Kept sealed to the team's key: it tells as much as the tip.
 *
 * <p>By the ground rule it holds nothing about anyone's ethnicity, religion or nationality: the
 * extractor's group words are not read into it, and no signal or priority rests on them.
 *
 * @param group the id of the first tip of its group of exact and near copies (its own id when it
 *     copies none)
 * @param spamSignals why the text itself looks like spam (many links, no words); empty when it does
 *     not
 * @param suggestedPriority what triage suggests (0 to 3); the handler sets the tip's priority
 */
public record TipTriage(
    TipLanguage language,
    List<Name> names,
    List<String> relations,
    List<String> claims,
    List<Link> links,
    List<Hit> hits,
    String group,
    List<String> spamSignals,
    int suggestedPriority) {

  public TipTriage {
    requireNonNull(language, "language");
    names = List.copyOf(names);
    relations = List.copyOf(relations);
    claims = List.copyOf(claims);
    links = List.copyOf(links);
    hits = List.copyOf(hits);
    requireNonNull(group, "group");
    spamSignals = List.copyOf(spamSignals);
    if (suggestedPriority < 0 || suggestedPriority > 3) {
      throw new IllegalArgumentException("priority " + suggestedPriority + " is outside 0..3");
    }
  }

  /**
   * The same triage with only the links and list hits whose entities {@code readable} holds: a
   * handler sees of them only what they may read now, whatever the organisation could when the tip
   * was triaged.
   */
  public TipTriage seenWith(java.util.Set<String> readable) {
    return new TipTriage(
        language,
        names,
        relations,
        claims,
        links.stream().filter(l -> readable.contains(l.entityId())).toList(),
        hits.stream().filter(h -> readable.contains(h.entryId())).toList(),
        group,
        spamSignals,
        suggestedPriority);
  }

  /** The ids of the entities and list entries it links to. */
  public List<String> entityIds() {
    List<String> ids = new java.util.ArrayList<>();
    links.forEach(l -> ids.add(l.entityId()));
    hits.forEach(h -> ids.add(h.entryId()));
    return ids;
  }

  /** Seals it to the team's key. */
  public byte[] seal(org.vigil.tips.SealingKey team, org.vigil.tips.SealedBox box) {
    return box.seal(team, TriageCodec.write(this));
  }

  /**
   * Opens a sealed triage with the team's key.
   *
   * @throws IllegalArgumentException when it is not a triage this version reads
   */
  public static TipTriage unseal(org.vigil.tips.OpeningKey team, byte[] sealed) {
    return TriageCodec.read(org.vigil.tips.SealedBox.open(team, sealed));
  }

  /**
   * A name the tip gives: as written, and what kind of thing it names (person, organisation, ...).
   */
  public record Name(String text, String type) {
    public Name {
      requireNonNull(text, "text");
      requireNonNull(type, "type");
    }
  }

  /** A known entity of the store that a name of the tip is read as, or has the name of. */
  public record Link(String entityId, String caption, String schema) {
    public Link {
      requireNonNull(entityId, "entityId");
      requireNonNull(caption, "caption");
      requireNonNull(schema, "schema");
    }
  }

  /**
   * A list entry a person or organisation the tip names may match.
   *
   * @param name the name in the tip
   * @param entryId the entry's id in the store
   */
  public record Hit(String name, String entryId, String caption, String dataset, double score) {
    public Hit {
      requireNonNull(name, "name");
      requireNonNull(entryId, "entryId");
      requireNonNull(caption, "caption");
      requireNonNull(dataset, "dataset");
    }
  }
}
