/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseOutcome;

/**
 * A training sentence: its text, its gold entities and the gold relations between them.
 *
 * @param text the sentence
 * @param entities its entities' spans and types, in chars of {@code text}
 * @param links the relations between them, by place in {@code entities}
 * @param onlyLabelledPlaces whether the corpus labels only some relations of a place: then a pair
 *     whose tail is a place and that has no label is left out of training rather than taught as
 *     NONE
 */
public record GoldSentence(
    String text, List<Entity> entities, List<Link> links, boolean onlyLabelledPlaces) {
  /** A gold entity: its span in the sentence and its type. */
  public record Entity(int start, int end, MentionType type) {
    public Entity {
      requireNonNull(type, "type");
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("[" + start + ", " + end + ") is not an entity's span");
      }
    }
  }

  /** A gold relation from entity {@code head} to entity {@code tail}. */
  public record Link(int head, int tail, RelationLabel label) {
    public Link {
      requireNonNull(label, "label");
      if (head < 0 || tail < 0 || label == RelationLabel.NONE) {
        throw new IllegalArgumentException(head + " " + label + " " + tail + " is not a gold link");
      }
    }
  }

  public GoldSentence {
    requireNonNull(text, "text");
    entities = List.copyOf(entities);
    links = List.copyOf(links);
    for (Entity e : entities) {
      if (e.end() > text.length()) {
        throw new IllegalArgumentException(e + " lies outside a sentence of " + text.length());
      }
    }
    for (Link l : links) {
      if (l.head() >= entities.size() || l.tail() >= entities.size()) {
        throw new IllegalArgumentException(l + " names an entity the sentence does not have");
      }
    }
  }

  /**
   * The entities as mentions, in the order of {@link #entities()}: given ones ({@link
   * Mention#GIVEN}), so a description the corpus marks as an entity is paired like a name.
   */
  public List<Mention> mentions() {
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      Entity e = entities.get(i);
      out.add(
          new Mention(
              text.substring(e.start(), e.end()),
              e.type(),
              e.start(),
              e.end(),
              "gold:" + i,
              Optional.empty(),
              Optional.empty(),
              Mention.GIVEN,
              1.0));
    }
    return out;
  }

  /** The sentence parsed by {@code parser}, with its gold mentions; empty when it was skipped. */
  public Optional<MentionedSentence> parse(DependencyParser parser) {
    ParseOutcome outcome = parser.parse(text, 0);
    if (outcome instanceof ParseOutcome.Parsed p) {
      return Optional.of(new MentionedSentence(p.sentence(), mentions()));
    }
    return Optional.empty();
  }
}
