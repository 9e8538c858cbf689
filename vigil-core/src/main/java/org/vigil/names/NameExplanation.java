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

  /**
   * The explanation in sentences for a reviewer who decides whether the match is the person or
   * organisation (a compliance officer): each correspondence of parts, what either name has that
   * the other lacks, and what lowered the score.
   */
  public String inWords() {
    List<String> sentences = new ArrayList<>();
    if (aligned.isEmpty()) {
      sentences.add("No part of the names corresponds");
    }
    for (PartAlignment a : aligned) {
      sentences.add(capitalised(a.inWords()));
    }
    if (aligned.stream().anyMatch(a -> a.kind() == AlignmentKind.PHONETIC && a.acrossScripts())) {
      sentences.add(
          "Arabic, Persian and Hebrew script leave most vowels unwritten, so a name written in"
              + " them is compared with Latin letters by its consonants");
    }
    if (!aligned.isEmpty() && unmatchedQueryParts.isEmpty() && unmatchedCandidateParts.isEmpty()) {
      sentences.add("Every part of each name has its counterpart in the other");
    }
    if (!unmatchedQueryParts.isEmpty()) {
      sentences.add(
          "The query's " + quoted(unmatchedQueryParts) + " has no counterpart in the list's name");
    }
    if (!unmatchedCandidateParts.isEmpty()) {
      sentences.add(
          "The list's name has "
              + quoted(unmatchedCandidateParts)
              + ", which the query does not (a middle name or a part left out, or another"
              + " person)");
    }
    if (!droppedLegalForms.isEmpty()) {
      sentences.add(
          "Legal forms were left out of the comparison: " + String.join(", ", droppedLegalForms));
    }
    for (String penalty : penalties) {
      sentences.add("The score was lowered: " + penalty);
    }
    return String.join(". ", sentences) + ".";
  }

  private static String quoted(List<String> parts) {
    return "\"" + String.join(" ", parts) + "\"";
  }

  private static String capitalised(String sentence) {
    return sentence.isEmpty() || sentence.charAt(0) != '"'
        ? sentence.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sentence.substring(1)
        : sentence;
  }
}
