/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.syntax.Dependency;

/** Where a place stands to a word: after "in", "of", "from", "at" or "near", or before a hyphen. */
final class Places {
  private static final List<String> LOCATIVE =
      List.of(
          "nmod:in", "nmod:of", "nmod:from", "nmod:at", "nmod:near", "nmod:outside", "nmod:inside");

  private Places() {}

  /** The places a noun is "in" or "of" ("the police in Tehran", "the mayor of Dallas"). */
  static List<Mention> of(MentionedSentence s, int word) {
    List<Mention> out = new ArrayList<>();
    for (String rel : LOCATIVE) {
      for (int d : s.parse().dependents(word, rel)) {
        s.mentionAt(d, MentionType.LOCATION).filter(m -> !out.contains(m)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The places a verb is "in" ("lives in Dallas", "based in Tehran"). */
  static List<Mention> obliqueOf(MentionedSentence s, int verb) {
    List<Mention> out = new ArrayList<>();
    for (Dependency d : s.parse().dependents(verb)) {
      if (d.is("obl:in") || d.is("obl:at") || d.is("obl:near") || d.is("obl:outside")) {
        s.mentionAt(d.dependent(), MentionType.LOCATION)
            .filter(m -> !out.contains(m))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /** A place that heads a hyphenated modifier: "Tehran-based", "a Dallas-area firm". */
  static Optional<Mention> hyphenated(MentionedSentence s, int word, String suffix) {
    String text = s.parse().token(word).word();
    if (!text.endsWith("-" + suffix)) {
      return Optional.empty();
    }
    return s.mentionAt(word, MentionType.LOCATION);
  }
}
