/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * The doer named before a noun for a deed: "an FMLN ambush", "a rebel attack", "the Hamas bombing".
 * Only a body, or a word for irregular fighters, is taken: "the embassy bombing" names what was
 * bombed, and "a car bomb attack" what it was done with.
 */
final class DoerNamedBefore {
  /**
   * Words for people who fight for no state: their deed is theirs. "Terrorist" is left out: "a
   * terrorist attack" says what kind of attack it was, seldom who did it.
   */
  private static final Set<String> FIGHTERS =
      Set.of("rebel", "guerrilla", "insurgent", "militant", "commando", "militia");

  /**
   * Last words of names of places built, which a deed named after them was done to: "the 1984 US
   * Embassy bombings", "the Khobar Towers bombing".
   */
  private static final Set<String> BUILT =
      Set.of(
          "embassy",
          "consulate",
          "tower",
          "towers",
          "building",
          "hotel",
          "office",
          "station",
          "bank",
          "headquarters",
          "barracks",
          "base",
          "school",
          "church",
          "mosque",
          "synagogue",
          "airport",
          "market",
          "plant",
          "pipeline");

  private DoerNamedBefore() {}

  /** The words before {@code deed} that name who did it; often none. */
  static List<Integer> doers(MentionedSentence s, int deed) {
    List<Integer> out = new ArrayList<>();
    for (Dependency d : s.parse().dependents(deed)) {
      int w = d.dependent();
      if (w > deed || !(d.is("compound") || d.is("amod"))) {
        continue;
      }
      boolean body =
          s.mentionAt(w, MentionType.ORGANIZATION)
              .filter(m -> !BUILT.contains(lastWord(m.text())))
              .isPresent();
      String word = s.parse().token(w).word().toLowerCase(Locale.ROOT);
      if (body || FIGHTERS.contains(s.lemma(w)) || FIGHTERS.contains(word)) {
        out.add(w);
      }
    }
    return out;
  }

  private static String lastWord(String words) {
    String[] all = words.toLowerCase(Locale.ROOT).split("\\s+");
    return all[all.length - 1];
  }
}
