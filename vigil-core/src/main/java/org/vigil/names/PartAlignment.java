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
 */
public record PartAlignment(
    String queryPart, String candidatePart, AlignmentKind kind, double similarity, int distance) {
  public PartAlignment {
    requireNonNull(queryPart, "queryPart");
    requireNonNull(candidatePart, "candidatePart");
    requireNonNull(kind, "kind");
  }

  /** A short form such as "mohammed~muhammad (variant)" or "scholze~scholz (fuzzy, 1 edit)". */
  public String describe() {
    String how =
        switch (kind) {
          case FUZZY -> "fuzzy, " + distance + (distance == 1 ? " edit" : " edits");
          case EXACT, VARIANT, PHONETIC, NICKNAME, INITIAL, JOINED, ACRONYM ->
              kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    return queryPart + "~" + candidatePart + " (" + how + ")";
  }
}
