/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name with a person's title or occupation before it is a person, whatever the recogniser said:
 * "President Lincoln" (Lincoln read as a place), "Ms. Calico" (the whole read as a place),
 * "playwright Tennessee Williams", "the Duchess of York" (read as organisations). The title words
 * are English forms of address and offices, and the occupations are lower-case nouns of people;
 * neither list names anyone.
 */
final class PeopleByTitle {
  private static final Pattern TITLE_BEFORE =
      Pattern.compile(
          "(?:^|[^\\p{L}.])(?:President|Sen\\.|Senator|Gov\\.|Governor|Gen\\.|Col\\.|Lt\\.|Capt\\."
              + "|Maj\\.|Sgt\\.|Adm\\.|Rep\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.|Prof\\.|Rev\\.|Prince"
              + "|Princess|King|Queen|Archduke|Duke|Duchess|Sheikh|Ayatollah|Judge|Justice|Pope"
              + "|Premier|Chancellor|Mayor|Ambassador|Secretary|Minister|Pres\\.)\\s+$");

  private static final Pattern TITLE_INSIDE =
      Pattern.compile(
          "(?:Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.|Sen\\.|Gen\\.|Rev\\.|Gov\\.|Prof\\.)\\s+\\p{Lu}.*"
              + "|(?:Duke|Duchess|Prince|Princess|Earl|Countess|King|Queen) of \\p{Lu}.*");

  /** Lower-case nouns of people that stand before a name as its title: "historian Roy Medvedev". */
  private static final Set<String> OCCUPATIONS =
      Set.of(
          "actor",
          "actress",
          "author",
          "writer",
          "playwright",
          "poet",
          "novelist",
          "composer",
          "singer",
          "painter",
          "historian",
          "pianist",
          "director",
          "producer",
          "spokesman",
          "spokeswoman",
          "lawyer",
          "attorney",
          "prosecutor",
          "judge",
          "assassin",
          "gunman",
          "killer",
          "officer",
          "commander",
          "colonel",
          "general",
          "minister",
          "president",
          "chairman",
          "secretary",
          "senator",
          "governor",
          "candidate",
          "businessman",
          "banker",
          "cleric",
          "preacher",
          "coach",
          "aide",
          "adviser",
          "advisor",
          "professor",
          "scientist",
          "economist");

  private static final Pattern WORD_BEFORE = Pattern.compile("(\\p{Ll}[\\p{Ll}-]*)\\s+$");

  private static final Set<String> NOT_OCCUPATIONS =
      Set.of("against", "exist", "insist", "assist", "resist", "persist", "consist", "amidst");

  private PeopleByTitle() {}

  static List<Mention> apply(String text, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if (m.type() != MentionType.PERSON
          && !NameFinder.endsWithOrganizationWord(m.text())
          && (TITLE_INSIDE.matcher(m.text()).matches() || titled(text, m))) {
        out.add(Retyping.as(m, MentionType.PERSON));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean titled(String text, Mention m) {
    int from = Math.max(0, m.start() - 24);
    String before = text.substring(from, m.start());
    if (TITLE_BEFORE.matcher(before).find()) {
      return true;
    }
    Matcher word = WORD_BEFORE.matcher(before);
    if (!word.find()) {
      return false;
    }
    String w = word.group(1).toLowerCase(Locale.ROOT);
    String last = w.contains("-") ? w.substring(w.lastIndexOf('-') + 1) : w;
    return OCCUPATIONS.contains(last)
        || (last.length() > 6 && last.endsWith("ist") && !NOT_OCCUPATIONS.contains(last));
  }
}
