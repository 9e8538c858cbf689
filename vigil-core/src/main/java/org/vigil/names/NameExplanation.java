/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Why two names scored what they did: the parts that aligned and how, the parts of each side that
 * found no partner, the legal forms left out of the comparison, and what else lowered the score (a
 * family name found nowhere in the other name, legal forms of different kinds).
 */
public record NameExplanation(
    List<PartAlignment> aligned,
    List<String> unmatchedQueryParts,
    List<String> unmatchedCandidateParts,
    List<String> droppedLegalForms,
    List<String> penalties) {

  public NameExplanation {
    aligned = List.copyOf(aligned);
    unmatchedQueryParts = List.copyOf(unmatchedQueryParts);
    unmatchedCandidateParts = List.copyOf(unmatchedCandidateParts);
    droppedLegalForms = List.copyOf(droppedLegalForms);
    penalties = List.copyOf(penalties);
  }

  /** An explanation with nothing beyond the parts that lowered the score. */
  public NameExplanation(
      List<PartAlignment> aligned,
      List<String> unmatchedQueryParts,
      List<String> unmatchedCandidateParts,
      List<String> droppedLegalForms) {
    this(aligned, unmatchedQueryParts, unmatchedCandidateParts, droppedLegalForms, List.of());
  }

  /** One line for people: "aligned: a~a (exact), b~c (fuzzy, 1 edit); only in query: d". */
  public String describe() {
    List<String> pieces = new ArrayList<>();
    if (!aligned.isEmpty()) {
      pieces.add(
          "aligned: " + String.join(", ", aligned.stream().map(PartAlignment::describe).toList()));
    } else {
      pieces.add("no parts aligned");
    }
    if (!unmatchedQueryParts.isEmpty()) {
      pieces.add("only in query: " + String.join(" ", unmatchedQueryParts));
    }
    if (!unmatchedCandidateParts.isEmpty()) {
      pieces.add("only in candidate: " + String.join(" ", unmatchedCandidateParts));
    }
    if (!droppedLegalForms.isEmpty()) {
      pieces.add("legal forms ignored: " + String.join(", ", droppedLegalForms));
    }
    pieces.addAll(penalties);
    return String.join("; ", pieces);
  }
}
