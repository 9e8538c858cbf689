/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.syntax.Dependency;
import org.vigil.extract.syntax.ParsedSentence;
import org.vigil.extract.syntax.Token;

/**
 * A parsed sentence and the mentions that lie wholly inside it: what every reading rule reads.
 *
 * @param parse the sentence's words and dependency graph
 * @param mentions the mentions inside the sentence, in text order; one that crosses the sentence's
 *     edge is left out
 */
public record MentionedSentence(ParsedSentence parse, List<Mention> mentions) {
  public MentionedSentence {
    requireNonNull(parse, "parse");
    mentions =
        mentions.stream()
            .filter(m -> m.start() >= parse.start() && m.end() <= parse.end())
            .sorted((a, b) -> Integer.compare(a.start(), b.start()))
            .toList();
  }

  /** The sentence as written. */
  public String text() {
    return parse.text();
  }

  public int start() {
    return parse.start();
  }

  public int end() {
    return parse.end();
  }

  /** The mention whose span covers word {@code token}. */
  public Optional<Mention> mentionAt(int token) {
    Token t = parse.token(token);
    return mentions.stream().filter(m -> m.start() < t.end() && t.start() < m.end()).findFirst();
  }

  /** The mention at {@code token}, if it is of {@code type}. */
  public Optional<Mention> mentionAt(int token, MentionType type) {
    return mentionAt(token).filter(m -> m.type() == type);
  }

  /**
   * The named mention a word stands for: the mention covering it, else one in apposition to it or
   * set before it as a name ("his brother Fouad", "the colonel, Ali Rezaei").
   */
  public Optional<Mention> named(int token) {
    Optional<Mention> at = mentionAt(token);
    if (at.isPresent()) {
      return at;
    }
    for (int d : parse.dependents(token, "appos")) {
      Optional<Mention> m = mentionAt(d);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /** The word that heads {@code mention} in the parse. */
  public Optional<Integer> head(Mention mention) {
    return parse.headOf(mention.start(), mention.end());
  }

  /** Whether word {@code token} lies inside {@code mention}. */
  public boolean inside(int token, Mention mention) {
    Token t = parse.token(token);
    return t.start() >= mention.start() && t.end() <= mention.end();
  }

  /** The lemma of word {@code token}. */
  public String lemma(int token) {
    return parse.token(token).lemma();
  }

  /**
   * A role as written: the noun with the modifiers before it that are not names or articles
   * ("deputy commander", "intelligence minister"), lower case.
   */
  public String roleAt(int noun) {
    List<Integer> words = new ArrayList<>();
    for (Dependency d : parse.dependents(noun)) {
      if ((d.is("compound") || d.is("amod"))
          && d.dependent() < noun
          && mentionAt(d.dependent()).isEmpty()) {
        words.add(d.dependent());
      }
    }
    words.add(noun);
    StringBuilder role = new StringBuilder();
    for (int w : words.stream().sorted().toList()) {
      if (role.length() > 0) {
        role.append(' ');
      }
      role.append(parse.token(w).word().toLowerCase(Locale.ROOT));
    }
    return role.toString();
  }
}
