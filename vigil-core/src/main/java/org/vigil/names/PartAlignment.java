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

  /**
   * The correspondence as a sentence for a reader who is no linguist, such as "ځدران" (Arabic
   * script, read "zdran") is written with the consonants of "zadran".
   */
  public String inWords() {
    String q = readAs(queryWritten, queryPart);
    String c = readAs(candidateWritten, candidatePart);
    return switch (kind) {
      case EXACT -> q + " is spelt the same in both names";
      case VARIANT -> q + " and " + c + " are two spellings of one name";
      case PHONETIC ->
          queryWritten.equals(queryPart) && candidateWritten.equals(candidatePart)
              ? q + " and " + c + " sound alike"
              : q + " is written with the consonants of " + c;
      case FUZZY ->
          q
              + " and "
              + c
              + " differ by "
              + distance
              + (distance == 1 ? " letter" : " letters")
              + ", as a misspelling would";
      case NICKNAME -> q + " is a familiar form of " + c;
      case INITIAL -> q + " and " + c + " may be a name and its initial";
      case JOINED -> q + " and " + c + " are one name written as one word and as two";
      case ACRONYM -> q + " and " + c + " are an acronym and the words it abbreviates";
      case TRANSLATION -> q + " translates as " + c;
    };
  }

  /** Whether one side's part is written in another script than the Latin letters it is read as. */
  public boolean acrossScripts() {
    return !queryWritten.equals(queryPart) || !candidateWritten.equals(candidatePart);
  }

  private static String readAs(String written, String part) {
    if (written.equals(part)) {
      return "\"" + part + "\"";
    }
    String script = Script.detect(written).name().toLowerCase(java.util.Locale.ROOT);
    return "\""
        + written
        + "\" ("
        + script.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
        + script.substring(1)
        + " script, read \""
        + part
        + "\")";
  }

  private static String written(String written, String part) {
    return written.equals(part) ? part : written + " [" + part + "]";
  }
}
