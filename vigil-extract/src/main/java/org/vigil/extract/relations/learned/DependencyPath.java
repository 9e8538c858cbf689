/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.syntax.Dependency;
import org.vigil.extract.syntax.ParsedSentence;

/**
 * The shortest path between two words of a sentence's dependency graph, its arcs taken either way.
 * Among paths of one length the one that the graph's arc order reaches first is taken, so the same
 * parse always gives the same path.
 */
public final class DependencyPath {
  /**
   * One arc of a path.
   *
   * @param to the word the step arrives at
   * @param relation the arc's relation ("nsubj", "obl:for")
   * @param up whether the step goes from a dependent to its governor
   */
  public record Step(int to, String relation, boolean up) {
    /** The step as a feature writes it: "↑nsubj" going up, "↓obl:for" going down. */
    public String arrow() {
      return (up ? "↑" : "↓") + relation;
    }
  }

  private DependencyPath() {}

  /** The steps from word {@code from} to word {@code to}; empty when no path joins them. */
  public static Optional<List<Step>> between(ParsedSentence sentence, int from, int to) {
    int n = sentence.tokens().size();
    if (from < 0 || to < 0 || from >= n || to >= n) {
      throw new IllegalArgumentException(
          "words " + from + " and " + to + " are not both in a sentence of " + n);
    }
    if (from == to) {
      return Optional.of(List.of());
    }
    Step[] reachedBy = new Step[n];
    int[] previous = new int[n];
    Arrays.fill(previous, -2);
    previous[from] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty() && previous[to] == -2) {
      int at = queue.poll();
      for (Dependency d : sentence.dependencies()) {
        if (d.governor() < 0) {
          continue;
        }
        int next;
        boolean up;
        if (d.dependent() == at) {
          next = d.governor();
          up = true;
        } else if (d.governor() == at) {
          next = d.dependent();
          up = false;
        } else {
          continue;
        }
        if (previous[next] == -2) {
          previous[next] = at;
          reachedBy[next] = new Step(next, d.relation(), up);
          queue.add(next);
        }
      }
    }
    if (previous[to] == -2) {
      return Optional.empty();
    }
    List<Step> steps = new ArrayList<>();
    for (int at = to; at != from; at = previous[at]) {
      steps.add(reachedBy[at]);
    }
    Collections.reverse(steps);
    return Optional.of(List.copyOf(steps));
  }
}
