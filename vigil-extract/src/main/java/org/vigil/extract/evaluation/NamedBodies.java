/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.syntax.Dependency;
import org.vigil.extract.syntax.ParsedSentence;
import org.vigil.extract.syntax.Token;

/**
 * Names of bodies that lower-case wire copy gives away by their form or their context, where a
 * recogniser would have the capitals to go by: a word with no vowel is an acronym ("fmln",
 * "fmln-fdr"), and a word set beside a description of a body names one ("the fmln, an armed group
 * that ...").
 */
final class NamedBodies {
  private static final Pattern WORD =
      Pattern.compile("(?<![a-z0-9'-])[a-z]+(?:-[a-z]+)*(?![a-z0-9-])");
  private static final Pattern VOWEL = Pattern.compile("[aeiouy]");

  /** Abbreviations with no vowel that name units and titles, not bodies. */
  private static final Set<String> NOT_BODIES =
      Set.of("mrs", "gmt", "ltd", "mph", "kph", "hrs", "pct", "cst", "bbc");

  /** Heads of descriptions that make what they describe a body: "an armed group". */
  private static final Set<String> BODY_HEADS =
      Set.of(
          "group",
          "organization",
          "organisation",
          "movement",
          "front",
          "army",
          "party",
          "branch",
          "wing",
          "faction",
          "cartel",
          "militia");

  private NamedBodies() {}

  /**
   * Whether a lower-case word is an acronym: three letters or more with no vowel in any of its
   * hyphened parts ("fmln", "fmln-fdr"; not "km", "mrs").
   */
  static boolean isAcronym(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < 3 || NOT_BODIES.contains(w) || !WORD.matcher(w).matches()) {
      return false;
    }
    for (String part : w.split("-")) {
      if (part.length() < 2 || VOWEL.matcher(part).find()) {
        return false;
      }
    }
    return true;
  }

  /** The acronyms of {@code text}, in lower case. */
  static Set<String> acronyms(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (isAcronym(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  /**
   * The nouns a sentence describes as a body by an apposition: "fmln" of "the fmln, an armed group
   * that has been fighting", "extraditables" of "the extraditables, the armed branch of the
   * cartel".
   */
  static Set<String> apposedToABody(ParsedSentence parse) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : parse.tokens()) {
      if (!t.isNoun()) {
        continue;
      }
      for (Dependency d : parse.dependents(t.index())) {
        if (d.is("appos") && BODY_HEADS.contains(parse.token(d.dependent()).lemma())) {
          out.add(t.word().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /**
   * The one body a document's fighters are of, which "the guerrillas" and "the rebels" of that
   * document then refer to: the only body named beside a word for its fighters, or else the only
   * body the document names at all. Empty when there are none or several.
   */
  static Optional<String> theOne(Set<String> foughtFor, Set<String> named) {
    if (foughtFor.size() == 1) {
      return foughtFor.stream().findFirst();
    }
    if (foughtFor.isEmpty() && named.size() == 1) {
      return named.stream().findFirst();
    }
    return Optional.empty();
  }
}
