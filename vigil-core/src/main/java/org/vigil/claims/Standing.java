/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a claim puts a party at some time, beyond its proposition: holding a post only one person
 * holds at a time, or held in custody, or at large. Two claims of different propositions whose
 * standings exclude each other cannot both hold ({@link CannotBothHold}).
 */
public sealed interface Standing {

  /**
   * {@code holder} holds {@code post} of {@code body} during {@code when}.
   *
   * @param post the post as {@link #singleHolderPost} reads it: "head", "minister of intelligence"
   */
  record Holds(String holder, String body, String post, Period when) implements Standing {
    public Holds {
      requireNonNull(holder, "holder");
      requireNonNull(body, "body");
      requireNonNull(post, "post");
      requireNonNull(when, "when");
      if (holder.isBlank() || body.isBlank() || post.isBlank()) {
        throw new IllegalArgumentException(
            "a post needs a holder, a body and a name: '"
                + holder
                + "' '"
                + body
                + "' '"
                + post
                + "'");
      }
    }
  }

  /** {@code person} is held in custody, or at large, during {@code when}. */
  record Custody(String person, State state, Period when) implements Standing {
    public Custody {
      requireNonNull(person, "person");
      requireNonNull(state, "state");
      requireNonNull(when, "when");
      if (person.isBlank()) {
        throw new IllegalArgumentException("custody needs a person");
      }
    }
  }

  /** Held by an authority, or free of it against its will. */
  enum State {
    /** Arrested, detained, captured, jailed. */
    HELD,
    /** At large, fled, escaped. */
    AT_LARGE;

    public String words() {
      return this == HELD ? "held (arrested or detained)" : "at large";
    }
  }

  /** Titles of a body's one top post ("led by", "headed by", "the minister"). */
  Set<String> TOP_POSTS =
      Set.of(
          "head",
          "leader",
          "chief",
          "boss",
          "commander",
          "director",
          "director-general",
          "minister",
          "president",
          "chairman",
          "chairwoman",
          "chairperson",
          "chair",
          "secretary-general",
          "governor",
          "mayor",
          "ceo");

  /** Words that make a post one of several: a deputy head, a co-leader, a former director. */
  Set<String> SHARED_QUALIFIERS =
      Set.of(
          "deputy",
          "vice",
          "assistant",
          "acting",
          "co-leader",
          "co-founder",
          "former",
          "interim",
          "associate",
          "regional",
          "senior",
          "joint",
          "co",
          "sub",
          "under");

  /**
   * The post a role names, when only one person holds it at a time: a top title alone ("leader",
   * "Head", "the director") reads as "head", the body's top post; a top title with what it heads
   * ("Minister of Intelligence") is kept whole, in lower case. Members, founders, deputies and
   * roles without a top title hold no such post.
   */
  static Optional<String> singleHolderPost(String role) {
    String r = role.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (r.startsWith("the ")) {
      r = r.substring(4);
    }
    List<String> words = List.of(r.split(" "));
    if (r.isEmpty() || words.stream().anyMatch(SHARED_QUALIFIERS::contains)) {
      return Optional.empty();
    }
    if (!TOP_POSTS.contains(words.get(0))) {
      return Optional.empty();
    }
    if (words.size() == 1) {
      return Optional.of("head");
    }
    return words.get(1).equals("of") && words.size() > 2 ? Optional.of(r) : Optional.empty();
  }

  /** Kinds of event that hold a person ("arrest") or tell of one at large ("escape"). */
  static Optional<State> custodyOf(String eventKind) {
    String k = eventKind.strip().toLowerCase(Locale.ROOT);
    if (Set.of("arrest", "detention", "capture", "imprisonment", "extradition").contains(k)) {
      return Optional.of(State.HELD);
    }
    if (Set.of("escape", "jailbreak", "prison break", "flight from custody", "at large")
        .contains(k)) {
      return Optional.of(State.AT_LARGE);
    }
    return Optional.empty();
  }
}
