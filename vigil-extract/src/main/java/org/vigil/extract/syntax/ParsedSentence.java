/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sentence with its words and their dependency graph; offsets are in the document's text.
 *
 * @param start the sentence's start in the document
 * @param end its end, exclusive
 * @param text the sentence as written
 * @param tokens its words in order; a token's index is its place in this list
 * @param dependencies the arcs of its enhanced++ graph (a word may have several governors)
 */
public record ParsedSentence(
    int start, int end, String text, List<Token> tokens, List<Dependency> dependencies) {
  public ParsedSentence {
    requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
    dependencies = List.copyOf(dependencies);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).index() != i) {
        throw new IllegalArgumentException("token " + tokens.get(i) + " is not at place " + i);
      }
    }
    for (Dependency d : dependencies) {
      if (d.governor() >= tokens.size() || d.dependent() >= tokens.size()) {
        throw new IllegalArgumentException(d + " points outside the sentence's tokens");
      }
    }
  }

  public Token token(int index) {
    return tokens.get(index);
  }

  /** The arcs whose governor is {@code governor}, in sentence order. */
  public List<Dependency> dependents(int governor) {
    return dependencies.stream().filter(d -> d.governor() == governor).toList();
  }

  /** The dependents of {@code governor} by a relation that {@link Dependency#is} {@code rel}. */
  public List<Integer> dependents(int governor, String rel) {
    return dependencies.stream()
        .filter(d -> d.governor() == governor && d.is(rel))
        .map(Dependency::dependent)
        .toList();
  }

  /** The arcs that end in {@code dependent}. */
  public List<Dependency> governors(int dependent) {
    return dependencies.stream().filter(d -> d.dependent() == dependent).toList();
  }

  /** Whether {@code governor} has a dependent with relation {@code rel} and lemma {@code lemma}. */
  public boolean hasDependent(int governor, String rel, String lemma) {
    return dependents(governor, rel).stream().anyMatch(i -> token(i).lemma().equals(lemma));
  }

  /**
   * The head word of the span [from, to) in the document: the word in it whose governors all lie
   * outside it, the last such word when several do; empty when no word lies in the span.
   */
  public Optional<Integer> headOf(int from, int to) {
    List<Integer> inside = new ArrayList<>();
    for (Token t : tokens) {
      if (t.start() < to && from < t.end()) {
        inside.add(t.index());
      }
    }
    if (inside.isEmpty()) {
      return Optional.empty();
    }
    Optional<Integer> head = Optional.empty();
    for (int i : inside) {
      boolean governedInside =
          governors(i).stream()
              .anyMatch(d -> d.governor() >= 0 && inside.contains(d.governor()) && !d.is("conj"));
      if (!governedInside) {
        head = Optional.of(i);
      }
    }
    return head.or(() -> Optional.of(inside.get(inside.size() - 1)));
  }
}
