/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static java.util.Objects.requireNonNull;

/**
 * One word of a parsed sentence.
 *
 * @param index its place in the sentence, from 0
 * @param word as written
 * @param lemma its dictionary form, lower case
 * @param tag its Penn Treebank part of speech ("NNP", "VBD", ...)
 * @param start its start in the document's text, in chars
 * @param end its end, exclusive
 */
public record Token(int index, String word, String lemma, String tag, int start, int end) {
  public Token {
    requireNonNull(word, "word");
    requireNonNull(lemma, "lemma");
    requireNonNull(tag, "tag");
    if (index < 0 || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "token " + index + " at [" + start + ", " + end + ") is not a token");
    }
  }

  /** Whether it is a verb of any form. */
  public boolean isVerb() {
    return tag.startsWith("VB");
  }

  /** Whether it is a noun, common or proper. */
  public boolean isNoun() {
    return tag.startsWith("NN");
  }
}
