/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

/**
 * A part of the query name aligned with a part of the candidate name.
 *
 * @param queryPart the query's part, as written after transliteration
 * @param candidatePart the candidate's part, as written after transliteration
 * @param kind how they were found to correspond
 * @param similarity how close they are, in (0, 1]
 * @param distance the edit distance between their folded forms (0 unless fuzzy)
 * @param queryWritten the query's part in its own script; {@code queryPart} for Latin names
 * @param candidateWritten the candidate's part in its own script; {@code candidatePart} for Latin
 *     names
 */
public record PartAlignment(
    String queryPart,
    String candidatePart,
    AlignmentKind kind,
    double similarity,
    int distance,
    String queryWritten,
    String candidateWritten) {
  public PartAlignment {
    requireNonNull(queryPart, "queryPart");
    requireNonNull(candidatePart, "candidatePart");
    requireNonNull(kind, "kind");
    requireNonNull(queryWritten, "queryWritten");
    requireNonNull(candidateWritten, "candidateWritten");
  }

  /** An alignment of parts written in Latin letters. */
  public PartAlignment(
      String queryPart, String candidatePart, AlignmentKind kind, double similarity, int distance) {
    this(queryPart, candidatePart, kind, similarity, distance, queryPart, candidatePart);
  }

  /**
   * A short form such as "mohammed~muhammad (variant)", "scholze~scholz (fuzzy, 1 edit)" or, for a
   * part written in another script, "ځدران [zdran]~zadran (phonetic)" with its romanisation.
   */
  public String describe() {
    String how =
        switch (kind) {
          case FUZZY -> "fuzzy, " + distance + (distance == 1 ? " edit" : " edits");
          case PHONETIC ->
              queryWritten.equals(queryPart) && candidateWritten.equals(candidatePart)
                  ? "phonetic"
                  : "same consonants";
          case EXACT, VARIANT, NICKNAME, INITIAL, JOINED, ACRONYM, TRANSLATION ->
              kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    return written(queryWritten, queryPart)
        + "~"
        + written(candidateWritten, candidatePart)
        + " ("
        + how
        + ")";
  }

  private static String written(String written, String part) {
    return written.equals(part) ? part : written + " [" + part + "]";
  }
}
