/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A short name the text gives a body in brackets stays that body's name all through the document:
 * after "Venezuela's Bolivarian National Intelligence Service (SEBIN)", a later "agents of the
 * SEBIN" that the recogniser typed as a place is the organisation. The letters need not spell the
 * long form's initials (a name in another language rarely does), so the evidence is the bracket
 * after the body's name, as the recogniser read it.
 */
final class ShortNamesDefinedAsBodies {
  private static final Pattern SHORT_NAME = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&-]{1,9}");

  private ShortNamesDefinedAsBodies() {}

  static List<Mention> apply(String text, List<Mention> found) {
    Set<String> defined = new HashSet<>();
    for (Mention m : found) {
      if (m.type() == MentionType.ORGANIZATION
          && SHORT_NAME.matcher(m.text()).matches()
          && m.start() > 0
          && m.end() < text.length()
          && text.charAt(m.start() - 1) == '('
          && text.charAt(m.end()) == ')') {
        defined.add(m.text());
      }
    }
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      boolean retype = defined.contains(m.text()) && m.type() != MentionType.ORGANIZATION;
      out.add(retype ? Retyping.as(m, MentionType.ORGANIZATION) : m);
    }
    return out;
  }
}
