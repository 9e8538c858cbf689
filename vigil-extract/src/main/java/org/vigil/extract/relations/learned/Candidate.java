/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import org.vigil.extract.Mention;

/**
 * An ordered pair of mentions of one sentence that some relation could join, with the word that
 * heads each in the parse.
 *
 * @param head the relation's first end (the employee, the killer, the organisation based somewhere)
 * @param tail its second end
 * @param headWord the index of the word that heads {@code head}
 * @param tailWord the index of the word that heads {@code tail}
 */
public record Candidate(Mention head, Mention tail, int headWord, int tailWord) {
  public Candidate {
    requireNonNull(head, "head");
    requireNonNull(tail, "tail");
    if (headWord < 0 || tailWord < 0 || headWord == tailWord) {
      throw new IllegalArgumentException(
          "words " + headWord + " and " + tailWord + " cannot head two mentions");
    }
  }
}
