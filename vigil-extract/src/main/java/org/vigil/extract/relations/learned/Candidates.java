/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.relations.MentionedSentence;

/**
 * The candidate pairs of a sentence: every ordered pair of its named mentions that do not overlap,
 * whose types some relation fits, and whose head words the parse finds and tells apart. A named
 * mention begins with a capital letter or a digit and is not an office standing for its holder
 * ("the Foreign Secretary"): the model learnt from names, and descriptions ("a spokesman", "the
 * network") are left to the rules and to coreference, unless a caller gave them as mentions ({@link
 * Mention#GIVEN}). A sentence with more than {@link #MAX_MENTIONS} mentions gives pairs of its
 * first ones only, which bounds the work on a flattened table to a square of that number.
 */
public final class Candidates {
  /** The most mentions of one sentence that are paired. */
  public static final int MAX_MENTIONS = 30;

  private Candidates() {}

  /** The pairs, in order of their head's start, then their tail's. */
  public static List<Candidate> of(MentionedSentence sentence) {
    List<Mention> mentions = sentence.mentions().stream().filter(Candidates::named).toList();
    int n = Math.min(mentions.size(), MAX_MENTIONS);
    List<Optional<Integer>> heads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      heads.add(sentence.head(mentions.get(i)));
    }
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Mention a = mentions.get(i);
        Mention b = mentions.get(j);
        if (i == j
            || (a.start() < b.end() && b.start() < a.end())
            || !RelationLabel.anyFits(a.type(), b.type())
            || heads.get(i).isEmpty()
            || heads.get(j).isEmpty()
            || heads.get(i).get().equals(heads.get(j).get())) {
          continue;
        }
        out.add(new Candidate(a, b, heads.get(i).get(), heads.get(j).get()));
      }
    }
    return out;
  }

  /** Whether {@code m} is a name rather than a description or an office. */
  static boolean named(Mention m) {
    if (m.extractor().equals(Mention.GIVEN)) {
      return true;
    }
    int first = m.text().codePointAt(0);
    return (Character.isUpperCase(first) || Character.isDigit(first))
        && !m.extractor().equals(TITLE_EXTRACTOR);
  }

  /** The extractor of offices read as people ("the Foreign Secretary"). */
  private static final String TITLE_EXTRACTOR = "pattern:title";
}
